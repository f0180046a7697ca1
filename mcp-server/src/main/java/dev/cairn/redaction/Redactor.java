package dev.cairn.redaction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in text and in JSON-like values (maps, lists, strings, numbers). It errs
 * towards masking: a harmless value under a key named like a secret is masked too.
 * <p>
 * What callers may rely on: the result never contains a value that was under a
 * secret-looking key, nor a string matching one of the secret patterns below; everything
 * else is returned unchanged, in the same order. Masks name what they hid
 * ({@code [redacted:jwt]}) so that a reader knows something was there.
 * <ul>
 * <li>keys: any word of the key (split at {@code _ - .} and camel case) is password,
 * passwd, pwd, secret, token, auth, authorization, credential(s), cookie, passphrase,
 * signature, or the key contains apikey, privatekey, accesskey, clientsecret, secretkey,
 * sessionkey or connectionstring;</li>
 * <li>strings: {@code Bearer}/{@code Basic} credentials, JWTs, PEM private key blocks,
 * AWS access key ids, GitHub, GitLab, Slack, Google and Stripe tokens, passwords in URLs
 * ({@code scheme://user:password@host}) and {@code password=...}-style pairs.</li>
 * </ul>
 */
public final class Redactor {

	/** What a masked value is replaced with. */
	public static final String MASK = "[redacted]";

	private static final Set<String> SECRET_WORDS = Set.of("password", "passwd", "pwd", "secret", "secrets", "token",
			"auth", "authorization", "credential", "credentials", "cookie", "passphrase", "signature", "apikey",
			"privatekey", "dsn");

	private static final List<String> SECRET_FRAGMENTS = List.of("password", "passwd", "apikey", "privatekey",
			"accesskey", "clientsecret", "secretkey", "sessionkey", "connectionstring", "authtoken", "accesstoken",
			"refreshtoken", "idtoken");

	private static final Pattern WORD_BREAK = Pattern.compile("[_\\-.\\s]+|(?<=[a-z0-9])(?=[A-Z])");

	private static final List<Rule> RULES = List.of(
			// A PEM private key, also when the text was cut before its END line.
			new Rule(Pattern.compile(
					"-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY( BLOCK)?-----[\\s\\S]*?(-----END [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----|$)"),
					(m) -> "[redacted:private-key]"),
			new Rule(Pattern.compile("\\beyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*"),
					(m) -> "[redacted:jwt]"),
			// A credential after Bearer or Basic; real ones contain a digit or a symbol,
			// which keeps prose ("Basic authentication") readable.
			new Rule(
					Pattern.compile(
							"(?i)\\b(bearer|basic)(\\s+)(?=[A-Za-z0-9._~+/=-]*[0-9._~+/=-])[A-Za-z0-9._~+/=-]{8,}"),
					(m) -> m.group(1) + m.group(2) + MASK),
			new Rule(Pattern.compile("\\b(AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA)[A-Z0-9]{16}\\b"),
					(m) -> "[redacted:aws-key]"),
			new Rule(Pattern.compile("\\b(gh[pousr]_[A-Za-z0-9]{20,255}|github_pat_[A-Za-z0-9_]{20,255})"),
					(m) -> "[redacted:github-token]"),
			new Rule(Pattern.compile("\\bglpat-[A-Za-z0-9_-]{20,}"), (m) -> "[redacted:gitlab-token]"),
			new Rule(Pattern.compile("\\bxox[abposr]-[A-Za-z0-9-]{10,}"), (m) -> "[redacted:slack-token]"),
			new Rule(Pattern.compile("\\bAIza[0-9A-Za-z_-]{35}"), (m) -> "[redacted:google-key]"),
			new Rule(Pattern.compile("\\b(sk|rk)_(live|test)_[0-9A-Za-z]{16,}"), (m) -> "[redacted:stripe-key]"),
			// scheme://user:password@host: keep the user and host, mask the password.
			new Rule(Pattern.compile("\\b([a-zA-Z][a-zA-Z0-9+.-]*://[^\\s:/@\"']*:)([^\\s@/\"']+)@"),
					(m) -> m.group(1) + MASK + "@"),
			// password=..., "token": "...", api_key: ... inside free text or query
			// strings.
			new Rule(Pattern.compile("(?i)([\"']?\\b[a-z0-9_.-]*(password|passwd|pwd|secret|token|api[_-]?key|"
					+ "access[_-]?key|private[_-]?key|credentials?)[\"']?\\s*[=:]\\s*)(\"[^\"]*\"|'[^']*'|[^\\s&;,\"'}]+)"),
					(m) -> m.group(1) + quoted(m.group(3))));

	private Redactor() {
	}

	/**
	 * Whether values under this key (a JSON field, a header, an env variable) are masked.
	 */
	public static boolean isSecretKey(String key) {
		if (key == null || key.isEmpty()) {
			return false;
		}
		String joined = key.replaceAll("[_\\-.\\s]", "").toLowerCase(Locale.ROOT);
		for (String fragment : SECRET_FRAGMENTS) {
			if (joined.contains(fragment)) {
				return true;
			}
		}
		for (String word : WORD_BREAK.split(key)) {
			if (SECRET_WORDS.contains(word.toLowerCase(Locale.ROOT))) {
				return true;
			}
		}
		return false;
	}

	/** The text with every secret-looking string masked; {@code null} stays null. */
	public static String text(String text) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		String result = text;
		for (Rule rule : RULES) {
			result = rule.apply(result);
		}
		return result;
	}

	/**
	 * A copy of a JSON-like value with secrets masked: values under secret-looking keys
	 * (whole subtrees), and secret-looking strings anywhere. Maps keep their order;
	 * numbers, booleans and nulls elsewhere are kept.
	 */
	public static Object json(Object value) {
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> copy = new LinkedHashMap<>();
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				String key = String.valueOf(entry.getKey());
				copy.put(text(key), (isSecretKey(key) && entry.getValue() != null) ? MASK : json(entry.getValue()));
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

	private static String quoted(String value) {
		if (value.startsWith("\"")) {
			return "\"" + MASK + "\"";
		}
		if (value.startsWith("'")) {
			return "'" + MASK + "'";
		}
		return MASK;
	}

	private record Rule(Pattern pattern, java.util.function.Function<Matcher, String> replacement) {

		String apply(String text) {
			Matcher matcher = this.pattern.matcher(text);
			if (!matcher.find()) {
				return text;
			}
			StringBuilder out = new StringBuilder(text.length());
			do {
				matcher.appendReplacement(out, Matcher.quoteReplacement(this.replacement.apply(matcher)));
			}
			while (matcher.find());
			matcher.appendTail(out);
			return out.toString();
		}

	}

}
