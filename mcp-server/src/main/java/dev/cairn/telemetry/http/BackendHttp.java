package dev.cairn.telemetry.http;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.cairn.telemetry.BackendException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One backend's HTTP API as a telemetry adapter calls it. Thread-safe.
 *
 * <ul>
 * <li>Every exchange has one deadline, from connecting to the last byte of the body: the
 * JDK client's own request timeout stops at the headers, so a body that trickles in would
 * otherwise hold a caller forever.</li>
 * <li>Bodies are read up to a cap; beyond it the connection is dropped and the
 * {@link HttpAnswer} is marked {@link HttpAnswer#cut() cut}. Error answers are read up to
 * {@link #ERROR_BODY_LIMIT}, enough to quote from.</li>
 * <li>Credentials ({@link HttpAuth}, or basic credentials in the URL's user info, which
 * are then removed from the URL) and the configured headers go only to the base URL's
 * origin. Redirects are never followed here: following one with the credentials to
 * another host would hand them over, so a caller that expects one follows it itself.</li>
 * <li>Failures are {@link BackendException}s with the label the caller gives, in words an
 * agent can pass on, never carrying a credential (see {@link ExchangeFailures}).</li>
 * </ul>
 */
public final class BackendHttp {

	/** How much of an error answer is kept to quote from. */
	public static final int ERROR_BODY_LIMIT = 64 * 1024;

	private final URI base;

	private final String authorization;

	private final String secret;

	private final Map<String, String> headers;

	private final Duration timeout;

	private final long maxBodyBytes;

	private final ExchangeFailures failures;

	private final HttpClient client;

	BackendHttp(BackendHttpBuilder builder) {
		URI url = builder.url;
		this.base = URI.create(BackendText.display(url));
		HttpAuth auth = builder.auth;
		if (auth instanceof HttpAuth.None && url.getRawUserInfo() != null) {
			String[] pair = url.getUserInfo().split(":", 2);
			auth = HttpAuth.basic(pair[0], (pair.length > 1) ? pair[1] : "");
		}
		this.authorization = auth.authorization();
		this.secret = auth.secret();
		this.headers = Map.copyOf(builder.headers);
		this.timeout = builder.timeout;
		this.maxBodyBytes = builder.maxBodyBytes;
		this.failures = new ExchangeFailures(builder.labelsNameTheEndpoint ? null : builder.product + " at " + url(),
				this.timeout, this.secret);
		this.client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(this.timeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/**
	 * A helper for the backend at {@code url}.
	 * @param product the backend's product name for messages, for example
	 * {@code Prometheus}
	 * @param url the base URL, for example {@code http://prometheus:9090}
	 */
	public static BackendHttpBuilder to(String product, URI url) {
		return new BackendHttpBuilder(product, url);
	}

	/** The base URL without credentials, for messages: {@code http://prometheus:9090}. */
	public String url() {
		return this.base.toString();
	}

	public Duration timeout() {
		return this.timeout;
	}

	/** {@code base + path ? query}, the query's values form-encoded; nulls left out. */
	public URI uri(String path, Map<String, String> query) {
		String encoded = form(query);
		return URI.create(this.base + path + (encoded.isEmpty() ? "" : "?" + encoded));
	}

	/** Whether a URI is on the base URL's origin, where credentials and headers go. */
	public boolean isOwnOrigin(URI uri) {
		return this.base.getScheme().equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null
				&& this.base.getHost().equalsIgnoreCase(uri.getHost()) && port(this.base) == port(uri);
	}

	/** {@code GET base + path ? query}, the answer read up to the configured cap. */
	public HttpAnswer get(String backend, String path, Map<String, String> query) {
		return get(backend, path, query, this.maxBodyBytes);
	}

	/** {@code GET base + path ? query}, the answer read up to {@code cap} bytes. */
	public HttpAnswer get(String backend, String path, Map<String, String> query, long cap) {
		return exchange(backend, request(uri(path, query)).GET().build(), cap);
	}

	/** {@code POST base + path} with the parameters form-encoded in the body. */
	public HttpAnswer postForm(String backend, String path, Map<String, String> form) {
		HttpRequest request = request(uri(path, Map.of()))
			.setHeader("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form(form), StandardCharsets.UTF_8))
			.build();
		return exchange(backend, request, this.maxBodyBytes);
	}

	/**
	 * A request to {@code uri} with the deadline, and with the headers and credentials
	 * when it is on the base URL's origin (with nothing of ours otherwise).
	 */
	public HttpRequest.Builder request(URI uri) {
		HttpRequest.Builder request = anonymous(uri);
		if (isOwnOrigin(uri)) {
			this.headers.forEach(request::setHeader);
			if (this.authorization != null) {
				request.setHeader("Authorization", this.authorization);
			}
		}
		return request;
	}

	/**
	 * A request with the deadline only: for a signed link, which needs nothing of ours.
	 */
	public HttpRequest.Builder anonymous(URI uri) {
		return HttpRequest.newBuilder(uri).timeout(this.timeout);
	}

	/**
	 * Sends a request and reads its answer: a successful one up to {@code cap} bytes, any
	 * other up to {@link #ERROR_BODY_LIMIT}.
	 */
	public HttpAnswer exchange(String backend, HttpRequest request, long cap) {
		return send(backend, request,
				(info) -> answer(info, (info.statusCode() / 100 == 2) ? cap : Math.min(cap, ERROR_BODY_LIMIT)))
			.body();
	}

	/**
	 * Sends a request with the deadline over the whole exchange, the handler deciding how
	 * the body is read.
	 * @throws BackendException when the backend cannot be reached or does not answer in
	 * time
	 */
	public <T> HttpResponse<T> send(String backend, HttpRequest request, HttpResponse.BodyHandler<T> handler) {
		URI uri = request.uri();
		boolean own = isOwnOrigin(uri);
		CompletableFuture<HttpResponse<T>> exchange = this.client.sendAsync(request, handler);
		try {
			return exchange.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			exchange.cancel(true);
			throw this.failures.noAnswer(backend, uri, own, ex);
		}
		catch (InterruptedException ex) {
			exchange.cancel(true);
			Thread.currentThread().interrupt();
			throw this.failures.interrupted(backend, uri, own, ex);
		}
		catch (ExecutionException ex) {
			throw this.failures.of(backend, ex.getCause(), uri, own);
		}
	}

	/**
	 * Reads a body into an {@link HttpAnswer}, at most {@code cap} bytes of it; {@code 0}
	 * stops the transfer at once.
	 */
	public static HttpResponse.BodySubscriber<HttpAnswer> answer(HttpResponse.ResponseInfo info, long cap) {
		return HttpResponse.BodySubscribers.mapping(new BoundedBody(cap), (bytes) -> new HttpAnswer(info.statusCode(),
				info.headers(), bytes.bytes(), bytes.length(), bytes.cut()));
	}

	/**
	 * The body as JSON.
	 * @throws BackendException when it was cut at the cap or is not JSON
	 */
	public JsonNode json(String backend, HttpAnswer answer) {
		if (answer.cut()) {
			throw new BackendException(backend,
					"answered more than " + answer.length() + " bytes; refusing to read it all");
		}
		try {
			return answer.readJson();
		}
		catch (JacksonException ex) {
			throw new BackendException(backend,
					"answered HTTP " + answer.status() + " with a body that is not JSON: " + excerpt(answer));
		}
	}

	/** Text from the backend for a message: the secret masked, on one line, short. */
	public String quote(String text) {
		return BackendText.quote(BackendText.scrub(text, this.secret));
	}

	/** The start of an answer's body, quoted. */
	public String excerpt(HttpAnswer answer) {
		int length = Math.min(answer.length(), 4 * BackendText.MAX_QUOTE);
		return quote(new String(answer.body(), 0, length, StandardCharsets.UTF_8));
	}

	private static int port(URI uri) {
		if (uri.getPort() != -1) {
			return uri.getPort();
		}
		return "https".equals(uri.getScheme().toLowerCase(Locale.ROOT)) ? 443 : 80;
	}

	private static String form(Map<String, String> parameters) {
		StringBuilder form = new StringBuilder();
		new LinkedHashMap<>(parameters).forEach((name, value) -> {
			if (value == null) {
				return;
			}
			if (form.length() > 0) {
				form.append('&');
			}
			form.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
				.append('=')
				.append(URLEncoder.encode(value, StandardCharsets.UTF_8));
		});
		return form.toString();
	}

}
