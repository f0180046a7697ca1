/**
 * Inspecting a running service through the telemetry ports: its deployment state, logs
 * and metrics, as MCP tools. Which backends answer for an environment comes from
 * {@link dev.cairn.telemetry.TelemetryBackends}; the service comes from the catalog.
 */
package dev.cairn.inspection;
