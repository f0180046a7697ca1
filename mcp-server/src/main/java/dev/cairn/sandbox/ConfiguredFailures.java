package dev.cairn.sandbox;

import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The failures {@code cairn.sandbox.failures.<service>.<environment>} asks for at start,
 * injected as of the sandbox's start. A value is a failure's name, or
 * {@code dependency-failing:<dependency>}.
 */
final class ConfiguredFailures {

	private static final Logger logger = LoggerFactory.getLogger(ConfiguredFailures.class);

	static final String PREFIX = "cairn.sandbox.failures.";

	private ConfiguredFailures() {
	}

	/**
	 * @param shipped the {@code <service>.<environment>} keys the jar's own properties
	 * set: for the demo organisation, skipped when the catalog does not deploy the
	 * service
	 * @throws IllegalStateException naming the property when a service, environment or
	 * failure is unknown
	 */
	static void apply(SandboxProperties properties, SandboxPlatform platform, Set<String> shipped) {
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
					if ("service".equals(ex.field())
							&& shipped.contains(service.getKey() + "." + environment.getKey())) {
						logger.info("{}={} is the sandbox profile's demo failure; skipped, as {}", property, value,
								ex.getMessage());
						continue;
					}
					throw new IllegalStateException(property + "=" + value + ": " + ex.getMessage(), ex);
				}
			}
		}
	}

}
