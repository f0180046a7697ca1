package dev.cairn.sandbox;

import java.util.List;
import java.util.Objects;

/**
 * A service as the sandbox deploys it in one environment: where it runs, how many
 * replicas, what it is written in, who commits to it, and what it calls.
 *
 * @param service the component's name
 * @param environment staging or production
 * @param namespace the Kubernetes namespace
 * @param name the Deployment's name (the component's kubernetes-id)
 * @param replicas desired replicas
 * @param runtime what the service is written in, which shapes its log lines
 * @param authors who commits to it: the members of the owning group
 * @param dependencies the components it depends on that run in the same environment, in
 * the catalog's relation order
 * @param database the database it uses, or {@code null}
 * @param projectSlug its GitHub repository, {@code owner/name}
 */
record Workload(String service, String environment, String namespace, String name, int replicas, Runtime runtime,
		List<String> authors, List<Peer> dependencies, String database, String projectSlug) {

	Workload {
		Objects.requireNonNull(service, "service");
		Objects.requireNonNull(environment, "environment");
		authors = List.copyOf(authors);
		dependencies = List.copyOf(dependencies);
	}

	/** A service the catalog does not describe (yet), deployed with defaults. */
	static Workload unknown(String service, String environment, String author) {
		return new Workload(service, environment, "default", service, replicasIn(environment), Runtime.JVM,
				List.of((author != null) ? author : "deploy-bot"), List.of(), null, "acme/" + service);
	}

	static int replicasIn(String environment) {
		return "production".equals(environment) ? 3 : 2;
	}

	Key key() {
		return new Key(this.service, this.environment);
	}

	String image(String version) {
		return "registry.acme.dev/" + this.name + ":" + version;
	}

	/** The in-cluster URL of this service, as its callers use it. */
	String url() {
		return "http://" + this.name + "." + this.namespace + ".svc.cluster.local";
	}

	/** The database host its startup connects to: its own, or a plausible one. */
	String databaseHost() {
		return (this.database != null) ? this.database : this.name + "-db";
	}

	/**
	 * A service and environment, the key of everything the sandbox holds.
	 *
	 * @param service the component's name
	 * @param environment the environment
	 */
	record Key(String service, String environment) {

		@Override
		public String toString() {
			return this.service + " in " + this.environment;
		}

	}

	/**
	 * A component this one depends on, where it runs.
	 *
	 * @param service its component name
	 * @param namespace its namespace
	 * @param name its Deployment's name
	 */
	record Peer(String service, String namespace, String name) {

		String url() {
			return "http://" + this.name + "." + this.namespace + ".svc.cluster.local";
		}

	}

}
