package dev.cairn.telemetry.http;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.cairn.telemetry.BackendException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One backend's HTTP API as the adapters call it. Every exchange has one deadline, from
 * connecting to the last byte of the body (the JDK client's own request timeout stops at
 * the headers, so a body that trickles in would otherwise hold a caller forever); bodies
 * are read into bounded buffers; redirects are never followed here, because following one
 * with the caller's credentials to another host would hand them over. Failures are
 * {@link BackendException}s naming the backend, in words an agent can pass on.
 * Thread-safe.
 */
public final class BackendHttp {

	/** How much of an error answer is kept to quote from. */
	public static final int ERROR_BODY_LIMIT = 64 * 1024;

	private static final int MAX_QUOTE = 300;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String backend;

	private final Duration timeout;

	private final HttpClient client;

	/**
	 * @param backend the backend's name for messages, for example
	 * {@code Argo CD (https://argocd.example.com)}; never a credential
	 * @param timeout the limit of one whole exchange
	 */
	public BackendHttp(String backend, Duration timeout) {
		if (timeout == null || timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("the timeout of " + backend + " must be positive, got " + timeout);
		}
		this.backend = backend;
		this.timeout = timeout;
		this.client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(timeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	public String backend() {
		return this.backend;
	}

	public Duration timeout() {
		return this.timeout;
	}

	/**
	 * A GET whose successful body is read up to {@code limit} bytes (longer is a
	 * {@link BackendException}) and whose other bodies are kept up to
	 * {@link #ERROR_BODY_LIMIT} to quote from.
	 */
	public Answer get(URI uri, Map<String, String> headers, int limit) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(this.timeout).GET();
		headers.forEach(request::header);
		HttpResponse<CappedBody.Bytes> response = send(request.build(), (info) -> (info.statusCode() / 100 == 2)
				? CappedBody.failingBeyond(limit) : CappedBody.truncatedAt(ERROR_BODY_LIMIT));
		return new Answer(response.statusCode(), response.headers(), response.body().content(), uri);
	}

	/**
	 * Sends a request with the deadline over the whole exchange, the body handler
	 * deciding how much of the body is read.
	 * @throws BackendException when the backend cannot be reached, does not answer in
	 * time, or its body breaks the handler's limit
	 */
	public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
		CompletableFuture<HttpResponse<T>> exchange = this.client.sendAsync(request, handler);
		try {
			return exchange.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			exchange.cancel(true);
			throw fail(didNotAnswer(), ex);
		}
		catch (InterruptedException ex) {
			exchange.cancel(true);
			Thread.currentThread().interrupt();
			throw fail("interrupted while waiting for an answer", ex);
		}
		catch (ExecutionException ex) {
			throw translate(ex.getCause(), request.uri());
		}
	}

	private BackendException translate(Throwable failure, URI uri) {
		Throwable cause = failure;
		while (cause instanceof CompletionException && cause.getCause() != null) {
			cause = cause.getCause();
		}
		for (Throwable t = cause; t != null; t = t.getCause()) {
			if (t instanceof CappedBody.TooLargeException tooLarge) {
				return fail("answered more than " + tooLarge.limit() + " bytes; refusing to read it all", tooLarge);
			}
		}
		String where = hostAndPort(uri);
		if (cause instanceof HttpConnectTimeoutException) {
			return fail("could not connect to " + where + " within " + this.timeout.toMillis() + " ms", cause);
		}
		if (cause instanceof HttpTimeoutException) {
			return fail(didNotAnswer(), cause);
		}
		if (cause instanceof ConnectException) {
			String reason = (cause.getMessage() != null && !cause.getMessage().isBlank()) ? cause.getMessage()
					: "connection refused";
			return fail("cannot connect to " + where + ": " + reason, cause);
		}
		return fail("the exchange with " + where + " failed: " + describe(cause), cause);
	}

	private String didNotAnswer() {
		return "did not answer within " + this.timeout.toMillis() + " ms";
	}

	/**
	 * The body as JSON.
	 * @throws BackendException when it is not JSON
	 */
	public JsonNode json(Answer answer) {
		try {
			return JSON.readTree(answer.content());
		}
		catch (JacksonException ex) {
			throw fail("answered HTTP " + answer.status() + " with a body that is not JSON: " + quote(answer.text()),
					null);
		}
	}

	/** The body as JSON, or {@code null} when it is not JSON (an error page, say). */
	public static JsonNode jsonOrNull(byte[] content) {
		try {
			return (content.length == 0) ? null : JSON.readTree(content);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	public BackendException fail(String message) {
		return new BackendException(this.backend, message);
	}

	public BackendException fail(String message, Throwable cause) {
		return new BackendException(this.backend, message, cause);
	}

	/**
	 * Text from a backend, on one line and short enough to put in a message.
	 */
	public static String quote(String text) {
		if (text == null) {
			return "";
		}
		String line = text.replaceAll("\\s+", " ").trim();
		return (line.length() > MAX_QUOTE) ? line.substring(0, MAX_QUOTE) + "..." : line;
	}

	/**
	 * The text with every occurrence of the secret masked: backends sometimes echo what
	 * they were sent.
	 */
	public static String scrub(String text, String secret) {
		if (text == null || secret == null || secret.length() < 4) {
			return text;
		}
		return text.replace(secret, "****");
	}

	/** {@code host[:port]} of a URI: never its user info, path or query. */
	public static String hostAndPort(URI uri) {
		return uri.getHost() + ((uri.getPort() != -1) ? ":" + uri.getPort() : "");
	}

	/**
	 * A base URL as it may appear in messages: scheme, host, port and path, without user
	 * info, query or a trailing slash.
	 */
	public static String display(URI base) {
		String path = (base.getPath() != null) ? base.getPath().replaceAll("/+$", "") : "";
		return base.getScheme() + "://" + hostAndPort(base) + path;
	}

	private static String describe(Throwable ex) {
		return (ex.getMessage() != null) ? ex.getClass().getSimpleName() + ": " + ex.getMessage()
				: ex.getClass().getSimpleName();
	}

	/**
	 * A response read into memory.
	 *
	 * @param status the HTTP status
	 * @param headers the response headers
	 * @param content the body, bounded
	 * @param uri what was asked
	 */
	public record Answer(int status, HttpHeaders headers, byte[] content, URI uri) {

		public String text() {
			return new String(this.content, StandardCharsets.UTF_8);
		}

		public String header(String name) {
			return this.headers.firstValue(name).orElse(null);
		}

		public boolean ok() {
			return this.status / 100 == 2;
		}

	}

}
