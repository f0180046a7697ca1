package dev.cairn.rego.internal.compile;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.cairn.rego.ErrorCode;
import dev.cairn.rego.ast.ArrayComprehension;
import dev.cairn.rego.ast.ArrayTerm;
import dev.cairn.rego.ast.BooleanTerm;
import dev.cairn.rego.ast.Call;
import dev.cairn.rego.ast.NullTerm;
import dev.cairn.rego.ast.NumberTerm;
import dev.cairn.rego.ast.ObjectComprehension;
import dev.cairn.rego.ast.ObjectTerm;
import dev.cairn.rego.ast.SetComprehension;
import dev.cairn.rego.ast.SetTerm;
import dev.cairn.rego.ast.StringTerm;
import dev.cairn.rego.ast.TemplateString;
import dev.cairn.rego.ast.Term;

/**
 * The part of OPA's type check that needs no inference: a builtin called with a literal
 * argument of a type it does not accept, such as {@code upper(1)} or {@code 1 + "a"}.
 * Arguments that are variables, refs or calls are left to evaluation.
 */
final class ArgTypes {

	enum Type {

		NULL, BOOLEAN, NUMBER, STRING, ARRAY, OBJECT, SET;

		@Override
		public String toString() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	private static final Set<Type> ANY = EnumSet.allOf(Type.class);

	private static final Set<Type> N = EnumSet.of(Type.NUMBER);

	private static final Set<Type> S = EnumSet.of(Type.STRING);

	private static final Set<Type> A = EnumSet.of(Type.ARRAY);

	private static final Set<Type> O = EnumSet.of(Type.OBJECT);

	private static final Set<Type> SET = EnumSet.of(Type.SET);

	private static final Set<Type> COLLECTION = EnumSet.of(Type.ARRAY, Type.SET);

	private static final Map<String, List<Set<Type>>> SIGNATURES = new HashMap<>();

	static {
		for (String op : List.of("plus", "mul", "div", "rem")) {
			sig(op, N, N);
		}
		sig("minus", EnumSet.of(Type.NUMBER, Type.SET), EnumSet.of(Type.NUMBER, Type.SET));
		sig("and", SET, SET);
		sig("or", SET, SET);
		sig("count", EnumSet.of(Type.ARRAY, Type.OBJECT, Type.SET, Type.STRING));
		for (String f : List.of("sum", "product", "max", "min", "sort")) {
			sig(f, COLLECTION);
		}
		for (String f : List.of("abs", "round", "ceil", "floor")) {
			sig(f, N);
		}
		for (String f : List.of("upper", "lower", "trim_space", "strings.reverse", "base64.encode", "base64.decode",
				"base64url.encode", "base64url.decode", "base64url.encode_no_pad", "hex.encode", "hex.decode",
				"json.unmarshal", "urlquery.encode", "urlquery.decode", "units.parse", "units.parse_bytes",
				"time.parse_rfc3339_ns", "time.parse_duration_ns", "crypto.md5", "crypto.sha1", "crypto.sha256")) {
			sig(f, S);
		}
		for (String f : List.of("startswith", "endswith", "contains", "split", "indexof", "trim", "trim_left",
				"trim_right", "trim_prefix", "trim_suffix", "regex.match", "regex.split", "net.cidr_contains",
				"semver.compare")) {
			sig(f, S, S);
		}
		sig("concat", S, COLLECTION);
		sig("sprintf", S, A);
		sig("replace", S, S, S);
		sig("substring", S, N, N);
		sig("format_int", N, N);
		sig("to_number", EnumSet.of(Type.NULL, Type.BOOLEAN, Type.NUMBER, Type.STRING));
		sig("numbers.range", N, N);
		sig("array.concat", A, A);
		sig("array.slice", A, N, N);
		sig("array.reverse", A);
		sig("object.get", O, ANY, ANY);
		sig("object.keys", O);
		sig("object.union", O, O);
		sig("intersection", SET);
		sig("union", SET);
	}

	private ArgTypes() {
	}

	private static void sig(String name, Set<Type>... args) {
		SIGNATURES.put(name, List.of(args));
	}

	static Walk walker(Calls calls, Names names, Problems problems) {
		return new Walk() {
			@Override
			void term(Term t, boolean form) {
				if (t instanceof Call c && calls.userFunction(c.operator(), names) == null) {
					check(c, problems);
				}
			}
		};
	}

	private static void check(Call c, Problems problems) {
		List<Set<Type>> want = SIGNATURES.get(c.name());
		if (want == null) {
			return;
		}
		boolean ok = true;
		List<String> have = new ArrayList<>();
		for (int i = 0; i < c.args().size(); i++) {
			Type type = typeOf(c.args().get(i));
			have.add((type != null) ? type.toString() : "any");
			if (i < want.size() && type != null && !want.get(i).contains(type)) {
				ok = false;
			}
		}
		if (!ok) {
			String wanted = want.stream().map(ArgTypes::print).collect(Collectors.joining(", "));
			problems.add(ErrorCode.TYPE_ERROR, c.location(),
					c.name() + ": invalid argument(s)\n\thave: ("
							+ String.join(", ", have.subList(0, Math.min(have.size(), want.size()))) + ")\n\twant: ("
							+ wanted + ")");
		}
	}

	private static String print(Set<Type> types) {
		if (types.equals(ANY)) {
			return "any";
		}
		if (types.size() == 1) {
			return types.iterator().next().toString();
		}
		return "any<" + types.stream().map(Type::toString).collect(Collectors.joining(", ")) + ">";
	}

	/** The type of a literal, or {@code null} when only evaluation tells. */
	private static Type typeOf(Term t) {
		if (t instanceof NullTerm) {
			return Type.NULL;
		}
		if (t instanceof BooleanTerm) {
			return Type.BOOLEAN;
		}
		if (t instanceof NumberTerm) {
			return Type.NUMBER;
		}
		if (t instanceof StringTerm || t instanceof TemplateString) {
			return Type.STRING;
		}
		if (t instanceof ArrayTerm || t instanceof ArrayComprehension) {
			return Type.ARRAY;
		}
		if (t instanceof ObjectTerm || t instanceof ObjectComprehension) {
			return Type.OBJECT;
		}
		if (t instanceof SetTerm || t instanceof SetComprehension) {
			return Type.SET;
		}
		return null;
	}

}
