package dev.cairn.telemetry.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * How a telemetry client authenticates to its backend. {@code toString} never shows the
 * secret, so settings can be logged.
 */
public sealed interface HttpAuth {

	/** The {@code Authorization} header's value, or {@code null} for none. */
	String authorization();

	/**
	 * The part to mask wherever a backend echoes it back (the token, the password), or
	 * {@code null} for none.
	 */
	String secret();

	static HttpAuth none() {
		return None.INSTANCE;
	}

	/** A bearer token, or none when the token is blank. */
	static HttpAuth bearer(String token) {
		return (token == null || token.isBlank()) ? none() : new Bearer(token.trim());
	}

	/** HTTP basic credentials, or none when the user name is blank. */
	static HttpAuth basic(String username, String password) {
		return (username == null || username.isBlank()) ? none()
				: new Basic(username, (password != null) ? password : "");
	}

	/** No credentials. */
	final class None implements HttpAuth {

		static final None INSTANCE = new None();

		private None() {
		}

		@Override
		public String authorization() {
			return null;
		}

		@Override
		public String secret() {
			return null;
		}

		@Override
		public String toString() {
			return "none";
		}

	}

	/** {@code Authorization: Bearer <token>}. */
	record Bearer(String token) implements HttpAuth {

		@Override
		public String authorization() {
			return "Bearer " + this.token;
		}

		@Override
		public String secret() {
			return this.token;
		}

		@Override
		public String toString() {
			return "bearer ****";
		}

	}

	/** {@code Authorization: Basic <base64(user:password)>}. */
	record Basic(String username, String password) implements HttpAuth {

		@Override
		public String authorization() {
			String pair = this.username + ":" + this.password;
			return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
		}

		@Override
		public String secret() {
			return this.password.isEmpty() ? null : this.password;
		}

		@Override
		public String toString() {
			return "basic " + this.username + ":****";
		}

	}

}
