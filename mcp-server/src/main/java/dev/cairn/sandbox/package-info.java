/**
 * The embedded sandbox platform: the catalog's services deployed to staging and
 * production in an in-process model of a Kubernetes cluster, Argo CD, GitHub Actions, a
 * log store and a metrics store, behind the same telemetry ports as the real adapters.
 * Its history, pods, log lines and metric points are deterministic functions of the
 * services' names and the clock, made up on demand for whatever time is asked about; its
 * failures (injected by configuration under {@code cairn.sandbox.failures} or by the
 * {@code sandbox_inject_failure} tool) look as a real cluster shows them, with the
 * revision, commit and author of the change that introduced them.
 */
package dev.cairn.sandbox;
