package dev.cairn.redaction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Masks secrets in text and in JSON-like values (maps, lists, strings, numbers). It errs
 * towards masking: a harmless value under a key named like a secret is masked too.
 * <p>
 * What callers may rely on: in a JSON-like value, nothing under a secret-looking key
 * survives; in any string, nothing matching one of the formats below survives, nor the
 * value after a secret-looking key; everything else is returned unchanged, in the same
 * order. Masks name what they hid ({@code [redacted:jwt]}) so that a reader knows what
 * was there; secrets known only by their key or header keep the key and become
 * {@code [redacted]} ({@code password=[redacted]},
 * {@code Authorization: Bearer [redacted]}).
 * <ul>
 * <li>keys of JSON-like values: any word of the key (split at {@code _ - .} and camel
 * case) is password, passwd, pwd, pass, secret, token, auth, authorization,
 * credential(s), cookie, passphrase, signature, sig, session, sid or dsn, or the key
 * contains apikey, privatekey, accesskey, secretkey, accountkey, clientsecret, sessionid,
 * connectionstring, webhookurl or a similar fragment; in a {@code {"name": ..., "value":
 * ...}} pair, the value when the name is secret-looking;</li>
 * <li>keys in text ({@code k=v}, {@code k: v}, {@code "k": "v"} also escaped,
 * {@code export K=v}, headers, query strings, connection strings, XML elements): the same
 * words, but only as the key's last word or its end, so that {@code secretName: db} and
 * {@code TokenStore.java:42} stay readable;</li>
 * <li>headers: Authorization and Proxy-Authorization credentials of any scheme, Bearer
 * and Basic credentials anywhere, Cookie and Set-Cookie values;</li>
 * <li>private keys: PEM (PKCS#1, PKCS#8, encrypted, OpenSSH, PGP), also cut short or with
 * escaped line breaks, and PuTTY key files;</li>
 * <li>tokens: JWTs (Kubernetes service-account tokens among them, also base64-encoded),
 * AWS access key ids and session tokens, Google API keys, OAuth client secrets and access
 * tokens, GitHub (classic, fine-grained, OAuth, app), GitLab, Slack (tokens and
 * webhooks), Stripe (keys and webhook secrets), Twilio, SendGrid, Mailgun, npm, PyPI,
 * Docker Hub, OpenAI, Anthropic, Hugging Face, Shopify, Square, Heroku, DigitalOcean,
 * Atlassian, Postman, Vault, Discord (bot tokens and webhooks), Telegram, age, New Relic,
 * Terraform Cloud and Grafana;</li>
 * <li>passwords in URLs ({@code scheme://user:password@host}, also MongoDB SRV and
 * Oracle's {@code user/password@host}).</li>
 * </ul>
 * Secrets with no recognisable shape (an AWS secret access key, a Datadog key or a Twilio
 * auth token, an Azure account key or SAS signature) are masked by their key
 * ({@code aws_secret_access_key=}, {@code DD_API_KEY=}, {@code AccountKey=},
 * {@code sig=}). A value after a key ends where its syntax says: at its closing quote,
 * or, unquoted, at whitespace, a quote, a backslash or one of <code>, ; &amp; }</code>;
 * an unquoted password holding one of those is masked only up to it. Not masked:
 * identifiers that only look random, such as commit hashes, UUIDs, trace ids, image
 * digests and public keys.
 */
public final class Redactor {

	/** What a masked value is replaced with. */
	public static final String MASK = "[redacted]";

	private static final AnchorScan SCAN = new AnchorScan(SecretRules.ALL);

	/** Texts seen before with nothing to mask (never one that held a secret). */
	private static final CleanTexts CLEAN = new CleanTexts(4096, 2_000_000);

	private Redactor() {
	}

	/**
	 * Whether values under this key (a JSON field, a header, an env variable) are masked.
	 */
	public static boolean isSecretKey(String key) {
		return SecretKeys.isSecretKey(key);
	}

	/** The text with every secret-looking string masked; {@code null} stays null. */
	public static String text(String text) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		if (CLEAN.contains(text)) {
			return text;
		}
		// Anchors are looked for in the text as given: a mask never creates a secret.
		String lowerCase = text.toLowerCase(Locale.ROOT);
		boolean[] candidates = SCAN.candidates(lowerCase);
		String result = text;
		for (int i = 0; i < candidates.length; i++) {
			if (candidates[i]) {
				result = SecretRules.ALL.get(i).apply(result);
			}
		}
		if (result == text) {
			CLEAN.remember(text);
		}
		return result;
	}

	/**
	 * A copy of a JSON-like value with secrets masked: values under secret-looking keys
	 * (whole subtrees), the value of a name/value pair whose name is secret-looking, and
	 * secret-looking strings anywhere. Maps keep their order; numbers, booleans and nulls
	 * elsewhere are kept.
	 */
	public static Object json(Object value) {
		if (value instanceof Map<?, ?> map) {
			boolean secretValue = namesASecret(map);
			Map<String, Object> copy = new LinkedHashMap<>();
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				String key = String.valueOf(entry.getKey());
				boolean secret = isSecretKey(key) || (secretValue && key.equals("value"));
				copy.put(text(key), (secret && entry.getValue() != null) ? MASK : json(entry.getValue()));
			}
			return copy;
		}
		if (value instanceof List<?> list) {
			List<Object> copy = new ArrayList<>(list.size());
			list.forEach((item) -> copy.add(json(item)));
			return copy;
		}
		if (value instanceof String string) {
			return text(string);
		}
		return value;
	}

	/**
	 * Whether the map is a name/value pair naming a secret: an env entry, a HAR header, a
	 * Postman variable ({@code {"name": "DB_PASSWORD", "value": ...}}).
	 */
	private static boolean namesASecret(Map<?, ?> map) {
		for (Map.Entry<?, ?> entry : map.entrySet()) {
			if (("name".equals(entry.getKey()) || "key".equals(entry.getKey()))
					&& entry.getValue() instanceof String name && SecretKeys.endsWithSecretName(name)) {
				return true;
			}
		}
		return false;
	}

}
