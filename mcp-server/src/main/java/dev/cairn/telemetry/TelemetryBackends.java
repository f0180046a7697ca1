package dev.cairn.telemetry;

import java.util.List;

/**
 * Which backends answer for each environment: the real adapters configured under
 * {@code cairn.telemetry.environments.<name>}, or the embedded sandbox, which answers for
 * all of its environments. Tools and the diagnosis find their backends here and nowhere
 * else, so they read the same ports whichever platform is behind them.
 */
public interface TelemetryBackends {

	/** The environments there are backends for, in the configured order. */
	List<String> environments();

	/**
	 * The backends of one environment.
	 * @throws IllegalArgumentException when no backends are configured for the
	 * environment; the message names the environments there are
	 */
	EnvironmentBackends forEnvironment(String environment);

}
