package dev.cairn.telemetry.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.concurrent.CompletionException;

import dev.cairn.telemetry.BackendException;

/**
 * How {@link BackendHttp} tells an exchange that failed before an answer was read: in
 * words an agent can pass on, naming the server once and never a credential, a path or a
 * query (a signed link carries its signature there).
 *
 * <p>
 * Where the labels the callers give name the endpoint ({@code Argo CD
 * (https://argocd.example.com)}), sentences do not repeat it: "did not answer within 200
 * ms". Where they name something else ({@code Prometheus (production)}), sentences name
 * it: "Prometheus at http://prometheus:9090 did not answer within 200 ms".
 */
final class ExchangeFailures {

	/**
	 * {@code Prometheus at http://prometheus:9090}, or {@code null} where labels name it.
	 */
	private final String endpoint;

	private final Duration timeout;

	private final String secret;

	ExchangeFailures(String endpoint, Duration timeout, String secret) {
		this.endpoint = endpoint;
		this.timeout = timeout;
		this.secret = secret;
	}

	/** The server asked, as sentences name it: the endpoint, else its host and port. */
	private String target(URI uri, boolean own) {
		return (own && this.endpoint != null) ? this.endpoint : BackendText.hostAndPort(uri);
	}

	BackendException noAnswer(String backend, URI uri, boolean own, Throwable cause) {
		String who = (this.endpoint != null) ? target(uri, own) + " " : "";
		return new BackendException(backend, who + "did not answer within " + BackendText.duration(this.timeout),
				cause);
	}

	BackendException interrupted(String backend, URI uri, boolean own, Throwable cause) {
		return new BackendException(backend, "interrupted while waiting for " + target(uri, own), cause);
	}

	BackendException of(String backend, Throwable failure, URI uri, boolean own) {
		Throwable cause = failure;
		while (cause instanceof CompletionException && cause.getCause() != null) {
			cause = cause.getCause();
		}
		String target = target(uri, own);
		for (Throwable at = cause; at != null; at = at.getCause()) {
			if (at instanceof HttpConnectTimeoutException) {
				return new BackendException(backend,
						"cannot connect to " + target + " within " + BackendText.duration(this.timeout), cause);
			}
			if (at instanceof HttpTimeoutException) {
				return noAnswer(backend, uri, own, cause);
			}
			if (at instanceof ConnectException) {
				return new BackendException(backend, "cannot connect to " + target + " (connection refused)", cause);
			}
			if (at instanceof UnknownHostException || at instanceof UnresolvedAddressException) {
				return new BackendException(backend,
						"cannot connect to " + target + ": " + uri.getHost() + " does not resolve", cause);
			}
		}
		String what = (cause instanceof IOException) ? "the connection to " : "the exchange with ";
		return new BackendException(backend,
				what + target + " failed: " + BackendText.quote(BackendText.scrub(describe(cause), this.secret)),
				cause);
	}

	private static String describe(Throwable failure) {
		if (failure == null) {
			return "unknown";
		}
		return (failure.getMessage() != null) ? failure.getClass().getSimpleName() + ": " + failure.getMessage()
				: failure.getClass().getSimpleName();
	}

}
