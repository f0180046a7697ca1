/**
 * The {@link dev.cairn.telemetry.Delivery} port over Argo CD's REST API: an application's
 * sync and health status, its last sync operation, and its deploy history with the
 * versions and commits it rolled out. A thin client on the JDK's HTTP client; Argo CD's
 * gRPC-gateway error bodies are read for their message, and the API token never appears
 * in a message.
 */
package dev.cairn.telemetry.argocd;
