package dev.cairn.sandbox;

import java.util.Optional;

import dev.cairn.catalog.Entity;
import dev.cairn.catalog.EntityRef;

/**
 * A service and environment a change names, checked against the world: an unknown name is
 * an {@link InvalidChange} that says what there is, and why a component of the catalog is
 * not deployed when that is the reason.
 *
 * @param deployment the service's deployment in the environment
 */
record Target(Deployment deployment) {

	static Target resolve(World world, String service, String environment) {
		String env = environment(environment);
		String name = serviceName(service);
		Deployment deployment = world.deployment(name, env);
		if (deployment == null) {
			throw new InvalidChange("service", whyNot(world, name, env) + "; the services deployed in " + env + " are "
					+ String.join(", ", world.servicesIn(env)));
		}
		return new Target(deployment);
	}

	static String environment(String environment) {
		String env = (environment != null) ? environment.trim() : "";
		if (!Fleet.ENVIRONMENTS.contains(env)) {
			throw new InvalidChange("environment",
					(env.isEmpty() ? "no environment named" : "there is no environment '" + env + "'")
							+ "; the sandbox's environments are " + String.join(", ", Fleet.ENVIRONMENTS));
		}
		return env;
	}

	/** A component's name, from a name or a ref such as {@code component:default/x}. */
	static String serviceName(String service) {
		if (service == null || service.isBlank()) {
			throw new InvalidChange("service", "name the service, for example payment-api");
		}
		EntityRef ref;
		try {
			ref = EntityRef.parse(service.trim(), "component", EntityRef.DEFAULT_NAMESPACE);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidChange("service", ex.getMessage());
		}
		if (!"component".equals(ref.kind())) {
			throw new InvalidChange("service", ref + " is a " + ref.kind() + ", not a component; name a service");
		}
		return ref.name();
	}

	static Failure failure(String name) {
		Failure failure = Failure.byWireName((name != null) ? name.trim() : null);
		if (failure == null) {
			throw new InvalidChange("failure",
					"unknown failure '" + name + "'; the failures are " + String.join(", ", Failure.wireNames()));
		}
		return failure;
	}

	private static String whyNot(World world, String service, String environment) {
		Optional<Entity> entity = world.catalog()
			.find(new EntityRef("component", EntityRef.DEFAULT_NAMESPACE, service));
		if (entity.isEmpty()) {
			return "the sandbox deploys no service '" + service + "' in " + environment;
		}
		if (Fleet.kubernetesId(entity.get()) == null) {
			return service + " has no backstage.io/kubernetes-id annotation, so the sandbox does not deploy it";
		}
		if (!Fleet.environmentsOf(entity.get()).contains(environment)) {
			return service + " is experimental, so the sandbox deploys it to staging only";
		}
		return "the sandbox is disabled (cairn.sandbox.enabled=false) and deploys nothing";
	}

	Workload workload() {
		return this.deployment.workload();
	}

	Workload.Key key() {
		return workload().key();
	}

	String service() {
		return workload().service();
	}

	String environment() {
		return workload().environment();
	}

	@Override
	public String toString() {
		return service() + " in " + environment();
	}

}
