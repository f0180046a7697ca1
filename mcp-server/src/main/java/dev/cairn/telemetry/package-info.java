/**
 * What the platform knows about a running service: its deployment state, logs, metrics,
 * delivery history and CI builds, behind one port each ({@link DeploymentStates},
 * {@link Logs}, {@link Metrics}, {@link Delivery}, {@link Builds}). Adapters for real
 * backends live in subpackages (Kubernetes, Prometheus, Loki, Argo CD, GitHub Actions);
 * the embedded sandbox implements the same ports. The types here are the ports' whole
 * vocabulary: plain records with no backend's names in them, so a diagnosis reads the
 * same facts whichever backend produced them. A backend that cannot answer throws
 * {@link BackendException}, which names it.
 */
package dev.cairn.telemetry;
