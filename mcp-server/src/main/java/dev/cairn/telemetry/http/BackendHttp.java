package dev.cairn.telemetry.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.cairn.telemetry.BackendException;

/**
 * One backend's HTTP endpoint as a thin client sees it. Every request has one deadline
 * for the whole exchange, body included, and reads at most {@code maxBodyBytes} of the
 * answer: beyond that the connection is dropped and the answer is marked cut, so a server
 * that ignores its limits costs bounded memory and time. Credentials in the URL's user
 * info are taken as basic credentials and removed from the URL; no message this class
 * produces contains a credential.
 */
public final class BackendHttp {

	private static final int MAX_MESSAGE = 300;

	private final String product;

	private final URI base;

	private final String authorization;

	private final Map<String, String> headers;

	private final Duration timeout;

	private final long maxBodyBytes;

	private final HttpClient client;

	/**
	 * @param product the backend's product name for messages, for example
	 * {@code Prometheus}
	 * @param url the base URL, for example {@code http://prometheus:9090}
	 * @param auth the credentials; basic credentials in the URL's user info are used when
	 * this is {@link HttpAuth#none()}
	 * @param headers extra headers sent with every request (a tenant id, say)
	 * @param timeout the limit of connecting and of each whole request
	 * @param maxBodyBytes at most this many bytes of an answer are read
	 */
	public BackendHttp(String product, URI url, HttpAuth auth, Map<String, String> headers, Duration timeout,
			long maxBodyBytes) {
		if (url == null || url.getScheme() == null || url.getHost() == null
				|| !(url.getScheme().equals("http") || url.getScheme().equals("https"))) {
			throw new IllegalArgumentException(product + " needs an http(s) base URL such as http://host:port");
		}
		if (timeout == null || timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException(product + " needs a positive timeout, got " + timeout);
		}
		if (maxBodyBytes < 1 || maxBodyBytes > Integer.MAX_VALUE - 8) {
			throw new IllegalArgumentException(product + " needs a positive answer size limit, got " + maxBodyBytes);
		}
		this.product = product;
		String path = (url.getRawPath() != null) ? url.getRawPath().replaceAll("/+$", "") : "";
		this.base = URI.create(url.getScheme() + "://" + hostAndPort(url) + path);
		HttpAuth effective = (auth != null) ? auth : HttpAuth.none();
		if (effective instanceof HttpAuth.None && url.getRawUserInfo() != null) {
			String[] pair = url.getUserInfo().split(":", 2);
			effective = HttpAuth.basic(pair[0], (pair.length > 1) ? pair[1] : "");
		}
		this.authorization = effective.authorization();
		this.headers = (headers != null) ? Map.copyOf(headers) : Map.of();
		this.timeout = timeout;
		this.maxBodyBytes = maxBodyBytes;
		this.client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(timeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	private static String hostAndPort(URI url) {
		String host = url.getHost();
		return ((host.indexOf(':') >= 0 && !host.startsWith("[")) ? "[" + host + "]" : host)
				+ ((url.getPort() != -1) ? ":" + url.getPort() : "");
	}

	/** The base URL without credentials, for messages: {@code http://prometheus:9090}. */
	public String url() {
		return this.base.toString();
	}

	public Duration timeout() {
		return this.timeout;
	}

	/**
	 * {@code GET base + path ? query}.
	 * @param backend the name a failure carries, for example
	 * {@code Prometheus (production)}
	 */
	public Answer get(String backend, String path, Map<String, String> query) {
		String encoded = form(query);
		URI uri = URI.create(this.base + path + (encoded.isEmpty() ? "" : "?" + encoded));
		return send(backend, request(uri).GET());
	}

	/** {@code POST base + path} with the parameters form-encoded in the body. */
	public Answer postForm(String backend, String path, Map<String, String> form) {
		return send(backend,
				request(URI.create(this.base + path)).header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString(form(form), StandardCharsets.UTF_8)));
	}

	private HttpRequest.Builder request(URI uri) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.timeout(this.timeout)
			.header("Accept", "application/json");
		if (this.authorization != null) {
			request.header("Authorization", this.authorization);
		}
		this.headers.forEach(request::header);
		return request;
	}

	private Answer send(String backend, HttpRequest.Builder request) {
		CompletableFuture<HttpResponse<BoundedBody.Bytes>> exchange = this.client.sendAsync(request.build(),
				(info) -> new BoundedBody(this.maxBodyBytes));
		HttpResponse<BoundedBody.Bytes> response;
		try {
			response = exchange.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			exchange.cancel(true);
			throw new BackendException(backend, noAnswer());
		}
		catch (InterruptedException ex) {
			exchange.cancel(true);
			Thread.currentThread().interrupt();
			throw new BackendException(backend, "interrupted while waiting for " + this.product + " at " + url());
		}
		catch (ExecutionException ex) {
			throw failure(backend, ex.getCause());
		}
		BoundedBody.Bytes body = response.body();
		return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), body.bytes(),
				body.length(), body.cut());
	}

	private BackendException failure(String backend, Throwable cause) {
		for (Throwable at = cause; at != null; at = at.getCause()) {
			if (at instanceof HttpTimeoutException) {
				return new BackendException(backend, noAnswer(), cause);
			}
			if (at instanceof ConnectException) {
				return new BackendException(backend,
						"cannot connect to " + this.product + " at " + url() + " (connection refused)", cause);
			}
			if (at instanceof UnknownHostException || at instanceof UnresolvedAddressException) {
				return new BackendException(backend,
						"cannot resolve " + this.base.getHost() + " for " + this.product + " at " + url(), cause);
			}
		}
		String what = (cause instanceof IOException) ? "the connection failed" : "the request failed";
		return new BackendException(backend,
				what + " talking to " + this.product + " at " + url() + ": " + clip(
						(cause != null) ? cause.getClass().getSimpleName() + ": " + cause.getMessage() : "unknown"),
				cause);
	}

	private String noAnswer() {
		return this.product + " at " + url() + " did not answer within " + describe(this.timeout);
	}

	/** {@code 5s}, {@code 1500 ms}. */
	public static String describe(Duration duration) {
		long millis = duration.toMillis();
		return (millis % 1000 == 0) ? (millis / 1000) + "s" : millis + " ms";
	}

	/** Whitespace folded to single spaces, cut at a few hundred characters. */
	public static String clip(String text) {
		String line = (text != null) ? text.replaceAll("\\s+", " ").trim() : "";
		return (line.length() > MAX_MESSAGE) ? line.substring(0, MAX_MESSAGE) + "..." : line;
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

	/**
	 * What the backend answered.
	 *
	 * @param status the HTTP status
	 * @param contentType the {@code Content-Type}, or empty
	 * @param body the bytes read; only the first {@code length} count
	 * @param length how many bytes were read
	 * @param cut whether the answer was longer than the cap and the rest was not read
	 */
	public record Answer(int status, String contentType, byte[] body, int length, boolean cut) {

		/** The start of the body as text, folded and clipped for a message. */
		public String excerpt() {
			return clip(new String(this.body, 0, Math.min(this.length, 4 * MAX_MESSAGE), StandardCharsets.UTF_8));
		}

	}

}
