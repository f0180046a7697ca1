package dev.cairn.goldenpath;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one step would make, as data a run compares its work against. Never holds a
 * secret: credentials appear as the name of the secret that would hold them.
 */
public sealed interface PlannedEffect {

	/**
	 * A new git repository and its first commit.
	 *
	 * @param name the repository's name
	 * @param organisation the organisation (folder, or remote owner) it belongs to
	 * @param location where it would be: a bare repository's path, or a remote URL
	 * @param commit the initial commit
	 */
	record RepositoryCreation(String name, String organisation, String location,
			PlannedCommit commit) implements PlannedEffect {
	}

	/**
	 * A catalog entity that would appear.
	 *
	 * @param ref the entity's ref, e.g. {@code component:default/fraud-scorer}
	 * @param kind the entity's kind as written
	 * @param namespace its namespace
	 * @param name its name
	 * @param owner its owner, as an entity ref
	 * @param system its system, as an entity ref, or {@code null}
	 * @param lifecycle its lifecycle
	 * @param annotations its annotations
	 * @param existing the entity already in the catalog under that ref, or {@code null}
	 */
	record CatalogRegistration(String ref, String kind, String namespace, String name, String owner, String system,
			String lifecycle, Map<String, String> annotations, String existing) implements PlannedEffect {

		public CatalogRegistration {
			annotations = Collections.unmodifiableMap(new LinkedHashMap<>(annotations));
		}

	}

	/**
	 * A declarative resource claim.
	 *
	 * @param kind {@code postgres} or {@code redis}
	 * @param name the resource's name
	 * @param owner the owning group
	 * @param system the system it belongs to
	 * @param environment the environment it is provisioned in
	 * @param size the size class
	 * @param encryptedAtRest whether its data is encrypted at rest (always)
	 * @param backups the backup policy
	 * @param credentialsSecret the name of the secret that would hold least-privilege
	 * credentials; never a value
	 */
	record ResourceClaim(String kind, String name, String owner, String system, String environment, String size,
			boolean encryptedAtRest, String backups, String credentialsSecret) implements PlannedEffect {
	}

	/**
	 * A commit of the service's manifests to the GitOps repository, then a wait for
	 * health.
	 *
	 * @param service the service deployed
	 * @param environment the environment
	 * @param namespace the Kubernetes namespace
	 * @param repository the GitOps repository's location
	 * @param path the folder the environment's sync reads, in the GitOps repository
	 * @param version the image version deployed
	 * @param commit the commit adding or updating the manifests
	 * @param healthChecks what the run would wait for, in order
	 */
	record GitOpsDeployment(String service, String environment, String namespace, String repository, String path,
			String version, PlannedCommit commit, List<String> healthChecks) implements PlannedEffect {

		public GitOpsDeployment {
			healthChecks = List.copyOf(healthChecks);
		}

	}

}
