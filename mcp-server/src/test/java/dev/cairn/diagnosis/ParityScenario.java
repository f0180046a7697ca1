package dev.cairn.diagnosis;

import java.util.List;

/**
 * One state of the platform to diagnose both ways, and what the answer must show.
 *
 * @param name names the scenario (and its series in the shared Prometheus)
 * @param platform the state, behind the five telemetry ports
 * @param service the service asked about
 * @param environment the environment asked about
 * @param keyEvidence words the root cause's evidence (or, for a healthy service, the
 * headline) must hold on both paths
 */
record ParityScenario(String name, FakePlatform platform, String service, String environment,
		List<String> keyEvidence) {

	ParityScenario(String name, FakePlatform platform, String... keyEvidence) {
		this(name, platform, ParityStates.SERVICE, "staging", List.of(keyEvidence));
	}

	@Override
	public String toString() {
		return this.name;
	}

}
