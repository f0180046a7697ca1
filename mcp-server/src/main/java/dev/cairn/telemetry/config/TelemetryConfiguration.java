package dev.cairn.telemetry.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import dev.cairn.telemetry.TelemetryBackends;

/**
 * With {@code cairn.telemetry.source=backends}, the {@link TelemetryBackends} are the
 * real adapters configured under {@code cairn.telemetry.environments.<name>} (and
 * {@code cairn.telemetry.github}). An invalid configuration stops the start with a
 * message naming each property at fault; the adapters' clients are closed on shutdown.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "cairn.telemetry.source", havingValue = TelemetryProperties.BACKENDS)
@EnableConfigurationProperties(TelemetryProperties.class)
class TelemetryConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(TelemetryConfiguration.class);

	@Bean(destroyMethod = "close")
	ConfiguredBackends telemetryBackends(TelemetryProperties properties, Environment environment) {
		ConfiguredBackends backends = BackendsBuilder.build(properties, KnownProperties.in(environment));
		logger.info("Telemetry from the configured backends:\n{}", backends);
		return backends;
	}

}
