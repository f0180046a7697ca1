package dev.cairn.telemetry.kubernetes;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLException;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;

import dev.cairn.telemetry.BackendException;

/**
 * Turns the client's failures into {@link BackendException}s that say which cluster, what
 * was being read, and what an operator would check; with every credential the client
 * holds masked out of the text, in case an API server or a proxy echoes one back.
 */
final class KubernetesFailures {

	private final String backend;

	private final Duration timeout;

	private final List<String> secrets;

	KubernetesFailures(String backend, Duration timeout, List<String> secrets) {
		this.backend = backend;
		this.timeout = timeout;
		this.secrets = secrets.stream().filter((secret) -> secret != null && secret.length() >= 4).toList();
	}

	/**
	 * @param what what was being done, for example {@code reading deployment shop/cart}
	 */
	BackendException of(String what, KubernetesClientException ex) {
		return new BackendException(this.backend, mask(what + ": " + reason(ex)), ex);
	}

	private String reason(KubernetesClientException ex) {
		int code = ex.getCode();
		String said = statusMessage(ex);
		if (code == 401) {
			return "the API server refused the credentials (401 Unauthorized); check the token or the kubeconfig user";
		}
		if (code == 403) {
			return "forbidden (403)" + ((said != null) ? ": " + said : "")
					+ "; Cairn needs get and list on deployments, replicasets, pods, pods/log, jobs and events";
		}
		if (code == 429) {
			return "the API server is throttling requests (429 Too Many Requests); try again shortly";
		}
		if (code == 408 || code == 504 || timedOut(ex)) {
			return "the API server did not answer within " + seconds(this.timeout);
		}
		if (code >= 400) {
			return "the API server answered " + code + ((said != null) ? ": " + said : "");
		}
		Throwable cause = find(ex, ConnectException.class, UnknownHostException.class, NoRouteToHostException.class);
		if (cause != null) {
			return "the API server is unreachable (" + describe(cause) + ")";
		}
		cause = find(ex, SSLException.class);
		if (cause != null) {
			return "the TLS handshake with the API server failed (" + cause.getMessage()
					+ "); set the CA file of the cluster, or trust its certificates for a test cluster";
		}
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return "the request failed (" + describe(root) + ")";
	}

	private static String statusMessage(KubernetesClientException ex) {
		if (ex.getStatus() != null && ex.getStatus().getMessage() != null && !ex.getStatus().getMessage().isBlank()) {
			return ex.getStatus().getMessage();
		}
		return null;
	}

	private static boolean timedOut(KubernetesClientException ex) {
		return ex instanceof KubernetesClientTimeoutException
				|| find(ex, HttpTimeoutException.class, SocketTimeoutException.class, TimeoutException.class) != null;
	}

	@SafeVarargs
	private static Throwable find(Throwable ex, Class<? extends Throwable>... types) {
		for (Throwable current = ex; current != null; current = (current.getCause() != current) ? current.getCause()
				: null) {
			for (Class<? extends Throwable> type : types) {
				if (type.isInstance(current)) {
					return current;
				}
			}
		}
		return null;
	}

	private static String describe(Throwable cause) {
		if (cause instanceof ConnectException) {
			return "connection refused";
		}
		if (cause instanceof UnknownHostException) {
			return "unknown host " + cause.getMessage();
		}
		if (cause instanceof NoRouteToHostException) {
			return "no route to host";
		}
		String message = cause.getMessage();
		return cause.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
	}

	private static String seconds(Duration duration) {
		return (duration.toMillis() % 1000 == 0) ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
	}

	String mask(String text) {
		String masked = text;
		for (String secret : this.secrets) {
			masked = masked.replace(secret, "[credential]");
		}
		return masked;
	}

}
