package dev.cairn.redaction;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static dev.cairn.redaction.CorpusRandom.ALNUM;
import static dev.cairn.redaction.CorpusRandom.KUBERNETES;
import static dev.cairn.redaction.CorpusRandom.LOWER;

/**
 * Strings that look random, or mention secrets, and are not secrets: what operators need
 * to read in logs, events and errors. A redactor that masks them makes a diagnosis
 * unreadable. A container image digest is a content hash of a public artifact, and a
 * public key or a certificate is meant to be shared: neither is a secret.
 */
final class LookAlikeCorpus {

	record Kind(String name, Function<CorpusRandom, String> generator) {

		List<String> samples(int count) {
			CorpusRandom random = new CorpusRandom(this.name.hashCode());
			List<String> samples = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				samples.add(this.generator.apply(random));
			}
			return samples;
		}

	}

	private static final String[] SERVICES = { "payments-api", "checkout", "ledger-worker", "orders-db-migrate",
			"notification-service", "search-indexer" };

	private static final String[] CLASSES = { "TokenService", "SecretResolver", "PasswordEncoderConfig", "AuthFilter",
			"SessionRegistry", "KeyRotationJob", "CredentialsProvider", "ApiKeyValidator", "LedgerClient",
			"DeploymentAnalyzer" };

	private static final String[] WORDS = { "the", "order", "was", "shipped", "to", "warehouse", "after", "payment",
			"cleared", "customer", "asked", "for", "a", "refund", "invoice", "total", "includes", "tax" };

	static final List<Kind> KINDS = List.of(
			new Kind("git-commit-sha",
					(r) -> r.pick("commit ", "deployed ", "rev=", "sha: ", "\"commit\": \"") + r.hex(40)
							+ r.pick("", " by dana", "\"")),
			new Kind("git-short-sha",
					(r) -> r.pick("at ", "image tag main-", "git describe: v1.4.2-14-g", "fixup! ")
							+ r.hex(r.between(7, 12))),
			new Kind("uuid", (r) -> r.pick("request ", "uid: ", "\"id\": \"", "order_id=") + r.uuid()),
			new Kind("w3c-traceparent",
					(r) -> "traceparent: 00-" + r.hex(32) + "-" + r.hex(16) + "-0" + r.between(0, 1)),
			new Kind("trace-and-span-ids",
					(r) -> "trace_id=" + r.hex(32) + " span_id=" + r.hex(16) + " parent_span_id=" + r.hex(16)),
			new Kind("kubernetes-pod-name",
					(r) -> "pod " + r.pick(SERVICES) + "-" + r.of(KUBERNETES, 8, 10) + "-" + r.of(KUBERNETES, 5)
							+ r.pick(" restarted (OOMKilled)", " is Running", "")),
			new Kind("image-digest",
					(r) -> r.pick("image ghcr.io/acme/", "imageID: docker-pullable://ghcr.io/acme/",
							"Pulling image \"ghcr.io/acme/") + r.pick(SERVICES) + "@sha256:" + r.hex(64)),
			new Kind(
					"semantic-version", (r) -> "version " + r.pick("v", "") + r.between(0, 30) + "." + r.between(0, 99)
							+ "." + r.between(0, 999) + r.pick("", "-rc." + r.between(1, 9),
									"+build." + r.between(1, 9999))),
			new Kind("base64-text-under-plain-key",
					(r) -> r.pick("\"description\": \"", "payload=", "data: ", "\"body\": \"")
							+ CorpusRandom.base64Of(sentence(r))),
			new Kind("iso-timestamp",
					(r) -> "at " + OffsetDateTime
						.ofInstant(Instant.ofEpochMilli(1_700_000_000_000L + r.between(0, 1_000_000_000) * 60L),
								ZoneOffset.ofHours(r.between(-11, 12)))
						.toString()),
			new Kind("ipv4-address",
					(r) -> "client " + r.between(1, 223) + "." + r.between(0, 255) + "." + r.between(0, 255) + "."
							+ r.between(1, 254) + ":" + r.between(1024, 65535)),
			new Kind("ipv6-address",
					(r) -> r.pick("peer ", "http://[") + "2001:db8:" + r.hex(4) + "::" + r.hex(3) + ":" + r.hex(4)
							+ r.pick("", "]:8443/healthz")),
			new Kind("file-path",
					(r) -> r.pick("/var/run/secrets/kubernetes.io/serviceaccount/token",
							"/var/log/pods/payments_"
									+ r.pick(SERVICES) + "-" + r.of(KUBERNETES, 10) + "_" + r.uuid() + "/app/0.log",
							"/etc/ssl/private/" + r.pick(SERVICES) + ".key",
							"C:\\Users\\dana\\AppData\\Local\\Temp\\cairn-" + r.digits(12) + ".tmp",
							"/home/dana/.m2/repository/org/springframework/spring-core/7.0." + r.between(0, 9)
									+ "/spring-core-7.0." + r.between(0, 9) + ".jar")),
			new Kind("java-stack-frame",
					(r) -> "\tat dev.cairn." + r.pick("telemetry", "auth", "ledger") + "." + r.pick(CLASSES) + "."
							+ r.pick("refresh", "lambda$load$" + r.between(0, 9), "call") + "(" + r.pick(CLASSES)
							+ ".java:" + r.between(1, 999) + ")"),
			new Kind("java-exception",
					(r) -> r.pick(
							"Caused by: dev.cairn.auth.InvalidTokenException: token expired at 2026-11-2"
									+ r.between(1, 9),
							"dev.cairn.auth.SecretNotFoundException: secret \"" + r.pick(SERVICES) + "-db\" not found",
							"java.lang.IllegalStateException: " + r.pick(CLASSES) + "$Worker-" + r.between(1, 9)
									+ " stopped")),
			new Kind("request-id",
					(r) -> r.pick("X-Request-Id: ", "request_id=", "\"requestId\": \"") + r.pick(r.uuid().toString(),
							"req_" + r.alnum(24), "01" + r.of("0123456789ABCDEFGHJKMNPQRSTVWXYZ", 24))),
			new Kind("aws-identifiers",
					(r) -> r.pick("arn:aws:iam::" + r.digits(12) + ":role/" + r.pick(SERVICES) + "-deployer",
							"x-amzn-RequestId: " + r.uuid(), "X-Amzn-Trace-Id: Root=1-" + r.hex(8) + "-" + r.hex(24))),
			new Kind("ssh-public-key",
					(r) -> r.pick("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI" + r.base64(43),
							"ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABgQ" + r.base64(500)) + " dana@laptop"),
			new Kind("certificate",
					(r) -> "-----BEGIN CERTIFICATE-----\n" + String.join("\n", r.lines("MIID", 1200, 64))
							+ "\n-----END CERTIFICATE-----"),
			new Kind("content-hashes",
					(r) -> r.pick("ETag: \"" + r.hex(32) + "\"", "integrity sha512-" + r.base64(86) + "==",
							"checksum=" + r.hex(64), "Content-MD5: " + r.base64(22) + "==")),
			new Kind("kubernetes-objects",
					(r) -> r.pick("configmap/" + r.pick(SERVICES) + "-config-" + r.of(KUBERNETES, 10),
							"secretName: " + r.pick(SERVICES) + "-tls",
							"replicaset.apps/" + r.pick(SERVICES) + "-" + r.of(KUBERNETES, 10) + " scaled to "
									+ r.between(0, 9),
							"MountVolume.SetUp failed for volume \"" + r.pick(SERVICES) + "-creds\" : secret \""
									+ r.pick(SERVICES) + "-creds\" not found")),
			new Kind("messages-naming-secrets",
					(r) -> r.pick("rate limiter: token bucket refilled, tokens=" + r.between(1, 500) + " capacity=500",
							"password reset email queued for user " + r.digits(6),
							"max_tokens=" + r.between(256, 8192) + " temperature=0.2",
							"rotated signing keys for https://auth.acme.example, next rotation in " + r.between(1, 90)
									+ "d",
							"token_count=" + r.between(1, 9999), "auth_method=oidc session_ttl=" + r.between(60, 86400),
							"GET /api/v1/tokens?page=" + r.between(1, 99) + " 200",
							"Basic authentication enabled for /actuator", "Bearer token missing from request")),
			new Kind("urls-without-credentials",
					(r) -> r.pick("https://api.acme.example:8443/v1/orders/" + r.digits(6) + "?page=2&limit=50",
							"git@github.com:acme/" + r.pick(SERVICES) + ".git", "postgres://db.internal:5432/orders",
							"https://host:8443/path@v" + r.between(1, 9))),
			new Kind("image-references",
					(r) -> "ghcr.io/acme/" + r.pick(SERVICES) + ":" + r.between(1, 9) + "." + r.between(0, 40) + "."
							+ r.between(0, 9) + "-" + r.hex(7)),
			new Kind("email-and-accounts",
					(r) -> r.pick("owner: ", "user:default/", "notified ") + r.of(LOWER, 4, 8) + "." + r.of(LOWER, 4, 8)
							+ r.pick("@acme.example", "")),
			new Kind("identifiers-under-plain-keys",
					(r) -> r.pick("session_count=", "key_id=", "tokenizer=bpe ref=", "nonce_length=", "cursor=")
							+ r.of(ALNUM, 8, 16)));

	private LookAlikeCorpus() {
	}

	private static String sentence(CorpusRandom r) {
		StringBuilder sentence = new StringBuilder();
		int words = r.between(6, 14);
		for (int i = 0; i < words; i++) {
			sentence.append((i == 0) ? "" : " ").append(r.pick(WORDS));
		}
		return sentence.append('.').toString();
	}

}
