package dev.cairn.rego.value;

/**
 * Prints values in Rego's term syntax as OPA's {@code String()} methods do: strings
 * quoted as Go's {@code strconv.Quote} quotes them, collections in sort order with
 * {@code ", "} between elements and {@code ": "} after keys, and the empty set as
 * {@code set()}.
 */
final class RegoPrinter {

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private RegoPrinter() {
	}

	static String print(Value value) {
		StringBuilder sb = new StringBuilder();
		append(sb, value);
		return sb.toString();
	}

	static void append(StringBuilder sb, Value value) {
		if (value instanceof StringValue string) {
			quote(sb, string.value());
		}
		else if (value instanceof ArrayValue array) {
			sb.append('[');
			appendAll(sb, array.elementArray());
			sb.append(']');
		}
		else if (value instanceof SetValue set) {
			if (set.isEmpty()) {
				sb.append("set()");
				return;
			}
			sb.append('{');
			appendAll(sb, set.elementArray());
			sb.append('}');
		}
		else if (value instanceof ObjectValue object) {
			sb.append('{');
			for (int i = 0; i < object.size(); i++) {
				if (i > 0) {
					sb.append(", ");
				}
				append(sb, object.key(i));
				sb.append(": ");
				append(sb, object.value(i));
			}
			sb.append('}');
		}
		else {
			sb.append(value.toString());
		}
	}

	private static void appendAll(StringBuilder sb, Value[] elements) {
		for (int i = 0; i < elements.length; i++) {
			if (i > 0) {
				sb.append(", ");
			}
			append(sb, elements[i]);
		}
	}

	static String quote(String s) {
		StringBuilder sb = new StringBuilder(s.length() + 2);
		quote(sb, s);
		return sb.toString();
	}

	/**
	 * Go's {@code strconv.Quote}: printable characters as they are, the usual backslash
	 * escapes, {@code \xNN} for other control characters, {@code \}{@code uNNNN} and
	 * {@code \UNNNNNNNN} for other non-printable ones.
	 */
	static void quote(StringBuilder sb, String s) {
		sb.append('"');
		int n = s.length();
		for (int i = 0; i < n;) {
			int c = s.codePointAt(i);
			i += Character.charCount(c);
			if (c == '"' || c == '\\') {
				sb.append('\\').append((char) c);
			}
			else if (c >= 0x20 && c < 0x7F) {
				sb.append((char) c);
			}
			else if (c > 0x7F && isPrint(c)) {
				sb.appendCodePoint(c);
			}
			else {
				escape(sb, c);
			}
		}
		sb.append('"');
	}

	private static void escape(StringBuilder sb, int c) {
		switch (c) {
			case 0x07 -> sb.append("\\a");
			case '\b' -> sb.append("\\b");
			case '\f' -> sb.append("\\f");
			case '\n' -> sb.append("\\n");
			case '\r' -> sb.append("\\r");
			case '\t' -> sb.append("\\t");
			case 0x0B -> sb.append("\\v");
			default -> {
				if (c < 0x20 || c == 0x7F) {
					sb.append("\\x").append(HEX[c >> 4]).append(HEX[c & 0xF]);
				}
				else if (Character.isSurrogate((char) c)) {
					// A lone surrogate is not UTF-8: Go's JSON decoder would have put
					// U+FFFD
					// in its place, which prints as itself.
					sb.append('\uFFFD');
				}
				else if (c < 0x10000) {
					hex(sb.append("\\u"), c, 4);
				}
				else {
					hex(sb.append("\\U"), c, 8);
				}
			}
		}
	}

	private static void hex(StringBuilder sb, int c, int digits) {
		for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
			sb.append(HEX[(c >> shift) & 0xF]);
		}
	}

	/**
	 * Go's {@code unicode.IsPrint}: letters, marks, numbers, punctuation and symbols (and
	 * the ASCII space, handled by the caller).
	 */
	private static boolean isPrint(int c) {
		return switch (Character.getType(c)) {
			case Character.UNASSIGNED, Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR,
					Character.PARAGRAPH_SEPARATOR, Character.CONTROL, Character.FORMAT, Character.PRIVATE_USE,
					Character.SURROGATE ->
				false;
			default -> true;
		};
	}

}
