package dev.cairn.redaction;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Which names (JSON fields, headers, environment variables, query parameters, XML
 * elements) hold secrets. Two readings of the same word lists: a broad one for the keys
 * of JSON-like values, where masking a harmless value costs little, and a strict one for
 * keys found in free text, where a word such as {@code TokenStore.java:42} or
 * {@code secretName: db-creds} is common and is not a secret.
 */
final class SecretKeys {

	/** Whole words of a key, compared ignoring case. */
	private static final Set<String> WORDS = Set.of("password", "passwd", "pwd", "pass", "secret", "secrets", "token",
			"auth", "authorization", "credential", "credentials", "cookie", "passphrase", "signature", "sig", "apikey",
			"privatekey", "dsn", "session", "sid");

	/**
	 * Runs of letters and digits, compared ignoring case and the separators between
	 * words.
	 */
	private static final List<String> FRAGMENTS = List.of("password", "passwd", "passphrase", "apikey", "privatekey",
			"accesskey", "clientsecret", "secretkey", "sessionkey", "connectionstring", "authtoken", "accesstoken",
			"refreshtoken", "idtoken", "securitytoken", "accountkey", "appkey", "applicationkey", "masterkey",
			"encryptionkey", "signingkey", "subscriptionkey", "authkey", "sessionid", "sessid", "webhookurl");

	/** Keys whose values have a rule of their own, one that keeps what is not secret. */
	private static final Set<String> HEADERS_WITH_OWN_RULE = Set.of("authorization", "proxy-authorization", "cookie",
			"set-cookie");

	/**
	 * Keys already judged: the same few field names come back in every result. Bounded,
	 * because keys can come from callers.
	 */
	private static final ConcurrentHashMap<String, Boolean> KNOWN = new ConcurrentHashMap<>();

	private static final int KNOWN_MAX = 10_000;

	private static final Pattern WORD_BREAK = Pattern.compile("[_\\-.\\s]+|(?<=[a-z0-9])(?=[A-Z])");

	private SecretKeys() {
	}

	/**
	 * The broad reading, for keys of JSON-like values: any word of the key is a secret
	 * word, or the key contains a secret fragment.
	 */
	static boolean isSecretKey(String key) {
		if (key == null || key.isEmpty()) {
			return false;
		}
		Boolean known = KNOWN.get(key);
		if (known != null) {
			return known;
		}
		boolean secret = judge(key);
		if (KNOWN.size() < KNOWN_MAX) {
			KNOWN.put(key, secret);
		}
		return secret;
	}

	private static boolean judge(String key) {
		String joined = joined(key);
		for (String fragment : FRAGMENTS) {
			if (joined.contains(fragment)) {
				return true;
			}
		}
		for (String word : WORD_BREAK.split(key)) {
			if (WORDS.contains(word.toLowerCase(Locale.ROOT))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The strict reading, for keys found in free text: the key's last word is a secret
	 * word, or the key ends with a secret fragment. {@code db_password},
	 * {@code githubToken} and {@code X-Api-Key} are secret; {@code secretName},
	 * {@code max_tokens} and {@code TokenStore.java} are not.
	 */
	static boolean endsWithSecretName(String key) {
		// DB_PASSWORD_2 and token2 are numbered secrets.
		int end = key.length();
		while (end > 0 && !Character.isLetter(key.charAt(end - 1))) {
			end--;
		}
		if (end == 0) {
			return false;
		}
		String name = key.substring(0, end);
		String joined = joined(name);
		for (String fragment : FRAGMENTS) {
			if (joined.endsWith(fragment)) {
				return true;
			}
		}
		return WORDS.contains(lastWord(name).toLowerCase(Locale.ROOT));
	}

	/** Whether the value under this key is masked by a rule that keeps part of it. */
	static boolean hasOwnRule(String key) {
		return HEADERS_WITH_OWN_RULE.contains(key.toLowerCase(Locale.ROOT));
	}

	/** The key's letters and digits, lower case. */
	private static String joined(String key) {
		StringBuilder joined = new StringBuilder(key.length());
		for (int i = 0; i < key.length(); i++) {
			char c = key.charAt(i);
			if (Character.isLetterOrDigit(c)) {
				joined.append(Character.toLowerCase(c));
			}
		}
		return joined.toString();
	}

	/**
	 * The last word of a key that ends with a letter: after the last separator, or from
	 * the last lower-to-upper case step.
	 */
	private static String lastWord(String key) {
		int end = key.length();
		int start = end;
		while (start > 0 && Character.isLetterOrDigit(key.charAt(start - 1))) {
			start--;
			if (start > 0 && Character.isUpperCase(key.charAt(start)) && !Character.isUpperCase(key.charAt(start - 1))
					&& Character.isLetterOrDigit(key.charAt(start - 1))) {
				break;
			}
		}
		return key.substring(start, end);
	}

}
