/**
 * The real telemetry backends, built from configuration: {@code cairn.telemetry.*}
 * ({@link dev.cairn.telemetry.config.TelemetryProperties}) mapped onto the settings of
 * the Kubernetes, Prometheus, Loki, Argo CD and GitHub Actions adapters, one set per
 * environment, and served as the {@link dev.cairn.telemetry.TelemetryBackends} bean when
 * {@code cairn.telemetry.source=backends}. It owns the checks that make a mistake in that
 * configuration stop the start with the property at fault, and it never shows a token or
 * a password. The telemetry ports know nothing of it.
 */
package dev.cairn.telemetry.config;
