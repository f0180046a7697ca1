/**
 * The {@link dev.cairn.telemetry.Logs} port over Loki's HTTP API: LogQL built from the
 * service's stream selector with escaped values, a level filter that works on JSON,
 * logfmt and plain lines alike, the caller's own LogQL passed through, and answers read
 * within line, byte and size bounds that the page reports.
 */
package dev.cairn.telemetry.loki;
