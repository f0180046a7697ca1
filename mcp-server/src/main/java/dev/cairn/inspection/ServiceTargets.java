package dev.cairn.inspection;

import java.util.List;

import dev.cairn.catalog.Catalog;
import dev.cairn.catalog.CatalogService;
import dev.cairn.catalog.Entity;
import dev.cairn.catalog.EntityLookup;
import dev.cairn.mcp.ToolInputException;
import dev.cairn.telemetry.EnvironmentBackends;
import dev.cairn.telemetry.ServiceTarget;
import dev.cairn.telemetry.TelemetryBackends;

import org.springframework.stereotype.Component;

/**
 * Turns a tool's {@code service} and {@code environment} arguments into the catalog
 * component, the {@link ServiceTarget} the ports take (with the component's annotations)
 * and the environment's backends. Unknown services and environments are argument errors
 * that name what there is.
 */
@Component
public class ServiceTargets {

	private final CatalogService catalogs;

	private final TelemetryBackends telemetry;

	public ServiceTargets(CatalogService catalogs, TelemetryBackends telemetry) {
		this.catalogs = catalogs;
		this.telemetry = telemetry;
	}

	/**
	 * The service and environment a call is about.
	 * @param service a component's name or ref
	 * @param environment an environment there are backends for
	 * @throws ToolInputException when the catalog has no such component or no backends
	 * answer for the environment
	 */
	public Resolved resolve(String service, String environment) {
		Catalog catalog = this.catalogs.current();
		if (service == null || service.isBlank()) {
			throw new ToolInputException("service", "name the service, for example payment-api");
		}
		Entity entity = EntityLookup.require(catalog, "service", service.trim());
		if (!"component".equals(entity.ref().kind())) {
			throw new ToolInputException("service",
					entity.ref() + " is a " + entity.ref().kind() + ", not a component; name a service");
		}
		String env = environment(environment);
		EnvironmentBackends backends = this.telemetry.forEnvironment(env);
		return new Resolved(catalog, entity,
				new ServiceTarget(entity.metadata().name(), env, entity.metadata().annotations()), backends);
	}

	/** The environments a call may name. */
	public List<String> environments() {
		return this.telemetry.environments();
	}

	private String environment(String environment) {
		List<String> known = this.telemetry.environments();
		if (environment == null || environment.isBlank()) {
			throw new ToolInputException("environment", "name the environment: one of " + String.join(", ", known));
		}
		String env = environment.trim();
		if (!known.contains(env)) {
			throw new ToolInputException("environment",
					"there is no environment '" + env + "'; there are " + String.join(", ", known));
		}
		return env;
	}

	/**
	 * The catalog's target ref for a service argument, for the audit trail and policy.
	 */
	public static String targetOf(String service) {
		return (service != null) ? EntityLookup.targetOf(service.trim()) : null;
	}

	/**
	 * A resolved call.
	 *
	 * @param catalog the catalog it was resolved in (for owners, on-call and
	 * dependencies)
	 * @param entity the component
	 * @param target what the ports take
	 * @param backends the environment's backends
	 */
	public record Resolved(Catalog catalog, Entity entity, ServiceTarget target, EnvironmentBackends backends) {

	}

}
