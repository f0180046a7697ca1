package dev.cairn.telemetry;

import java.util.Objects;
import java.util.Optional;

/**
 * The backends of one environment. Any of them may be missing: an environment may have a
 * cluster but no log store, say. A tool that needs a missing one says which setting would
 * supply it; the diagnosis works with what there is and says what it could not consult.
 *
 * @param environment the environment's name
 * @param deployments deployment state (Kubernetes, or the sandbox), or {@code null}
 * @param logs the log store (Loki, or the sandbox), or {@code null}
 * @param metrics the metrics store (Prometheus, or the sandbox), or {@code null}
 * @param delivery the delivery system (Argo CD, or the sandbox), or {@code null}
 * @param builds the CI system (GitHub Actions, or the sandbox), or {@code null}
 */
public record EnvironmentBackends(String environment, DeploymentStates deployments, Logs logs, Metrics metrics,
		Delivery delivery, Builds builds) {

	public EnvironmentBackends {
		Objects.requireNonNull(environment, "environment");
	}

	public Optional<DeploymentStates> deploymentStates() {
		return Optional.ofNullable(this.deployments);
	}

	public Optional<Logs> logStore() {
		return Optional.ofNullable(this.logs);
	}

	public Optional<Metrics> metricStore() {
		return Optional.ofNullable(this.metrics);
	}

	public Optional<Delivery> deliverySystem() {
		return Optional.ofNullable(this.delivery);
	}

	public Optional<Builds> ciSystem() {
		return Optional.ofNullable(this.builds);
	}

	/**
	 * The deployment state port.
	 * @throws BackendException naming the setting to configure when there is none
	 */
	public DeploymentStates requireDeployments() {
		return require(this.deployments, "deployment state", "kubernetes.api-server (or kubernetes.kubeconfig)");
	}

	/**
	 * The log store.
	 * @throws BackendException naming the setting to configure when there is none
	 */
	public Logs requireLogs() {
		return require(this.logs, "log store", "loki.url");
	}

	/**
	 * The metrics store.
	 * @throws BackendException naming the setting to configure when there is none
	 */
	public Metrics requireMetrics() {
		return require(this.metrics, "metrics store", "prometheus.url");
	}

	private <T> T require(T backend, String what, String setting) {
		if (backend == null) {
			throw new BackendException("telemetry (" + this.environment + ")", "no " + what + " is configured for "
					+ this.environment + "; set cairn.telemetry.environments." + this.environment + "." + setting);
		}
		return backend;
	}

}
