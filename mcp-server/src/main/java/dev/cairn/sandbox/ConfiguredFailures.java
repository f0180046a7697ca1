package dev.cairn.sandbox;

import java.util.Map;

/**
 * The failures {@code cairn.sandbox.failures.<service>.<environment>} asks for at start,
 * injected as of the sandbox's start. A value is a failure's name, or
 * {@code dependency-failing:<dependency>}.
 */
final class ConfiguredFailures {

	static final String PREFIX = "cairn.sandbox.failures.";

	private ConfiguredFailures() {
	}

	/**
	 * @throws IllegalStateException naming the property when a service, environment or
	 * failure is unknown
	 */
	static void apply(SandboxProperties properties, SandboxPlatform platform) {
		for (Map.Entry<String, Map<String, String>> service : properties.failures().entrySet()) {
			if (service.getValue().isEmpty()) {
				throw new IllegalStateException(PREFIX + service.getKey() + " names no environment; write " + PREFIX
						+ service.getKey() + ".<staging|production>=<failure>");
			}
			for (Map.Entry<String, String> environment : service.getValue().entrySet()) {
				String property = PREFIX + service.getKey() + "." + environment.getKey();
				String value = (environment.getValue() != null) ? environment.getValue().trim() : "";
				int colon = value.indexOf(':');
				String failure = (colon >= 0) ? value.substring(0, colon).trim() : value;
				String dependency = (colon >= 0) ? value.substring(colon + 1).trim() : null;
				try {
					platform.inject(service.getKey(), environment.getKey(), failure, dependency, platform.startedAt());
				}
				catch (InvalidChange ex) {
					throw new IllegalStateException(property + "=" + value + ": " + ex.getMessage(), ex);
				}
			}
		}
	}

}
