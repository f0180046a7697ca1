package dev.cairn.sandbox;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The failures {@code cairn.sandbox.failures.<service>.<environment>} asks for at start,
 * injected as of the sandbox's start. A value is a failure's name, or
 * {@code dependency-failing:<dependency>}. A service the catalog does not list at all is
 * skipped with a warning (the bundled setting breaks the demo's checkout-web, which a
 * team's own catalog may not have); every other mistake stops the start.
 */
final class ConfiguredFailures {

	private static final Logger logger = LoggerFactory.getLogger(ConfiguredFailures.class);

	static final String PREFIX = "cairn.sandbox.failures.";

	private ConfiguredFailures() {
	}

	/**
	 * @throws IllegalStateException naming the property when an environment or failure is
	 * unknown, or the catalog's service is not one the sandbox deploys there
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
				if (!platform.catalogLists(service.getKey())) {
					logger.warn("{}={} is ignored: the catalog lists no component '{}'", property, value,
							service.getKey());
					continue;
				}
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
