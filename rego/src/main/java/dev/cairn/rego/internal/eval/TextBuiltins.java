package dev.cairn.rego.internal.eval;

import java.util.ArrayList;
import java.util.List;

import dev.cairn.rego.value.ArrayValue;
import dev.cairn.rego.value.BoolValue;
import dev.cairn.rego.value.NumberValue;
import dev.cairn.rego.value.StringValue;
import dev.cairn.rego.value.Value;

import static dev.cairn.rego.internal.eval.Functions.number;
import static dev.cairn.rego.internal.eval.Functions.string;

/**
 * Trimming, searching and cutting strings. Positions count code points, as OPA counts
 * runes.
 */
final class TextBuiltins {

	private TextBuiltins() {
	}

	static void registerAll() {
		Functions.register("trim_left", 2, (a) -> StringValue.of(trim(string(a[0], 1), string(a[1], 2), true, false)));
		Functions.register("trim_right", 2, (a) -> StringValue.of(trim(string(a[0], 1), string(a[1], 2), false, true)));
		Functions.register("trim", 2, (a) -> StringValue.of(trim(string(a[0], 1), string(a[1], 2), true, true)));
		Functions.register("trim_space", 1,
				(a) -> StringValue.of(trim(string(a[0], 1), " \t\n\r\u000b\f\u0085\u00a0", true, true)));
		Functions.register("trim_prefix", 2, (a) -> {
			String s = string(a[0], 1);
			String p = string(a[1], 2);
			return StringValue.of(s.startsWith(p) ? s.substring(p.length()) : s);
		});
		Functions.register("trim_suffix", 2, (a) -> {
			String s = string(a[0], 1);
			String p = string(a[1], 2);
			return StringValue.of(s.endsWith(p) ? s.substring(0, s.length() - p.length()) : s);
		});
		Functions.register("substring", 3, (a) -> {
			int[] cps = string(a[0], 1).codePoints().toArray();
			NumberValue start = number(a[1], 2);
			NumberValue length = number(a[2], 3);
			if (!start.isInteger() || !length.isInteger()) {
				throw Functions.typeError("operand " + (start.isInteger() ? 3 : 2) + " must be integer number");
			}
			long from = start.asLong();
			if (from < 0) {
				throw Functions.builtinError("negative offset");
			}
			if (from >= cps.length) {
				return StringValue.EMPTY;
			}
			long len = length.asLong();
			long to = (len < 0 || from + len > cps.length) ? cps.length : from + len;
			return StringValue.of(new String(cps, (int) from, (int) (to - from)));
		});
		Functions.register("indexof", 2, (a) -> {
			String s = string(a[0], 1);
			int at = s.indexOf(string(a[1], 2));
			return NumberValue.of((at < 0) ? -1 : s.codePointCount(0, at));
		});
		Functions.register("indexof_n", 2, (a) -> {
			String s = string(a[0], 1);
			String needle = string(a[1], 2);
			List<Value> out = new ArrayList<>();
			for (int at = s.indexOf(needle); at >= 0 && !needle.isEmpty(); at = s.indexOf(needle, at + 1)) {
				out.add(NumberValue.of(s.codePointCount(0, at)));
			}
			return ArrayValue.of(out);
		});
		Functions.register("replace", 3,
				(a) -> StringValue.of(string(a[0], 1).replace(string(a[1], 2), string(a[2], 3))));
		Functions.register("strings.reverse", 1,
				(a) -> StringValue.of(new StringBuilder(string(a[0], 1)).reverse().toString()));
		Functions.register("strings.count", 2, (a) -> {
			String s = string(a[0], 1);
			String needle = string(a[1], 2);
			if (needle.isEmpty()) {
				return NumberValue.of(s.codePointCount(0, s.length()) + 1);
			}
			int n = 0;
			for (int at = s.indexOf(needle); at >= 0; at = s.indexOf(needle, at + needle.length())) {
				n++;
			}
			return NumberValue.of(n);
		});
		Functions.register("strings.any_prefix_match", 2, (a) -> anyMatch(a, true));
		Functions.register("strings.any_suffix_match", 2, (a) -> anyMatch(a, false));
	}

	private static Value anyMatch(Value[] a, boolean prefix) {
		List<String> subjects = strings(a[0], 1);
		List<String> affixes = strings(a[1], 2);
		for (String s : subjects) {
			for (String x : affixes) {
				if (prefix ? s.startsWith(x) : s.endsWith(x)) {
					return BoolValue.TRUE;
				}
			}
		}
		return BoolValue.FALSE;
	}

	private static List<String> strings(Value v, int pos) {
		if (v instanceof StringValue s) {
			return List.of(s.value());
		}
		if (!(v instanceof dev.cairn.rego.value.ArrayValue || v instanceof dev.cairn.rego.value.SetValue)) {
			throw Functions
				.typeError("operand " + pos + " must be one of {string, set, array} but got " + v.typeName());
		}
		List<String> out = new ArrayList<>();
		for (Value e : Functions.elements(v, pos, "any")) {
			if (!(e instanceof StringValue s)) {
				throw Functions
					.typeError("operand " + pos + " must be array of strings but got array containing " + e.typeName());
			}
			out.add(s.value());
		}
		return out;
	}

	static String trim(String s, String cutset, boolean left, boolean right) {
		int[] cps = s.codePoints().toArray();
		int start = 0;
		int end = cps.length;
		while (left && start < end && cutset.indexOf(cps[start]) >= 0) {
			start++;
		}
		while (right && end > start && cutset.indexOf(cps[end - 1]) >= 0) {
			end--;
		}
		return new String(cps, start, end - start);
	}

}
