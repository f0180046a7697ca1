package dev.cairn.diagnosis;

import java.util.List;

import dev.cairn.telemetry.EnvironmentBackends;

/**
 * One state of a platform to diagnose both ways, and what the answer must show.
 *
 * @param name names the scenario (and its series in the shared Prometheus)
 * @param source the state, behind the five telemetry ports of the environment asked about
 * (a hand-built {@link FakePlatform}, or the embedded sandbox)
 * @param service the service asked about
 * @param environment the environment asked about
 * @param needsMetrics whether the diagnosis' point is in the metrics: without a real
 * Prometheus such a scenario is skipped, and the others are diagnosed with no metrics
 * store on either path
 * @param keyEvidence words the root cause's evidence (or, for a healthy service, the
 * headline) must hold on both paths
 */
record ParityScenario(String name, EnvironmentBackends source, String service, String environment, boolean needsMetrics,
		List<String> keyEvidence) {

	ParityScenario {
		if (!source.environment().equals(environment)) {
			throw new IllegalArgumentException(
					"the source answers for " + source.environment() + ", not " + environment);
		}
		keyEvidence = List.copyOf(keyEvidence);
	}

	/**
	 * A hand-built state of checkout-web in staging, which needs metrics when it has
	 * curves.
	 */
	ParityScenario(String name, FakePlatform platform, String... keyEvidence) {
		this(name, platform.backends("staging"), ParityStates.SERVICE, "staging", !platform.curves.isEmpty(),
				List.of(keyEvidence));
	}

	/** The source without its metrics store. */
	EnvironmentBackends sourceWithoutMetrics() {
		return new EnvironmentBackends(this.source.environment(), this.source.deployments(), this.source.logs(), null,
				this.source.delivery(), this.source.builds());
	}

	@Override
	public String toString() {
		return this.name;
	}

}
