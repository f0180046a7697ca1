package dev.cairn.sandbox;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import dev.cairn.catalog.CatalogService;
import dev.cairn.telemetry.TelemetryBackends;

/**
 * The sandbox as the telemetry source, unless {@code cairn.telemetry.source} names
 * another: the platform, and every environment's backends answered by it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = SandboxConfiguration.SOURCE, havingValue = "sandbox", matchIfMissing = true)
class SandboxConfiguration {

	static final String SOURCE = "cairn.telemetry.source";

	@Bean
	SandboxPlatform sandboxPlatform(CatalogService catalogs, Clock clock, SandboxProperties properties,
			Environment environment) {
		return new SandboxPlatform(catalogs, clock, properties, ShippedFailures.of(environment, properties));
	}

	@Bean
	TelemetryBackends sandboxTelemetry(SandboxPlatform platform) {
		return new SandboxTelemetry(platform);
	}

}
