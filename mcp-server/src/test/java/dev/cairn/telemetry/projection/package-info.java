/**
 * Test support: projects any platform that implements the telemetry ports onto stand-ins
 * of the real backends (fabric8's mock API server, a real Prometheus, WireMock for Loki,
 * Argo CD and GitHub Actions) and points the real adapters at them, so that the same
 * question can be asked through the source's ports and through the adapters, and the
 * answers compared.
 */
package dev.cairn.telemetry.projection;
