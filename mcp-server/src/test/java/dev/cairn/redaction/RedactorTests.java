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

	@Test
	void namesWhatItHid() {
		assertThat(Redactor.text("key AKIAIOSFODNN7EXAMPLE")).isEqualTo("key [redacted:aws-key]");
		assertThat(
				Redactor.text("hook https://hooks.slack.com/services/T0ABCDEFG/B0ABCDEFGHI/abcdefghijklmnopqrstuvwx"))
			.isEqualTo("hook https://hooks.slack.com/services/[redacted:slack-webhook]");
		assertThat(Redactor.text("npm_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8")).isEqualTo("[redacted:npm-token]");
		assertThat(Redactor.text("GITHUB_TOKEN=" + GITHUB)).isEqualTo("GITHUB_TOKEN=[redacted:github-token]");
	}

	@Test
	void keepsTheSchemeOfAnAuthorizationHeader() {
		assertThat(Redactor.text("Authorization: Basic ZGFuYTpodW50ZXIy")).isEqualTo("Authorization: Basic [redacted]");
		assertThat(Redactor.text("{\"Authorization\": \"Bearer opaque-0123\", \"x\": 1}"))
			.isEqualTo("{\"Authorization\": \"Bearer [redacted]\", \"x\": 1}");
		assertThat(Redactor.text("Authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261121/"
				+ "eu-west-1/s3/aws4_request, SignedHeaders=host, Signature=fe5f80f77d5fa3beca038a248ff027"))
			.isEqualTo("Authorization: AWS4-HMAC-SHA256 [redacted], SignedHeaders=host, Signature=[redacted]");
	}

	@Test
	void masksCookieValuesAndKeepsTheirNames() {
		assertThat(Redactor.text("Cookie: theme=dark; JSESSIONID=0F3A9C1E77B24D6C8A5E2B1D9F4C7A30"))
			.isEqualTo("Cookie: theme=[redacted]; JSESSIONID=[redacted]");
		assertThat(Redactor.text("Set-Cookie: session=abc123def456; Path=/; HttpOnly"))
			.isEqualTo("Set-Cookie: session=[redacted]; Path=/; HttpOnly");
	}

	@Test
	void masksTheValueOfANameValuePairNamingASecret() {
		Object env = Redactor.json(List.of(Map.of("name", "DB_PASSWORD", "value", "hunter2"),
				Map.of("name", "LOG_LEVEL", "value", "debug")));
		assertThat(env).isEqualTo(List.of(Map.of("name", "DB_PASSWORD", "value", Redactor.MASK),
				Map.of("name", "LOG_LEVEL", "value", "debug")));
		assertThat(Redactor.text("env:\n- name: DB_PASSWORD\n  value: hunter2\n- name: LOG_LEVEL\n  value: debug"))
			.isEqualTo("env:\n- name: DB_PASSWORD\n  value: [redacted]\n- name: LOG_LEVEL\n  value: debug");
	}

	@Test
	void readsKeysInTextByTheirLastWord() {
		String readable = "secretName: db-creds at dev.cairn.auth.TokenStore.load(TokenStore.java:42) max_tokens=512 "
				+ "token_count=3 password_hash_algorithm=bcrypt";
		assertThat(Redactor.text(readable)).isEqualTo(readable);
		assertThat(Redactor.text("DB_PASSWORD_2=pw9 --client-secret=s3 dbPass: pw7 <password>pw8</password>"))
			.isEqualTo("DB_PASSWORD_2=[redacted] --client-secret=[redacted] dbPass: [redacted] "
					+ "<password>[redacted]</password>");
	}

	@Test
	void keepsJsonValidWhereTheValueIsNotASecret() {
		assertThat(Redactor.text("{\"password\": null, \"token\": \"\", \"secret\": true}"))
			.isEqualTo("{\"password\": null, \"token\": \"\", \"secret\": true}");
		assertThat(Redactor.text("{\"password\": \"a \\\"quoted\\\" pw\", \"user\": \"dana\"}"))
			.isEqualTo("{\"password\": \"[redacted]\", \"user\": \"dana\"}");
	}

	@Test
	void leavesPublicKeysCertificatesAndDigestsReadable() {
		String text = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGq0bPz3bUq3hVJ4cJ0nqPq1u9kV1y6xkqv3yYt0mZ3c dana@laptop\n"
				+ "-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBa\n-----END CERTIFICATE-----\n"
				+ "image ghcr.io/acme/payments@sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 "
				+ "commit 3f5e0c2a9b8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f traceparent: 00-4bf92f3577b34da6a3ce929d0e0e4736-"
				+ "00f067aa0ba902b7-01 pod checkout-7f9c8d6b5-x2k9q";
		assertThat(Redactor.text(text)).isEqualTo(text);
	}

	@Test
	void returnsOnLongAndUnterminatedInput() {
		String base64 = "QUJD".repeat(250_000);
		assertThat(Redactor.text("-----BEGIN PRIVATE KEY-----\n" + base64 + " (and after)"))
			.isEqualTo("[redacted:private-key](and after)");
		assertThat(Redactor.text("{\"password\": \"" + base64)).isEqualTo("{\"password\": \"[redacted]");
		assertThat(Redactor.text("\\\"".repeat(200_000))).isEqualTo("\\\"".repeat(200_000));
		assertThat(Redactor.text("a=b ".repeat(200_000))).isEqualTo("a=b ".repeat(200_000));
		assertThat(Redactor.text("PuTTY-User-Key-File-3: ssh-rsa\n" + base64)).isEqualTo("[redacted:private-key]");
		assertThat(Redactor.text("eyJ" + base64 + "." + base64 + "." + base64)).isEqualTo("[redacted:jwt]");
	}

}
