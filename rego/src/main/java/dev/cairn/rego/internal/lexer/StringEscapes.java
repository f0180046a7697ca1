package dev.cairn.rego.internal.lexer;

/**
 * Decodes the inside of a quoted string the way Go's JSON decoder does, which is what OPA
 * uses: the escapes of JSON (quote, backslash, slash, b, f, n, r, t and four-digit hex),
 * with UTF-16 surrogate pairs joined and a lone surrogate replaced by U+FFFD.
 */
final class StringEscapes {

	private static final char REPLACEMENT = '\uFFFD';

	private StringEscapes() {
	}

	/**
	 * The decoded text, or {@code null} when it is not a valid JSON string body. As in
	 * OPA, text without any backslash is taken as it is, control characters included.
	 */
	static String decode(String inner) {
		if (inner.indexOf('\\') < 0) {
			return inner;
		}
		StringBuilder out = new StringBuilder(inner.length());
		int i = 0;
		while (i < inner.length()) {
			char c = inner.charAt(i);
			if (c < 0x20) {
				return null;
			}
			if (c != '\\') {
				out.append(c);
				i++;
				continue;
			}
			if (i + 1 >= inner.length()) {
				return null;
			}
			char e = inner.charAt(i + 1);
			i += 2;
			switch (e) {
				case '"', '\\', '/' -> out.append(e);
				case 'b' -> out.append('\b');
				case 'f' -> out.append('\f');
				case 'n' -> out.append('\n');
				case 'r' -> out.append('\r');
				case 't' -> out.append('\t');
				case 'u' -> {
					int unit = hex4(inner, i);
					if (unit < 0) {
						return null;
					}
					i += 4;
					if (Character.isHighSurrogate((char) unit) && i + 6 <= inner.length() && inner.charAt(i) == '\\'
							&& inner.charAt(i + 1) == 'u') {
						int low = hex4(inner, i + 2);
						if (low >= 0 && Character.isLowSurrogate((char) low)) {
							out.append((char) unit).append((char) low);
							i += 6;
							continue;
						}
					}
					out.append(Character.isSurrogate((char) unit) ? REPLACEMENT : (char) unit);
				}
				default -> {
					return null;
				}
			}
		}
		return out.toString();
	}

	private static int hex4(String s, int from) {
		if (from + 4 > s.length()) {
			return -1;
		}
		int value = 0;
		for (int i = from; i < from + 4; i++) {
			char c = s.charAt(i);
			// ASCII only: Character.digit would also accept other scripts' digits.
			int digit = (c >= '0' && c <= '9') ? c - '0'
					: (c >= 'a' && c <= 'f') ? c - 'a' + 10 : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
			if (digit < 0) {
				return -1;
			}
			value = value * 16 + digit;
		}
		return value;
	}

}
