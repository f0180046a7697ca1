package dev.cairn.telemetry.kubernetes;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How to reach one cluster, and how much to read from it.
 *
 * <p>
 * Three ways to connect, first match wins: an explicit {@code apiServer} (with a bearer
 * {@code token}, and {@code caFile} or {@code trustCerts} for its certificate); a
 * {@code kubeconfig} file (with an optional {@code context}); or neither, which means
 * what {@code kubectl} would do: {@code $KUBECONFIG} or {@code ~/.kube/config} with the
 * optional {@code context}, else the pod's service account when running in a cluster.
 *
 * @param apiServer the API server's URL, or {@code null}
 * @param token a bearer token for {@code apiServer}, or {@code null}; never printed
 * @param kubeconfig a kubeconfig file, or {@code null}
 * @param context the kubeconfig context to use, or {@code null} for its current context
 * @param defaultNamespace where a service lives when its catalog entry does not say
 * ({@code backstage.io/kubernetes-namespace}); {@code default} when {@code null}
 * @param requestTimeout how long one API request may take; 10 seconds when {@code null}
 * @param trustCerts accept any server certificate (for test clusters only)
 * @param caFile the CA bundle that signed the API server's certificate, or {@code null}
 * @param limits how much one snapshot or log read may hold; defaults when {@code null}
 */
public record KubernetesSettings(URI apiServer, String token, Path kubeconfig, String context, String defaultNamespace,
		Duration requestTimeout, boolean trustCerts, Path caFile, Limits limits) {

	public KubernetesSettings {
		defaultNamespace = (defaultNamespace == null || defaultNamespace.isBlank()) ? "default"
				: defaultNamespace.trim();
		requestTimeout = (requestTimeout != null && !requestTimeout.isNegative() && !requestTimeout.isZero())
				? requestTimeout : Duration.ofSeconds(10);
		limits = (limits != null) ? limits : Limits.DEFAULTS;
		token = (token == null || token.isBlank()) ? null : token.trim();
		context = (context == null || context.isBlank()) ? null : context.trim();
	}

	/** An API server reached with a bearer token, everything else by default. */
	public static KubernetesSettings apiServer(URI apiServer, String token) {
		return new KubernetesSettings(apiServer, token, null, null, null, null, false, null, null);
	}

	/** A context of a kubeconfig file ({@code null} file: the one kubectl would use). */
	public static KubernetesSettings kubeconfig(Path kubeconfig, String context) {
		return new KubernetesSettings(null, null, kubeconfig, context, null, null, false, null, null);
	}

	public KubernetesSettings withDefaultNamespace(String namespace) {
		return new KubernetesSettings(this.apiServer, this.token, this.kubeconfig, this.context, namespace,
				this.requestTimeout, this.trustCerts, this.caFile, this.limits);
	}

	public KubernetesSettings withRequestTimeout(Duration timeout) {
		return new KubernetesSettings(this.apiServer, this.token, this.kubeconfig, this.context, this.defaultNamespace,
				timeout, this.trustCerts, this.caFile, this.limits);
	}

	public KubernetesSettings withLimits(Limits limits) {
		return new KubernetesSettings(this.apiServer, this.token, this.kubeconfig, this.context, this.defaultNamespace,
				this.requestTimeout, this.trustCerts, this.caFile, limits);
	}

	/**
	 * How the cluster is named in messages: the API server's URL, or the kubeconfig
	 * context; never the token.
	 */
	public String describe() {
		if (this.apiServer != null) {
			return "Kubernetes (" + this.apiServer + ")";
		}
		if (this.context != null) {
			return "Kubernetes (context " + this.context + ")";
		}
		return (this.kubeconfig != null) ? "Kubernetes (" + this.kubeconfig + ")" : "Kubernetes (default context)";
	}

	@Override
	public String toString() {
		return describe() + " [token " + ((this.token != null) ? "set" : "not set") + ", default namespace "
				+ this.defaultNamespace + ", timeout " + this.requestTimeout + ", " + this.limits + "]";
	}

	/**
	 * Bounds on one read, so that a huge namespace or a chatty container cannot make a
	 * snapshot or a log page unbounded.
	 *
	 * @param pods at most this many pods in a snapshot, the newest
	 * @param jobs at most this many jobs in a snapshot, the newest
	 * @param events at most this many events in a snapshot, the newest
	 * @param scan at most this many objects of one kind listed from the API server (the
	 * namespace's events, the pods a selector matches, ...) before they are filtered and
	 * cut to the limits above
	 * @param logLines at most this many lines in one container log read
	 * @param logBytes at most this many bytes of log text in one read, the newest kept
	 */
	public record Limits(int pods, int jobs, int events, int scan, int logLines, int logBytes) {

		public static final Limits DEFAULTS = new Limits(50, 10, 50, 2000, 2000, 256 * 1024);

		public Limits {
			positive("pods", pods);
			positive("jobs", jobs);
			positive("events", events);
			positive("scan", scan);
			positive("logLines", logLines);
			positive("logBytes", logBytes);
		}

		private static void positive(String name, int value) {
			if (value < 1) {
				throw new IllegalArgumentException("limits." + name + " must be at least 1, got " + value);
			}
		}

	}

}
