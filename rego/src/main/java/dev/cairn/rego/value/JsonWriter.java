package dev.cairn.rego.value;

import java.util.Map;
import java.util.TreeMap;

/**
 * Writes values as OPA marshals them to JSON with Go's {@code encoding/json}: compact,
 * object keys sorted byte-wise, sets as arrays in sort order, strings HTML-safe
 * ({@code <}, {@code >} and {@code &} escaped), and non-string keys turned into strings
 * by {@link #keyText(Value)}.
 */
final class JsonWriter {

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private JsonWriter() {
	}

	static String write(Value value) {
		StringBuilder sb = new StringBuilder();
		append(sb, value);
		return sb.toString();
	}

	/**
	 * The JSON object key OPA makes of {@code key}: a string as it is, anything else as
	 * its own JSON text ({@code 1}, {@code true}, {@code ["a"]}).
	 */
	static String keyText(Value key) {
		return (key instanceof StringValue string) ? string.value() : write(key);
	}

	/**
	 * The entries of {@code object} under their JSON keys, in Go's order of those keys.
	 * Keys that print alike ({@code 1} and {@code "1"}) collide, and the later one in
	 * OPA's order wins, as it does when OPA fills a Go map.
	 */
	static Map<String, Value> jsonEntries(ObjectValue object) {
		Map<String, Value> entries = new TreeMap<>(StringValue::compareUtf8);
		for (int i = 0; i < object.size(); i++) {
			entries.put(keyText(object.key(i)), object.value(i));
		}
		return entries;
	}

	/**
	 * Whether every key is a string: then OPA's order is already Go's, with no
	 * collisions.
	 */
	static boolean hasOnlyStringKeys(ObjectValue object) {
		// Strings sort between numbers and arrays, so the ends decide.
		return object.isEmpty()
				|| (object.key(0) instanceof StringValue && object.key(object.size() - 1) instanceof StringValue);
	}

	static void append(StringBuilder sb, Value value) {
		if (value instanceof StringValue string) {
			quote(sb, string.value());
		}
		else if (value instanceof NumberValue number) {
			sb.append(number.jsonText());
		}
		else if (value instanceof ArrayValue array) {
			appendArray(sb, array.elementArray());
		}
		else if (value instanceof SetValue set) {
			appendArray(sb, set.elementArray());
		}
		else if (value instanceof ObjectValue object) {
			appendObject(sb, object);
		}
		else {
			sb.append(value.toString());
		}
	}

	private static void appendArray(StringBuilder sb, Value[] elements) {
		sb.append('[');
		for (int i = 0; i < elements.length; i++) {
			if (i > 0) {
				sb.append(',');
			}
			append(sb, elements[i]);
		}
		sb.append(']');
	}

	private static void appendObject(StringBuilder sb, ObjectValue object) {
		sb.append('{');
		if (hasOnlyStringKeys(object)) {
			for (int i = 0; i < object.size(); i++) {
				if (i > 0) {
					sb.append(',');
				}
				quote(sb, ((StringValue) object.key(i)).value());
				sb.append(':');
				append(sb, object.value(i));
			}
		}
		else {
			boolean first = true;
			for (Map.Entry<String, Value> entry : jsonEntries(object).entrySet()) {
				if (!first) {
					sb.append(',');
				}
				first = false;
				quote(sb, entry.getKey());
				sb.append(':');
				append(sb, entry.getValue());
			}
		}
		sb.append('}');
	}

	/** A JSON string as Go writes it, with HTML escaping on. */
	static void quote(StringBuilder sb, String s) {
		sb.append('"');
		int n = s.length();
		for (int i = 0; i < n; i++) {
			char c = s.charAt(i);
			switch (c) {
				case '"' -> sb.append("\\\"");
				case '\\' -> sb.append("\\\\");
				case '\b' -> sb.append("\\b");
				case '\f' -> sb.append("\\f");
				case '\n' -> sb.append("\\n");
				case '\r' -> sb.append("\\r");
				case '\t' -> sb.append("\\t");
				case '<', '>', '&', '\u2028', '\u2029' -> unicodeEscape(sb, c);
				default -> {
					if (c < 0x20) {
						unicodeEscape(sb, c);
					}
					else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
						sb.append(c).append(s.charAt(++i));
					}
					else if (Character.isSurrogate(c)) {
						// Not UTF-8; Go writes the replacement character in its place.
						sb.append("\\ufffd");
					}
					else {
						sb.append(c);
					}
				}
			}
		}
		sb.append('"');
	}

	private static void unicodeEscape(StringBuilder sb, char c) {
		sb.append("\\u")
			.append(HEX[c >> 12])
			.append(HEX[(c >> 8) & 0xF])
			.append(HEX[(c >> 4) & 0xF])
			.append(HEX[c & 0xF]);
	}

}
