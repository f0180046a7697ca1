package dev.cairn.rego.internal.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

import dev.cairn.rego.value.ArrayValue;
import dev.cairn.rego.value.BoolValue;
import dev.cairn.rego.value.NumberValue;
import dev.cairn.rego.value.StringValue;
import dev.cairn.rego.value.Value;

import static dev.cairn.rego.internal.eval.Functions.string;

/**
 * Regular expressions with RE2 semantics, as OPA's Go {@code regexp}: linear time, so a
 * policy cannot stall evaluation with a pathological pattern.
 */
final class RegexBuiltins {

	/**
	 * Compiled patterns, shared by all evaluations; bounded so policies cannot grow it.
	 */
	private static final Map<String, Pattern> CACHE = new ConcurrentHashMap<>();

	private RegexBuiltins() {
	}

	static void registerAll() {
		Functions.register("regex.match", 2, (a) -> BoolValue.of(compile(a[0]).matcher(string(a[1], 2)).find()));
		Functions.register("regex.is_valid", 1, (a) -> {
			if (!(a[0] instanceof StringValue)) {
				return BoolValue.FALSE;
			}
			try {
				compile(a[0]);
				return BoolValue.TRUE;
			}
			catch (RuntimeException ex) {
				return BoolValue.FALSE;
			}
		});
		Functions.register("regex.split", 2, (a) -> {
			Matcher m = compile(a[0]).matcher(string(a[1], 2));
			String s = string(a[1], 2);
			List<Value> out = new ArrayList<>();
			int from = 0;
			while (m.find()) {
				if (m.end() == 0 && m.start() == 0 && s.isEmpty()) {
					break;
				}
				out.add(StringValue.of(s.substring(from, m.start())));
				from = m.end();
			}
			out.add(StringValue.of(s.substring(from)));
			return ArrayValue.of(out);
		});
		Functions.register("regex.find_n", 3, (a) -> {
			Matcher m = compile(a[0]).matcher(string(a[1], 2));
			long n = Functions.number(a[2], 3).asLong();
			List<Value> out = new ArrayList<>();
			while ((n < 0 || out.size() < n) && m.find()) {
				out.add(StringValue.of(m.group()));
			}
			return ArrayValue.of(out);
		});
		Functions.register("regex.find_all_string_submatch_n", 3, (a) -> {
			Matcher m = compile(a[0]).matcher(string(a[1], 2));
			long n = Functions.number(a[2], 3).asLong();
			List<Value> out = new ArrayList<>();
			while ((n < 0 || out.size() < n) && m.find()) {
				List<Value> groups = new ArrayList<>();
				for (int g = 0; g <= m.groupCount(); g++) {
					String group = m.group(g);
					groups.add(StringValue.of((group != null) ? group : ""));
				}
				out.add(ArrayValue.of(groups));
			}
			return ArrayValue.of(out);
		});
		Functions.register("regex.replace", 3, (a) -> {
			Matcher m = compile(a[1]).matcher(string(a[0], 1));
			String template = string(a[2], 3);
			StringBuilder out = new StringBuilder();
			while (m.find()) {
				m.appendReplacement(out, Matcher.quoteReplacement(expand(template, m)));
			}
			return StringValue.of(m.appendTail(out).toString());
		});
		Functions.register("regex.template_match", 4, (a) -> {
			String start = string(a[2], 3);
			String end = string(a[3], 4);
			if (start.length() != 1) {
				throw Functions.builtinError(
						"start delimiter has to be exactly one character long but is " + start.length() + " long");
			}
			if (end.length() != 1) {
				throw Functions.builtinError(
						"end delimiter has to be exactly one character long but is " + end.length() + " long");
			}
			return BoolValue
				.of(template(string(a[0], 1), start.charAt(0), end.charAt(0)).matcher(string(a[1], 2)).matches());
		});
		Functions.register("strings.replace_n", 2, (a) -> {
			if (!(a[0] instanceof dev.cairn.rego.value.ObjectValue patterns)) {
				throw Functions.typeError("operand 1 must be object but got " + a[0].typeName());
			}
			String s = string(a[1], 2);
			for (int i = 0; i < patterns.size(); i++) {
				if (!(patterns.key(i) instanceof StringValue from)) {
					throw Functions.typeError("operand 1 non-string key found in pattern object");
				}
				if (!(patterns.value(i) instanceof StringValue to)) {
					throw Functions.typeError("operand 1 non-string value found in pattern object");
				}
				s = s.replace(from.value(), to.value());
			}
			return StringValue.of(s);
		});
		Functions.register("numbers.range_step", 3, (a) -> {
			NumberValue from = Functions.number(a[0], 1);
			NumberValue to = Functions.number(a[1], 2);
			NumberValue step = Functions.number(a[2], 3);
			if (!step.isInteger() || step.signum() <= 0) {
				throw Functions.builtinError("step must be a positive integer");
			}
			ArrayValue.Builder b = ArrayValue.builder();
			boolean up = from.compareTo(to) <= 0;
			for (NumberValue i = from; up ? i.compareTo(to) <= 0
					: i.compareTo(to) >= 0; i = up ? i.add(step) : i.subtract(step)) {
				b.add(i);
			}
			return b.build();
		});
	}

	/**
	 * A template such as {@code urn:{[a-z]+}:x}: text outside the delimiters is literal,
	 * text inside is a regular expression, and the whole must match, as OPA's
	 * gorilla/mux-derived templates do. Delimiters nest.
	 */
	private static Pattern template(String template, char open, char close) {
		StringBuilder re = new StringBuilder();
		int level = 0;
		int from = 0;
		int varStart = 0;
		for (int i = 0; i < template.length(); i++) {
			char c = template.charAt(i);
			if (c == open && ++level == 1) {
				varStart = i;
			}
			else if (c == close && --level == 0) {
				String variable = template.substring(varStart + 1, i);
				compile(StringValue.of("^" + variable + "$"));
				re.append(quote(template.substring(from, varStart))).append('(').append(variable).append(')');
				from = i + 1;
			}
			if (level < 0) {
				break;
			}
		}
		if (level != 0) {
			throw Functions.builtinError("unbalanced braces in \"" + template + "\"");
		}
		re.append(quote(template.substring(from)));
		return compile(StringValue.of(re.toString()));
	}

	private static String quote(String literal) {
		return literal.isEmpty() ? "" : Pattern.quote(literal);
	}

	private static Pattern compile(Value v) {
		String source = string(v, 1);
		Pattern cached = CACHE.get(source);
		if (cached != null) {
			return cached;
		}
		try {
			Pattern p = Pattern.compile(source);
			if (CACHE.size() < 1000) {
				CACHE.put(source, p);
			}
			return p;
		}
		catch (PatternSyntaxException ex) {
			throw Functions.builtinError("error parsing regexp: " + ex.getMessage());
		}
	}

	/**
	 * A replacement template expanded as Go's {@code Regexp.Expand} does: {@code $1},
	 * {@code $name} and {@code ${name}} become the group (empty when there is no such
	 * group or it did not match), {@code $$} a dollar, and a malformed reference stays as
	 * written.
	 */
	static String expand(String template, Matcher m) {
		StringBuilder out = new StringBuilder();
		int i = 0;
		while (i < template.length()) {
			char c = template.charAt(i++);
			if (c != '$' || i >= template.length()) {
				out.append(c);
				continue;
			}
			if (template.charAt(i) == '$') {
				out.append('$');
				i++;
				continue;
			}
			boolean braced = template.charAt(i) == '{';
			int start = braced ? i + 1 : i;
			int end = start;
			while (end < template.length() && isNameChar(template.charAt(end))) {
				end++;
			}
			if (end == start || (braced && (end >= template.length() || template.charAt(end) != '}'))) {
				out.append('$');
				continue;
			}
			out.append(group(m, template.substring(start, end)));
			i = braced ? end + 1 : end;
		}
		return out.toString();
	}

	private static boolean isNameChar(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
	}

	private static String group(Matcher m, String name) {
		int number = (name.length() > 8 || (name.length() > 1 && name.charAt(0) == '0')) ? -1 : 0;
		for (int j = 0; j < name.length() && number >= 0; j++) {
			char c = name.charAt(j);
			number = (c >= '0' && c <= '9') ? number * 10 + (c - '0') : -1;
		}
		if (number < 0) {
			Integer named = m.pattern().namedGroups().get(name);
			number = (named != null) ? named : Integer.MAX_VALUE;
		}
		String group = (number <= m.groupCount()) ? m.group(number) : null;
		return (group != null) ? group : "";
	}

}
