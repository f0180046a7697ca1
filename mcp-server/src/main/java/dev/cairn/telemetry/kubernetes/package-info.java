/**
 * The Kubernetes adapter for {@link dev.cairn.telemetry.DeploymentStates}: reads a
 * service's Deployment, its ReplicaSets (the revisions), Pods with their container
 * states, the service's Jobs and the Events about all of them through the fabric8 client,
 * and the container logs the kubelet keeps. It owns the connection settings
 * ({@link dev.cairn.telemetry.kubernetes.KubernetesSettings}), the mapping from
 * Kubernetes objects to the port's records, the bounds on what it reads, and the
 * translation of API failures into {@link dev.cairn.telemetry.BackendException}s that
 * name the cluster and never the credentials. Everything here only reads.
 */
package dev.cairn.telemetry.kubernetes;
