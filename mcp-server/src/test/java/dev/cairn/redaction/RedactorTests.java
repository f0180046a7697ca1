package dev.cairn.redaction;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the redactor masks, and what it leaves readable.
 */
class RedactorTests {

	static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJkYW5hIiwiZXhwIjoxOTk5OTk5OTk5fQ.c2lnbmF0dXJlLXZhbHVlLWhlcmU";

	static final String PEM = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAv3yJ1mYtQm1X\nq8zR0f9Lw==\n-----END RSA PRIVATE KEY-----";

	static final String GITHUB = "ghp_R2d2C3poR2d2C3poR2d2C3poR2d2C3po1234";

	@Test
	void masksValuesUnderSecretLookingKeysAtAnyDepth() {
		Map<String, Object> arguments = Map.of("password", "hunter2", "apiKey", "k-123", "X-Api-Key", "k-456", "nested",
				Map.of("client_secret", "s3", "Authorization", "anything", "db_password", 42), "credentials",
				Map.of("user", "dana", "pass", "p"), "items", List.of(Map.of("private_key", "pk", "name", "kept")),
				"githubToken", "plain", "access_token", "at");
		Object redacted = Redactor.json(arguments);
		assertThat(redacted.toString()).doesNotContain("hunter2", "k-123", "k-456", "s3", "anything", "42", "pk",
				"plain", "=at", "pass=p");
		@SuppressWarnings("unchecked")
		Map<String, Object> map = (Map<String, Object>) redacted;
		assertThat(map.get("password")).isEqualTo(Redactor.MASK);
		assertThat(map.get("credentials")).isEqualTo(Redactor.MASK);
		assertThat(map.get("items")).isEqualTo(List.of(Map.of("private_key", Redactor.MASK, "name", "kept")));
	}

	@Test
	void leavesKeysThatOnlyLookSimilar() {
		assertThat(Redactor.isSecretKey("author")).isFalse();
		assertThat(Redactor.isSecretKey("max_tokens")).isFalse();
		assertThat(Redactor.isSecretKey("tokenizer")).isFalse();
		assertThat(Redactor.isSecretKey("ref")).isFalse();
		assertThat(Redactor.isSecretKey("session_token")).isTrue();
		assertThat(Redactor.isSecretKey("AWS_SECRET_ACCESS_KEY")).isTrue();
		assertThat(Redactor.isSecretKey("connectionString")).isTrue();
	}

	@Test
	void masksSecretLookingStringsInsideText() {
		String text = "auth failed for Authorization: Bearer abc.DEF-123_456 with " + JWT + "\n" + PEM
				+ "\nkeys AKIAIOSFODNN7EXAMPLE and " + GITHUB + " and github_pat_11ABCDEFG0123456789_abcdefghijklmnop"
				+ " xoxb-1234567890-abcdefghij glpat-abcdefghij0123456789 AIzaSyA-1234567890abcdefghijklmnopqrstu"
				+ " sk_live_4eC39HqLyjWDarjtT1zdp7dc\n"
				+ "db postgres://app:s3cr3t-pw@db.internal:5432/orders and jdbc:postgresql://db/x?user=app&password=pw2;"
				+ " env DB_PASSWORD=pw3 token: \"tok-4\" {\"api_key\": \"ak-5\"}";
		String redacted = Redactor.text(text);
		assertThat(redacted).doesNotContain("abc.DEF-123_456", JWT, "MIIEowIBAAKCAQEA", "AKIAIOSFODNN7EXAMPLE", GITHUB,
				"github_pat_11", "xoxb-", "glpat-", "AIzaSy", "sk_live_", "s3cr3t-pw", "pw2", "pw3", "tok-4", "ak-5");
		assertThat(redacted).contains("Bearer [redacted]", "[redacted:jwt]", "[redacted:private-key]",
				"postgres://app:[redacted]@db.internal:5432/orders", "[redacted:aws-key]", "[redacted:github-token]");
	}

	@Test
	void masksAPrivateKeyCutBeforeItsEnd() {
		assertThat(Redactor.text("key: " + PEM.substring(0, 60))).isEqualTo("key: [redacted:private-key]");
	}

	@Test
	void leavesOrdinaryTextReadable() {
		String text = "Basic authentication failed for component:default/payment-api at https://host:8443/path@v2 "
				+ "(request 0b6f5a8e-1c1e-4a49-9d4c-2f3b8a1c9e10, digest "
				+ "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08) at 2026-11-21T09:00:00Z";
		assertThat(Redactor.text(text)).isEqualTo(text);
		assertThat(Redactor.json(Map.of("ref", "payment-api", "limit", 5)))
			.isEqualTo(Map.of("ref", "payment-api", "limit", 5));
	}

}
