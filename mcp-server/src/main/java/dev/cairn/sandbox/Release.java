package dev.cairn.sandbox;

import java.time.Instant;
import java.util.Objects;

/**
 * One deploy of a service to an environment: a commit built into an image tag and handed
 * to the delivery system.
 *
 * @param version the image tag, a semantic version
 * @param commit the 40-hex commit it was built from
 * @param author who made the commit
 * @param message the commit's first line
 * @param deployedAt when the delivery system applied it (or tried to)
 * @param failure the failure this change introduced, or {@code null} for a healthy one
 */
record Release(String version, String commit, String author, String message, Instant deployedAt, Failure failure) {

	Release {
		Objects.requireNonNull(version, "version");
		Objects.requireNonNull(commit, "commit");
		Objects.requireNonNull(deployedAt, "deployedAt");
	}

	/** Whether the change reached the cluster (a failed PreSync migration stops it). */
	boolean applied() {
		return this.failure == null || this.failure.rollout() != Failure.Rollout.NOT_APPLIED;
	}

	/** Whether its pods never become available, so the rollout stalls. */
	boolean stalls() {
		return this.failure != null && this.failure.rollout() == Failure.Rollout.STUCK;
	}

	boolean carries(Failure candidate) {
		return this.failure == candidate;
	}

	String shortCommit() {
		return this.commit.substring(0, 7);
	}

}
