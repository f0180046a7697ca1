package dev.cairn.rego.internal.eval;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.cairn.rego.value.ArrayValue;
import dev.cairn.rego.value.BoolValue;
import dev.cairn.rego.value.NullValue;
import dev.cairn.rego.value.NumberValue;
import dev.cairn.rego.value.ObjectValue;
import dev.cairn.rego.value.SetValue;
import dev.cairn.rego.value.StringValue;
import dev.cairn.rego.value.Value;

/**
 * The functions Go's {@code text/template} predefines: {@code and}, {@code or},
 * {@code not}, {@code len}, {@code index}, {@code slice}, {@code print}, {@code printf},
 * {@code println}, the comparisons, and the escapers {@code html}, {@code js} and
 * {@code urlquery}.
 */
final class GoTemplateFunctions {

	private GoTemplateFunctions() {
	}

	static Value call(String name, List<Value> args) {
		return switch (name) {
			case "and" -> {
				need(name, args, 1);
				Value last = args.get(0);
				for (Value v : args) {
					last = v;
					if (!GoTemplate.truthy(v)) {
						break;
					}
				}
				yield last;
			}
			case "or" -> {
				need(name, args, 1);
				Value last = args.get(0);
				for (Value v : args) {
					last = v;
					if (GoTemplate.truthy(v)) {
						break;
					}
				}
				yield last;
			}
			case "not" -> {
				exactly(name, args, 1);
				yield BoolValue.of(!GoTemplate.truthy(args.get(0)));
			}
			case "len" -> {
				exactly(name, args, 1);
				yield NumberValue.of(length(args.get(0)));
			}
			case "index" -> {
				need(name, args, 1);
				Value v = args.get(0);
				for (Value key : args.subList(1, args.size())) {
					v = index(v, key);
				}
				yield v;
			}
			case "slice" -> slice(args);
			case "print" -> StringValue.of(print(args, false));
			case "println" -> StringValue.of(print(args, true) + "\n");
			case "printf" -> {
				need(name, args, 1);
				if (!(args.get(0) instanceof StringValue format)) {
					throw GoTemplateParser.error("printf: format must be a string");
				}
				yield StringValue.of(Sprintf.format(format.value(), ArrayValue.of(args.subList(1, args.size()))));
			}
			case "eq" -> {
				need(name, args, 2);
				boolean any = false;
				for (Value other : args.subList(1, args.size())) {
					any |= args.get(0).equals(other);
				}
				yield BoolValue.of(any);
			}
			case "ne" -> {
				exactly(name, args, 2);
				yield BoolValue.of(!args.get(0).equals(args.get(1)));
			}
			case "lt", "le", "gt", "ge" -> {
				exactly(name, args, 2);
				int c = compare(name, args.get(0), args.get(1));
				yield BoolValue.of(switch (name) {
					case "lt" -> c < 0;
					case "le" -> c <= 0;
					case "gt" -> c > 0;
					default -> c >= 0;
				});
			}
			case "html" -> StringValue.of(html(print(args, false)));
			case "js" -> StringValue.of(js(print(args, false)));
			case "urlquery" -> StringValue.of(URLEncoder.encode(print(args, false), StandardCharsets.UTF_8));
			default -> throw GoTemplateParser.error("function \"" + name + "\" not defined");
		};
	}

	private static int compare(String name, Value a, Value b) {
		if (a instanceof NumberValue x && b instanceof NumberValue y) {
			return x.compareTo(y);
		}
		if (a instanceof StringValue x && b instanceof StringValue y) {
			return StringValue.compareUtf8(x.value(), y.value());
		}
		throw GoTemplateParser.error("error calling " + name + ": incompatible types for comparison");
	}

	private static long length(Value v) {
		if (v instanceof StringValue s) {
			return GoTemplate.byteLength(s.value());
		}
		if (v instanceof ArrayValue a) {
			return a.size();
		}
		if (v instanceof SetValue s) {
			return s.size();
		}
		if (v instanceof ObjectValue o) {
			return o.size();
		}
		throw GoTemplateParser.error("error calling len: len of type " + GoTemplate.goType(v));
	}

	private static Value index(Value v, Value key) {
		if (v instanceof ObjectValue o) {
			Value found = o.get(key);
			return (found != null) ? found : GoTemplate.MISSING;
		}
		if (v instanceof ArrayValue a && key instanceof NumberValue n && n.isInteger()) {
			long i = n.asBigInteger().longValue();
			if (i < 0 || i >= a.size()) {
				throw GoTemplateParser.error("error calling index: index out of range: " + i);
			}
			return a.get((int) i);
		}
		if (v == NullValue.NULL || v == GoTemplate.MISSING) {
			throw GoTemplateParser.error("error calling index: index of untyped nil");
		}
		throw GoTemplateParser.error("error calling index: cannot index " + GoTemplate.goType(v) + " with " + key);
	}

	private static Value slice(List<Value> args) {
		need("slice", args, 1);
		Value v = args.get(0);
		int size = (v instanceof ArrayValue a) ? a.size() : (v instanceof StringValue s) ? s.value().length() : -1;
		if (size < 0) {
			throw GoTemplateParser.error("error calling slice: can't slice item of type " + GoTemplate.goType(v));
		}
		int from = (args.size() > 1) ? bound(args.get(1), size) : 0;
		int to = (args.size() > 2) ? bound(args.get(2), size) : size;
		if (from > to) {
			throw GoTemplateParser.error("error calling slice: invalid slice index: " + from + " > " + to);
		}
		if (v instanceof ArrayValue a) {
			return ArrayValue.of(a.elements().subList(from, to));
		}
		return StringValue.of(((StringValue) v).value().substring(from, to));
	}

	private static int bound(Value v, int size) {
		if (v instanceof NumberValue n && n.isInteger()) {
			long i = n.asBigInteger().longValue();
			if (i >= 0 && i <= size) {
				return (int) i;
			}
		}
		throw GoTemplateParser.error("error calling slice: index out of range: " + v);
	}

	/**
	 * Go's {@code fmt.Sprint}: spaces between operands when neither is a string;
	 * {@code Sprintln} puts spaces between all.
	 */
	private static String print(List<Value> args, boolean spaced) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < args.size(); i++) {
			boolean space = spaced
					|| (i > 0 && !(args.get(i) instanceof StringValue) && !(args.get(i - 1) instanceof StringValue));
			if (i > 0 && space) {
				out.append(' ');
			}
			out.append(GoTemplate.print(args.get(i)));
		}
		return out.toString();
	}

	private static String html(String s) {
		return s.replace("&", "&amp;")
			.replace("'", "&#39;")
			.replace("<", "&lt;")
			.replace(">", "&gt;")
			.replace("\"", "&#34;")
			.replace("\0", "\uFFFD");
	}

	private static String js(String s) {
		StringBuilder out = new StringBuilder();
		for (char c : s.toCharArray()) {
			switch (c) {
				case '\\' -> out.append("\\\\");
				case '\'' -> out.append("\\'");
				case '"' -> out.append("\\\"");
				case '<' -> out.append("\\u003C");
				case '>' -> out.append("\\u003E");
				case '&' -> out.append("\\u0026");
				case '=' -> out.append("\\u003D");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> out.append(c);
			}
		}
		return out.toString();
	}

	private static void need(String name, List<Value> args, int min) {
		if (args.size() < min) {
			throw GoTemplateParser
				.error("wrong number of args for " + name + ": want at least " + min + " got " + args.size());
		}
	}

	private static void exactly(String name, List<Value> args, int n) {
		if (args.size() != n) {
			throw GoTemplateParser.error("wrong number of args for " + name + ": want " + n + " got " + args.size());
		}
	}

}
