package dev.cairn.rego.internal.eval;

import dev.cairn.rego.value.ArrayValue;
import dev.cairn.rego.value.NumberValue;
import dev.cairn.rego.value.StringValue;
import dev.cairn.rego.value.Value;

/**
 * The common verbs of OPA's {@code sprintf}, which follows Go's {@code fmt}: {@code %v},
 * {@code %s}, {@code %d} and {@code %%}. Strings print bare; other values as Rego terms.
 */
final class Sprintf {

	private Sprintf() {
	}

	static String format(String pattern, ArrayValue args) {
		StringBuilder out = new StringBuilder();
		int next = 0;
		for (int i = 0; i < pattern.length(); i++) {
			char c = pattern.charAt(i);
			if (c != '%' || i + 1 >= pattern.length()) {
				out.append(c);
				continue;
			}
			char verb = pattern.charAt(++i);
			if (verb == '%') {
				out.append('%');
				continue;
			}
			if (next >= args.size()) {
				out.append("%!").append(verb).append("(MISSING)");
				continue;
			}
			Value arg = args.get(next++);
			if (verb == 'd' && arg instanceof NumberValue n && n.isInteger()) {
				out.append(n.asBigInteger());
			}
			else if (arg instanceof StringValue s) {
				out.append(s.value());
			}
			else {
				out.append(arg);
			}
		}
		return out.toString();
	}

}
