/**
 * The {@link dev.cairn.telemetry.Metrics} port over Prometheus' HTTP API: named metrics
 * asked as PromQL templates rendered for the service (label values escaped, never
 * spliced), raw PromQL passed through, answers read within series, point and byte bounds
 * that the result reports.
 */
package dev.cairn.telemetry.prometheus;
