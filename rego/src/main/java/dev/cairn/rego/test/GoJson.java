package dev.cairn.rego.test;

import java.util.List;
import java.util.Map;

/**
 * JSON laid out as Go's {@code json.MarshalIndent(v, "", "  ")}, which is how
 * {@code opa test} prints its JSON reports: {@code "key": value}, two-space indents,
 * {@code {}} and {@code []} when empty, and {@code <}, {@code >}, {@code &} escaped.
 * Values are maps (in their iteration order), lists, strings, booleans, integers, doubles
 * and {@code null}.
 */
final class GoJson {

	private GoJson() {
	}

	static String write(Object value) {
		StringBuilder out = new StringBuilder();
		write(value, 0, out);
		return out.toString();
	}

	private static void write(Object value, int depth, StringBuilder out) {
		if (value instanceof Map<?, ?> map) {
			if (map.isEmpty()) {
				out.append("{}");
				return;
			}
			out.append('{');
			String sep = "\n";
			for (Map.Entry<?, ?> e : map.entrySet()) {
				out.append(sep);
				indent(depth + 1, out);
				string(e.getKey().toString(), out);
				out.append(": ");
				write(e.getValue(), depth + 1, out);
				sep = ",\n";
			}
			out.append('\n');
			indent(depth, out);
			out.append('}');
		}
		else if (value instanceof List<?> list) {
			if (list.isEmpty()) {
				out.append("[]");
				return;
			}
			out.append('[');
			String sep = "\n";
			for (Object element : list) {
				out.append(sep);
				indent(depth + 1, out);
				write(element, depth + 1, out);
				sep = ",\n";
			}
			out.append('\n');
			indent(depth, out);
			out.append(']');
		}
		else if (value instanceof String s) {
			string(s, out);
		}
		else if (value instanceof Double d) {
			out.append(GoText.number(d));
		}
		else {
			out.append(value);
		}
	}

	private static void indent(int depth, StringBuilder out) {
		out.append("  ".repeat(depth));
	}

	private static void string(String s, StringBuilder out) {
		out.append('"');
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}

}
