package dev.cairn.goldenpath;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where golden-path repositories live ({@code cairn.goldenpath.git.*}): local bare
 * repositories under {@code root} (the sandbox), or, when {@code remote} is set, that
 * remote. Computing a location touches no file.
 *
 * @param root the folder of local bare repositories, {@code <root>/<org>/<name>.git}
 * @param remote a remote's base URL (e.g. {@code https://github.com}); unset means local
 * @param gitops the GitOps repository; unset means {@code <root>/platform/gitops.git}
 */
@ConfigurationProperties("cairn.goldenpath.git")
public record GitLocations(String root, String remote, String gitops) {

	public GitLocations {
		root = blank(root) ? "./data/git" : root;
		remote = blank(remote) ? null : remote.replaceAll("/+$", "");
		gitops = blank(gitops) ? Path.of(root, "platform", "gitops.git").toString() : gitops;
	}

	/**
	 * Whether repositories are made on a remote rather than as local bare repositories.
	 */
	public boolean isRemote() {
		return this.remote != null;
	}

	/** Where the repository of that organisation and name would be. */
	public String repository(String organisation, String name) {
		return isRemote() ? this.remote + "/" + organisation + "/" + name + ".git"
				: localRepository(organisation, name).toString();
	}

	Path localRepository(String organisation, String name) {
		return Path.of(this.root, organisation, name + ".git").normalize();
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
