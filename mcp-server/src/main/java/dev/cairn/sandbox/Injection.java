package dev.cairn.sandbox;

import java.time.Instant;

/**
 * What a change to the sandbox did: the revision it deployed, or the dependency it made
 * fail (or recover), in words and as data.
 *
 * @param service the service changed
 * @param environment the environment
 * @param failure the failure's name ({@code none} for a fix, {@code null} for a plain
 * deploy)
 * @param summary what happened, in a sentence or two
 * @param revision the revision deployed, or {@code null} when none was
 * @param dependency the dependency that fails or recovered, or {@code null}
 * @param since when the dependency started failing (or recovered), or {@code null}
 */
public record Injection(String service, String environment, String failure, String summary, Revision revision,
		String dependency, Instant since) {

	/**
	 * A revision the change deployed.
	 *
	 * @param version its image tag
	 * @param commit its commit
	 * @param author who made the commit
	 * @param message the commit's first line
	 * @param image the full image reference
	 * @param deployedAt when the delivery system applied it (or tried to)
	 */
	public record Revision(String version, String commit, String author, String message, String image,
			Instant deployedAt) {

		static Revision of(Workload workload, Release release) {
			return new Revision(release.version(), release.commit(), release.author(), release.message(),
					workload.image(release.version()), release.deployedAt());
		}

	}

}
