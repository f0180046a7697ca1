package dev.cairn.telemetry.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import dev.cairn.telemetry.http.HttpAuth;

/**
 * The mistakes found in the telemetry configuration, each with the property that holds it
 * ({@code cairn.telemetry.environments.production.prometheus.url: ...}), and the checks
 * that find them. Messages never quote a token or a password.
 */
final class Problems {

	private final List<String> found = new ArrayList<>();

	void add(String property, String message) {
		this.found.add(property + ": " + message);
	}

	/**
	 * What {@code make} returns, or {@code null} when it rejects its arguments, the
	 * rejection recorded against {@code property}.
	 */
	<T> T check(String property, Supplier<T> make) {
		try {
			return make.get();
		}
		catch (IllegalArgumentException ex) {
			add(property, ex.getMessage());
			return null;
		}
	}

	boolean isEmpty() {
		return this.found.isEmpty();
	}

	/**
	 * @throws IllegalStateException listing every problem when there is one
	 */
	void throwIfAny() {
		if (this.found.isEmpty()) {
			return;
		}
		String message = (this.found.size() == 1) ? this.found.get(0)
				: this.found.size() + " problems in the telemetry configuration: " + String.join("; ", this.found);
		throw new IllegalStateException(message);
	}

	/** An http(s) base URL without credentials, or {@code null} (recorded) when not. */
	URI url(String property, String value, String example) {
		if (!present(value)) {
			add(property, "is required; for example " + example);
			return null;
		}
		URI uri;
		try {
			uri = new URI(value.trim());
		}
		catch (URISyntaxException ex) {
			add(property,
					"is not a URL (" + ex.getReason() + " at index " + ex.getIndex() + "); for example " + example);
			return null;
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
			add(property,
					"must be an http(s) URL such as " + example + ", not " + Secrets.withoutUserInfo(value.trim()));
			return null;
		}
		if (uri.getRawUserInfo() != null) {
			add(property, "must not carry credentials; set token (or username and password) instead");
			return null;
		}
		if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
			add(property, "must be a base URL without a query or fragment, such as " + example);
			return null;
		}
		return uri;
	}

	/** A positive duration, or {@code null} for the default. */
	Duration timeout(String property, Duration value) {
		if (value != null && (value.isNegative() || value.isZero())) {
			add(property, "must be positive, such as 10s, not " + value);
			return null;
		}
		return value;
	}

	/** A readable file, {@code ~/} meaning the home folder, or {@code null}. */
	Path file(String property, String value) {
		if (!present(value)) {
			return null;
		}
		String name = value.trim();
		if (name.startsWith("~/")) {
			name = System.getProperty("user.home") + name.substring(1);
		}
		Path path = Path.of(name);
		if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
			add(property, "no readable file at " + path);
			return null;
		}
		return path;
	}

	/** Bearer or basic credentials from {@code <prefix>.token|username|password}. */
	HttpAuth auth(String prefix, String token, String username, String password) {
		if (present(token) && (present(username) || present(password))) {
			add(prefix + ".token", "set either token or username and password, not both");
			return HttpAuth.none();
		}
		if (present(password) && !present(username)) {
			add(prefix + ".password", "is set without " + prefix + ".username");
			return HttpAuth.none();
		}
		return present(token) ? HttpAuth.bearer(token) : HttpAuth.basic(username, password);
	}

	static boolean present(String value) {
		return value != null && !value.isBlank();
	}

	static String trimmed(String value) {
		return present(value) ? value.trim() : null;
	}

}
