package dev.cairn.telemetry.http;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How to reach one backend: its product name for messages, base URL, credentials,
 * headers, deadline and answer size cap. Made by {@link BackendHttp#to}.
 */
public final class BackendHttpBuilder {

	final String product;

	final URI url;

	HttpAuth auth = HttpAuth.none();

	final Map<String, String> headers = new LinkedHashMap<>(Map.of("Accept", "application/json"));

	Duration timeout = Duration.ofSeconds(10);

	long maxBodyBytes = 16L * 1024 * 1024;

	boolean labelsNameTheEndpoint;

	BackendHttpBuilder(String product, URI url) {
		if (url == null || url.getScheme() == null || url.getHost() == null
				|| !(url.getScheme().equals("http") || url.getScheme().equals("https"))) {
			throw new IllegalArgumentException(product + " needs an http(s) base URL such as http://host:port");
		}
		this.product = product;
		this.url = url;
	}

	/**
	 * Bearer or basic credentials; without them, basic credentials in the URL's user info
	 * are used.
	 */
	public BackendHttpBuilder auth(HttpAuth auth) {
		this.auth = (auth != null) ? auth : HttpAuth.none();
		return this;
	}

	/**
	 * A header sent with every request to the base URL's origin (a tenant, an API
	 * version); replaces the default {@code Accept: application/json} when named so.
	 */
	public BackendHttpBuilder header(String name, String value) {
		this.headers.put(name, value);
		return this;
	}

	/** The limit of connecting and of each whole exchange; 10 seconds by default. */
	public BackendHttpBuilder timeout(Duration timeout) {
		if (timeout == null || timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException(this.product + " needs a positive timeout, got " + timeout);
		}
		this.timeout = timeout;
		return this;
	}

	/** At most this many bytes of a successful answer are read; 16 MiB by default. */
	public BackendHttpBuilder maxBodyBytes(long maxBodyBytes) {
		if (maxBodyBytes < 1 || maxBodyBytes > Integer.MAX_VALUE - 8) {
			throw new IllegalArgumentException(
					this.product + " needs a positive answer size limit, got " + maxBodyBytes);
		}
		this.maxBodyBytes = maxBodyBytes;
		return this;
	}

	/**
	 * Every label the callers give names this endpoint already (as
	 * {@code Argo CD (https://argocd.example.com)} does), so failures do not repeat it.
	 */
	public BackendHttpBuilder labelsNameTheEndpoint() {
		this.labelsNameTheEndpoint = true;
		return this;
	}

	public BackendHttp build() {
		return new BackendHttp(this);
	}

}
