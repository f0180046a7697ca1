package dev.cairn.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sandbox settings ({@code cairn.sandbox.*}).
 *
 * @param enabled whether the sandbox deploys the catalog's services (the default); with
 * {@code false} every environment is empty and no failure can be injected, so a real
 * catalog pointed at Cairn without real telemetry shows no made-up deployments
 * @param failures failures present at start, by service and environment:
 * {@code cairn.sandbox.failures.checkout-web.staging=missing-config}, or
 * {@code dependency-failing:payment-api} to name the failing dependency
 */
@ConfigurationProperties("cairn.sandbox")
public record SandboxProperties(@DefaultValue("true") boolean enabled, Map<String, Map<String, String>> failures) {

	public SandboxProperties {
		Map<String, Map<String, String>> copy = new LinkedHashMap<>();
		if (failures != null) {
			failures.forEach((service, byEnvironment) -> copy.put(service,
					(byEnvironment != null) ? Map.copyOf(byEnvironment) : Map.of()));
		}
		failures = java.util.Collections.unmodifiableMap(copy);
	}

	/** Enabled, with no failures at start. */
	public static SandboxProperties defaults() {
		return new SandboxProperties(true, Map.of());
	}

}
