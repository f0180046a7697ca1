package dev.cairn.sandbox;

import java.util.List;

import dev.cairn.telemetry.EnvironmentBackends;
import dev.cairn.telemetry.TelemetryBackends;

/** The sandbox answering for all of its environments, every port from the sandbox. */
final class SandboxTelemetry implements TelemetryBackends {

	private final SandboxPlatform platform;

	SandboxTelemetry(SandboxPlatform platform) {
		this.platform = platform;
	}

	@Override
	public List<String> environments() {
		return this.platform.environments();
	}

	@Override
	public EnvironmentBackends forEnvironment(String environment) {
		return this.platform.backends(environment);
	}

}
