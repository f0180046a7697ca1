package dev.cairn.redaction;

import java.util.regex.Matcher;

/**
 * The maskings of secrets that are known by where they stand rather than by their shape:
 * the value after a secret-looking key, an {@code Authorization} header's credentials,
 * cookie values. Their patterns find the key (or, for keyed values, the separator); the
 * code here finds where the value ends, which a regular expression would do with nested
 * repetition (slow, and deep recursion in {@code java.util.regex} on long input). A value
 * ends where its syntax says: at its closing quote (also an escaped one, {@code \"}, when
 * the text is a JSON string holding JSON), at the closing brace of an ODBC {@code {...}}
 * value, and, unquoted, at whitespace, a quote, a backslash, or one of
 * <code>, ; &amp; }</code>. A value that is already a mask, {@code null}, {@code true} or
 * {@code false} is kept.
 */
final class ContextMasks {

	private static final String MASK = Redactor.MASK;

	private static final String MASKED = "[redacted";

	/** The longest key read before a separator. */
	private static final int MAX_KEY = 100;

	private ContextMasks() {
	}

	/**
	 * The match is a separator ({@code =}, {@code :}, {@code :=} or {@code =>}); the key
	 * before it is read backwards (over an optional closing quote, also escaped, and
	 * blanks), and the value after it is masked when the key is secret-looking. Reading
	 * the key from the separator costs one character test per position of the text, where
	 * a pattern that starts with the key would try every word.
	 */
	static int keyedValue(String text, Matcher match, StringBuilder out) {
		int separator = match.start();
		int keyEnd = separator;
		while (keyEnd > 0 && (text.charAt(keyEnd - 1) == ' ' || text.charAt(keyEnd - 1) == '\t')) {
			keyEnd--;
		}
		if (keyEnd > 0 && (text.charAt(keyEnd - 1) == '"' || text.charAt(keyEnd - 1) == '\'')) {
			keyEnd--;
			while (keyEnd > 0 && text.charAt(keyEnd - 1) == '\\') {
				keyEnd--;
			}
		}
		int keyStart = keyEnd;
		while (keyStart > 0 && keyEnd - keyStart < MAX_KEY && isKeyChar(text.charAt(keyStart - 1))) {
			keyStart--;
		}
		if (keyStart == keyEnd || (keyStart > 0 && isKeyChar(text.charAt(keyStart - 1)))) {
			return -1;
		}
		String key = text.substring(keyStart, keyEnd);
		if (!SecretKeys.endsWithSecretName(key) || SecretKeys.hasOwnRule(key)) {
			return -1;
		}
		int valueStart = match.end();
		if (valueStart < text.length() && ((text.charAt(separator) == ':' && text.charAt(valueStart) == '=')
				|| (text.charAt(separator) == '=' && text.charAt(valueStart) == '>'))) {
			valueStart++;
		}
		while (valueStart < text.length() && (text.charAt(valueStart) == ' ' || text.charAt(valueStart) == '\t')) {
			valueStart++;
		}
		int saved = out.length();
		out.append(text, separator, valueStart);
		int resume = value(text, valueStart, out);
		if (resume < 0) {
			out.setLength(saved);
		}
		return resume;
	}

	/**
	 * Group 1 names a variable or field; the value after the match is masked when it is
	 * secret-looking.
	 */
	static int namedValue(String text, Matcher match, StringBuilder out) {
		if (!SecretKeys.endsWithSecretName(match.group(1))) {
			return -1;
		}
		return withPrefix(text, match, out);
	}

	/**
	 * {@code <password>...</password>}: group 1 is the element name, group 2 its text.
	 */
	static int xmlElement(String text, Matcher match, StringBuilder out) {
		String name = match.group(1);
		String local = name.substring(name.lastIndexOf(':') + 1);
		if (!SecretKeys.endsWithSecretName(local) || match.group(2).startsWith(MASKED)) {
			return -1;
		}
		out.append(text, match.start(), match.start(2)).append(MASK).append(text, match.end(2), match.end());
		return match.end();
	}

	/**
	 * An {@code Authorization} header or field: the scheme ({@code Bearer},
	 * {@code Basic}, {@code AWS4-HMAC-SHA256}, ...) is kept, the credentials after it are
	 * masked.
	 */
	static int authorization(String text, Matcher match, StringBuilder out) {
		int start = match.end();
		int schemeEnd = start;
		while (schemeEnd < text.length() && isSchemeChar(text.charAt(schemeEnd))) {
			schemeEnd++;
		}
		int credentials = schemeEnd;
		while (credentials < text.length() && (text.charAt(credentials) == ' ' || text.charAt(credentials) == '\t')) {
			credentials++;
		}
		boolean schemed = schemeEnd > start && credentials > schemeEnd && credentials < text.length()
				&& !endsCredentials(text.charAt(credentials));
		int from = schemed ? credentials : start;
		int end = from;
		while (end < text.length() && !endsCredentials(text.charAt(end))) {
			end++;
		}
		if (end == from || text.startsWith(MASKED, from)) {
			return -1;
		}
		out.append(text, match.start(), from).append(MASK);
		return end;
	}

	/**
	 * A {@code Cookie} header (every value masked, names kept) or a {@code Set-Cookie}
	 * header (the cookie's value masked, its attributes kept). Group 1 is the header
	 * name.
	 */
	static int cookies(String text, Matcher match, StringBuilder out) {
		boolean setCookie = match.group(1).length() > "cookie".length();
		int length = text.length();
		int saved = out.length();
		out.append(text, match.start(), match.end());
		int i = match.end();
		boolean masked = false;
		while (i < length) {
			int nameStart = i;
			while (i < length && text.charAt(i) != '=' && !endsCookie(text.charAt(i))) {
				i++;
			}
			if (i < length && text.charAt(i) == '=') {
				out.append(text, nameStart, i + 1);
				i = cookieValue(text, i + 1, out);
				masked = true;
			}
			else if (nameStart == match.end()) {
				// cookie=value: a bare value, no cookie name.
				i = cookieValue(text, nameStart, out);
				masked = true;
			}
			else {
				out.append(text, nameStart, i);
			}
			if (setCookie || i >= length || text.charAt(i) != ';') {
				break;
			}
			out.append(';');
			i++;
			while (i < length && text.charAt(i) == ' ') {
				out.append(' ');
				i++;
			}
		}
		if (!masked) {
			out.setLength(saved);
			return -1;
		}
		return i;
	}

	private static int cookieValue(String text, int start, StringBuilder out) {
		int end = start;
		if (end < text.length() && text.charAt(end) == '"') {
			int close = text.indexOf('"', end + 1);
			end = (close < 0) ? end : close + 1;
		}
		while (end < text.length() && !endsCookie(text.charAt(end))) {
			end++;
		}
		if (end == start || text.startsWith(MASKED, start)) {
			out.append(text, start, end);
		}
		else {
			out.append(MASK);
		}
		return end;
	}

	/**
	 * Appends the match and the masked value after it; -1 when there is no value to mask.
	 */
	private static int withPrefix(String text, Matcher match, StringBuilder out) {
		int saved = out.length();
		out.append(text, match.start(), match.end());
		int resume = value(text, match.end(), out);
		if (resume < 0) {
			out.setLength(saved);
		}
		return resume;
	}

	/**
	 * Masks the value starting at {@code start}, keeping its quotes.
	 * @return where the text resumes, or -1 (nothing appended) when there is no value or
	 * it needs no masking
	 */
	static int value(String text, int start, StringBuilder out) {
		if (text.startsWith(MASKED, start)) {
			return -1;
		}
		int length = text.length();
		int slashes = 0;
		while (start + slashes < length && text.charAt(start + slashes) == '\\') {
			slashes++;
		}
		if (start + slashes >= length) {
			return -1;
		}
		char first = text.charAt(start + slashes);
		if (first == '"' || (first == '\'' && slashes == 0)) {
			String quote = text.substring(start, start + slashes + 1);
			int from = start + quote.length();
			int close = (slashes == 0) ? closingQuote(text, from, first) : text.indexOf(quote, from);
			int end = (close >= 0) ? close : lineEnd(text, from);
			if (end == from || keeps(text, from, end)) {
				return -1;
			}
			out.append(quote).append(MASK);
			if (close < 0) {
				return end;
			}
			out.append(quote);
			return close + quote.length();
		}
		if (slashes > 0) {
			return -1;
		}
		if (first == '{' || first == '[') {
			int close = text.indexOf((first == '{') ? '}' : ']', start + 1);
			if (close > start + 1) {
				out.append(first).append(MASK).append(text.charAt(close));
				return close + 1;
			}
		}
		int end = start;
		while (end < length && !endsUnquoted(text.charAt(end))) {
			end++;
		}
		if (end == start || keeps(text, start, end)) {
			return -1;
		}
		out.append(MASK);
		return end;
	}

	private static boolean keeps(String text, int start, int end) {
		if (text.startsWith(MASKED, start)) {
			return true;
		}
		if (end - start != 4 && end - start != 5) {
			return false;
		}
		String value = text.substring(start, end);
		return value.equals("null") || value.equals("true") || value.equals("false");
	}

	private static int closingQuote(String text, int from, char quote) {
		for (int i = from; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\\' && quote == '"') {
				i++;
			}
			else if (c == quote) {
				return i;
			}
		}
		return -1;
	}

	private static int lineEnd(String text, int from) {
		for (int i = from; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\n' || c == '\r') {
				return i;
			}
		}
		return text.length();
	}

	private static boolean endsUnquoted(char c) {
		return Character.isWhitespace(c) || c == '"' || c == '\'' || c == '\\' || c == ',' || c == ';' || c == '&'
				|| c == '}';
	}

	private static boolean endsCredentials(char c) {
		return Character.isWhitespace(c) || c == '"' || c == '\'' || c == '\\' || c == ',' || c == ';';
	}

	private static boolean endsCookie(char c) {
		return Character.isWhitespace(c) || c == ';' || c == ',' || c == '"' || c == '\'' || c == '\\';
	}

	private static boolean isKeyChar(char c) {
		return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.'
				|| c == '-';
	}

	private static boolean isSchemeChar(char c) {
		return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
	}

}
