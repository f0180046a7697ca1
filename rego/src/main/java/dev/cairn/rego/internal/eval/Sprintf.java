package dev.cairn.rego.internal.eval;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;

import dev.cairn.rego.value.ArrayValue;
import dev.cairn.rego.value.BoolValue;
import dev.cairn.rego.value.NumberValue;
import dev.cairn.rego.value.StringValue;
import dev.cairn.rego.value.Value;

/**
 * OPA's {@code sprintf}, which follows Go's {@code fmt}: verbs {@code v s d x X o b f e E
 * g G t q} with flags, width and precision. Strings print bare; other values as Rego
 * terms.
 */
final class Sprintf {

	private Sprintf() {
	}

	static String format(String pattern, ArrayValue args) {
		StringBuilder out = new StringBuilder();
		int next = 0;
		int i = 0;
		while (i < pattern.length()) {
			char c = pattern.charAt(i++);
			if (c != '%' || i >= pattern.length()) {
				out.append(c);
				continue;
			}
			int start = i;
			while (i < pattern.length() && "+-# 0".indexOf(pattern.charAt(i)) >= 0) {
				i++;
			}
			while (i < pattern.length() && (Character.isDigit(pattern.charAt(i)) || pattern.charAt(i) == '.')) {
				i++;
			}
			if (i >= pattern.length()) {
				out.append('%').append(pattern, start, i);
				break;
			}
			String spec = pattern.substring(start, i);
			char verb = pattern.charAt(i++);
			if (verb == '%') {
				out.append('%');
				continue;
			}
			if (next >= args.size()) {
				out.append("%!").append(verb).append("(MISSING)");
				continue;
			}
			out.append(one(spec, verb, args.get(next++)));
		}
		if (next < args.size()) {
			out.append("%!(EXTRA ");
			for (int j = next; j < args.size(); j++) {
				out.append((j > next) ? ", " : "")
					.append(args.get(j).typeName())
					.append('=')
					.append(plain(args.get(j)));
			}
			out.append(')');
		}
		return out.toString();
	}

	private static String one(String spec, char verb, Value arg) {
		if (arg instanceof NumberValue n) {
			switch (verb) {
				case 'd', 'x', 'X', 'o', 'b' -> {
					if (!n.isInteger()) {
						break;
					}
					BigInteger big = n.asBigInteger();
					if (verb == 'b') {
						return pad(spec, big.toString(2));
					}
					return String.format(Locale.ROOT, "%" + spec + verb, big);
				}
				case 'f', 'e', 'E', 'g', 'G' -> {
					BigDecimal d = n.toBigDecimal();
					if (verb == 'g' || verb == 'G') {
						return pad(spec, n.toString());
					}
					return String.format(Locale.ROOT, "%" + spec + verb, d);
				}
				case 'v', 's' -> {
					return pad(spec, n.toString());
				}
				default -> {
				}
			}
			return pad(spec, n.toString());
		}
		if (verb == 'q' && arg instanceof StringValue s) {
			return pad(spec, dev.cairn.rego.value.Values.toJsonText(s));
		}
		if (verb == 't' && arg instanceof BoolValue b) {
			return pad(spec, String.valueOf(b.value()));
		}
		return pad(spec, plain(arg));
	}

	private static String plain(Value v) {
		return (v instanceof StringValue s) ? s.value() : v.toString();
	}

	private static String pad(String spec, String text) {
		if (spec.isEmpty()) {
			return text;
		}
		String digits = spec.replaceAll("^[+\\-# 0]*", "");
		int dot = digits.indexOf('.');
		String width = (dot >= 0) ? digits.substring(0, dot) : digits;
		if (width.isEmpty()) {
			return text;
		}
		int w = Integer.parseInt(width);
		StringBuilder sb = new StringBuilder();
		boolean left = spec.contains("-");
		if (left) {
			sb.append(text);
		}
		for (int k = text.length(); k < w; k++) {
			sb.append(' ');
		}
		if (!left) {
			sb.append(text);
		}
		return sb.toString();
	}

}
