package dev.cairn.telemetry.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.cairn.telemetry.EnvironmentBackends;
import dev.cairn.telemetry.TelemetryBackends;

/**
 * The real backends of each configured environment, as {@link BackendsBuilder} made them
 * from the properties. Closing it releases what the adapters hold (the Kubernetes
 * clients).
 */
final class ConfiguredBackends implements TelemetryBackends, AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(ConfiguredBackends.class);

	private final Map<String, EnvironmentBackends> environments;

	private final Map<String, List<String>> descriptions;

	private final List<AutoCloseable> resources;

	/**
	 * @param environments each environment's backends, in the configured order
	 * @param descriptions what each environment's backends are, for logs (no secrets)
	 * @param resources what must be closed on shutdown
	 */
	ConfiguredBackends(Map<String, EnvironmentBackends> environments, Map<String, List<String>> descriptions,
			List<AutoCloseable> resources) {
		this.environments = Collections.unmodifiableMap(new LinkedHashMap<>(environments));
		this.descriptions = Collections.unmodifiableMap(new LinkedHashMap<>(descriptions));
		this.resources = List.copyOf(resources);
	}

	@Override
	public List<String> environments() {
		return List.copyOf(this.environments.keySet());
	}

	@Override
	public EnvironmentBackends forEnvironment(String environment) {
		EnvironmentBackends backends = (environment != null) ? this.environments.get(environment) : null;
		if (backends == null) {
			throw new IllegalArgumentException("no telemetry backends are configured for environment '" + environment
					+ "'; the configured environments are " + String.join(", ", this.environments.keySet()));
		}
		return backends;
	}

	@Override
	public void close() {
		List<AutoCloseable> reversed = new ArrayList<>(this.resources);
		Collections.reverse(reversed);
		for (AutoCloseable resource : reversed) {
			try {
				resource.close();
			}
			catch (Exception ex) {
				logger.warn("could not close telemetry backend {}: {}", resource, ex.toString());
			}
		}
	}

	/**
	 * One line per environment with the backends it has, for example
	 * {@code production: deployments Kubernetes (context prod), metrics Prometheus (http://prometheus:9090)}.
	 */
	@Override
	public String toString() {
		List<String> lines = new ArrayList<>();
		this.descriptions.forEach((environment, backends) -> lines
			.add(environment + ": " + (backends.isEmpty() ? "no backends" : String.join(", ", backends))));
		return String.join("\n", lines);
	}

}
