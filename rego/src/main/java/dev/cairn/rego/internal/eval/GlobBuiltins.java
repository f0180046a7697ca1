package dev.cairn.rego.internal.eval;

import java.util.ArrayList;
import java.util.List;

import com.google.re2j.Pattern;

import dev.cairn.rego.value.ArrayValue;
import dev.cairn.rego.value.BoolValue;
import dev.cairn.rego.value.NullValue;
import dev.cairn.rego.value.StringValue;
import dev.cairn.rego.value.Value;

import static dev.cairn.rego.internal.eval.Functions.string;

/**
 * {@code glob.match} and {@code glob.quote_meta}. A glob becomes an RE2 pattern:
 * {@code *} and {@code ?} stop at delimiters, {@code **} does not, and {@code [...]},
 * {@code [!...]}, {@code {a,b}} and {@code \} escapes work as in OPA's glob library.
 */
final class GlobBuiltins {

	private GlobBuiltins() {
	}

	static void registerAll() {
		Functions.register("glob.match", 3, (a) -> {
			String pattern = string(a[0], 1);
			List<String> delimiters = delimiters(a[1]);
			String regex = toRegex(pattern, delimiters);
			try {
				return BoolValue.of(Pattern.compile(regex).matches(string(a[2], 3)));
			}
			catch (com.google.re2j.PatternSyntaxException ex) {
				// A character class of the glob that is no valid regex class.
				throw invalid(pattern, 0, ex.getDescription());
			}
		});
		Functions.register("glob.quote_meta", 1, (a) -> {
			StringBuilder sb = new StringBuilder();
			for (char c : string(a[0], 1).toCharArray()) {
				if ("*?\\[]{}".indexOf(c) >= 0) {
					sb.append('\\');
				}
				sb.append(c);
			}
			return StringValue.of(sb.toString());
		});
	}

	private static List<String> delimiters(Value v) {
		if (v instanceof NullValue) {
			return List.of();
		}
		if (!(v instanceof ArrayValue arr)) {
			throw Functions.typeError("operand 2 must be one of {array, null} but got " + v.typeName());
		}
		List<String> out = new ArrayList<>();
		for (Value d : arr) {
			out.add(string(d, 2));
		}
		return out.isEmpty() ? List.of(".") : out;
	}

	static String toRegex(String glob, List<String> delimiters) {
		StringBuilder notDelim = new StringBuilder("[^");
		for (String d : delimiters) {
			// Hex escapes need no thought about which characters are special in a class.
			d.codePoints().forEach((cp) -> notDelim.append("\\x{").append(Integer.toHexString(cp)).append('}'));
		}
		// Empty delimiters delimit nothing; with none left, any character matches.
		String any = (notDelim.length() == 2) ? "(?s:.)" : notDelim.append(']').toString();
		StringBuilder re = new StringBuilder();
		int depth = 0;
		for (int i = 0; i < glob.length(); i++) {
			char c = glob.charAt(i);
			switch (c) {
				case '*' -> {
					if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
						re.append("(?s:.)*");
						i++;
					}
					else {
						re.append(any).append('*');
					}
				}
				case '?' -> re.append(any);
				case '\\' -> {
					if (++i >= glob.length()) {
						throw invalid(glob, i, "unexpected end of input after escape");
					}
					re.append(Pattern.quote(String.valueOf(glob.charAt(i))));
				}
				case '[' -> {
					int close = glob.indexOf(']', i + 1);
					if (close < 0) {
						throw invalid(glob, i, "unexpected end of input");
					}
					String body = glob.substring(i + 1, close);
					boolean negate = body.startsWith("!");
					re.append(negate ? "[^" : "[").append(negate ? body.substring(1) : body).append(']');
					i = close;
				}
				case ']' -> throw invalid(glob, i, "set-close ']' with no preceding '['");
				case '{' -> {
					re.append("(?:");
					depth++;
				}
				case '}' -> {
					if (depth == 0) {
						throw invalid(glob, i, "unexpected '}'");
					}
					re.append(')');
					depth--;
				}
				case ',' -> re.append((depth > 0) ? "|" : ",");
				default -> re.append(Pattern.quote(String.valueOf(c)));
			}
		}
		if (depth != 0) {
			throw invalid(glob, glob.length(), "unexpected end of input");
		}
		return re.toString();
	}

	private static RuntimeException invalid(String glob, int pos, String what) {
		return Functions
			.builtinError("input:" + glob + ", pos:" + pos + ", " + what + ": the input provided is invalid");
	}

}
