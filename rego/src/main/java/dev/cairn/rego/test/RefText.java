package dev.cairn.rego.test;

import java.util.List;
import java.util.regex.Pattern;

import dev.cairn.rego.value.StringValue;
import dev.cairn.rego.value.Values;

/**
 * Paths written as Rego refs, as OPA prints them: {@code data.a.b}, and
 * {@code data.a["b-c"]} for components that are not names.
 */
final class RefText {

	private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private RefText() {
	}

	static String of(String head, List<String> components) {
		StringBuilder out = new StringBuilder(head);
		for (String c : components) {
			if (NAME.matcher(c).matches()) {
				out.append('.').append(c);
			}
			else {
				out.append('[').append(Values.toJsonText(StringValue.of(c))).append(']');
			}
		}
		return out.toString();
	}

	/** A ref that always parses, every component in brackets: {@code data["a"]["b"]}. */
	static String bracketed(String head, List<String> components) {
		StringBuilder out = new StringBuilder(head);
		for (String c : components) {
			out.append('[').append(Values.toJsonText(StringValue.of(c))).append(']');
		}
		return out.toString();
	}

}
