package dev.cairn.rego.internal.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.cairn.rego.ErrorCode;
import dev.cairn.rego.RegoException;
import dev.cairn.rego.value.ArrayValue;
import dev.cairn.rego.value.BoolValue;
import dev.cairn.rego.value.NumberValue;
import dev.cairn.rego.value.ObjectValue;
import dev.cairn.rego.value.SetValue;
import dev.cairn.rego.value.StringValue;
import dev.cairn.rego.value.Value;

/**
 * The builtins the evaluator knows so far: operators, comparisons, membership and the
 * aggregates the language folders use. Larger families get their own classes later, as
 * the layout in the house style says.
 */
final class Functions {

	private static final Map<String, Builtin> TABLE = new HashMap<>();

	static {
		arith("plus", NumberValue::add);
		arith("mul", NumberValue::multiply);
		arith("div", (a, b) -> {
			if (b.signum() == 0) {
				throw builtinError("divide by zero");
			}
			return a.divide(b);
		});
		arith("rem", (a, b) -> {
			if (!a.isInteger() || !b.isInteger()) {
				throw builtinError("modulo on floating-point number");
			}
			if (b.signum() == 0) {
				throw builtinError("modulo by zero");
			}
			return a.remainder(b);
		});
		register("minus", 2, (a) -> {
			if (a[0] instanceof SetValue x && a[1] instanceof SetValue y) {
				return x.difference(y);
			}
			if (a[0] instanceof NumberValue x && a[1] instanceof NumberValue y) {
				return x.subtract(y);
			}
			if (a[0] instanceof NumberValue) {
				throw typeError("operand 2 must be number but got " + a[1].typeName());
			}
			if (a[0] instanceof SetValue) {
				throw typeError("operand 2 must be set but got " + a[1].typeName());
			}
			throw typeError("operand 1 must be one of {number, set} but got " + a[0].typeName());
		});
		register("and", 2, (a) -> set(a, 1).intersect(set(a, 2)));
		register("or", 2, (a) -> set(a, 1).union(set(a, 2)));
		register("equal", 2, (a) -> BoolValue.of(a[0].equals(a[1])));
		register("neq", 2, (a) -> BoolValue.of(!a[0].equals(a[1])));
		register("lt", 2, (a) -> BoolValue.of(a[0].compareTo(a[1]) < 0));
		register("lte", 2, (a) -> BoolValue.of(a[0].compareTo(a[1]) <= 0));
		register("gt", 2, (a) -> BoolValue.of(a[0].compareTo(a[1]) > 0));
		register("gte", 2, (a) -> BoolValue.of(a[0].compareTo(a[1]) >= 0));
		register("internal.member_2", 2, (a) -> BoolValue.of(member(a[0], a[1])));
		register("internal.member_3", 3, (a) -> {
			if (a[2] instanceof SetValue s) {
				return BoolValue.of(s.contains(a[0]) && a[0].equals(a[1]));
			}
			Value v = Documents.lookup(a[2], a[0]);
			return BoolValue.of(v != null && v.equals(a[1]));
		});
		register("count", 1, (a) -> {
			if (a[0] instanceof StringValue s) {
				return NumberValue.of(s.value().codePointCount(0, s.value().length()));
			}
			return NumberValue.of(elements(a[0], 1, "count").size());
		});
		register("sum", 1, (a) -> {
			NumberValue total = NumberValue.ZERO;
			for (Value v : elements(a[0], 1, "sum")) {
				total = total.add(number(v, 1));
			}
			return total;
		});
		register("product", 1, (a) -> {
			NumberValue total = NumberValue.ONE;
			for (Value v : elements(a[0], 1, "product")) {
				total = total.multiply(number(v, 1));
			}
			return total;
		});
		register("max", 1, (a) -> elements(a[0], 1, "max").stream().max(Value::compareTo).orElse(null));
		register("min", 1, (a) -> elements(a[0], 1, "min").stream().min(Value::compareTo).orElse(null));
		register("sort", 1, (a) -> {
			List<Value> sorted = new ArrayList<>(elements(a[0], 1, "sort"));
			sorted.sort(null);
			return ArrayValue.of(sorted);
		});
		register("abs", 1, (a) -> number(a[0], 1).abs());
		register("round", 1, (a) -> number(a[0], 1).round());
		register("ceil", 1, (a) -> number(a[0], 1).ceil());
		register("floor", 1, (a) -> number(a[0], 1).floor());
		StringBuiltins.registerAll();
		TypeBuiltins.registerAll();
		TextBuiltins.registerAll();
		CollectionBuiltins.registerAll();
		UnitsBuiltins.registerAll();
		EncodingBuiltins.registerAll();
		RegexBuiltins.registerAll();
		GlobBuiltins.registerAll();
		GlobIntersection.registerAll();
		NetBuiltins.registerAll();
		NetCidrMerge.registerAll();
		SemverBuiltins.registerAll();
		JwtBuiltins.registerAll();
		JwtVerify.registerAll();
		JwtSign.registerAll();
		X509Builtins.registerAll();
		JsonSchemaBuiltins.registerAll();
		BitsBuiltins.registerAll();
		UrlBuiltins.registerAll();
		UriBuiltins.registerAll();
		GraphBuiltins.registerAll();
		TimeBuiltins.registerAll();
		JsonPathBuiltins.registerAll();
		JsonPatchBuiltins.registerAll();
		JsonTextBuiltins.registerAll();
		HostBuiltins.registerAll();
		HttpSend.registerAll();
		AwsSigning.registerAll();
		GoTemplate.registerAll();
		MetadataBuiltins.registerAll();
		AstJson.registerAll();
		RandomBuiltins.registerAll();
		UuidBuiltins.registerAll();
	}

	private Functions() {
	}

	/** Whether {@code x} is an element of an array or set, or a value of an object. */
	private static boolean member(Value x, Value coll) {
		if (coll instanceof SetValue s) {
			return s.contains(x);
		}
		if (coll instanceof ArrayValue a) {
			for (int i = 0; i < a.size(); i++) {
				if (a.get(i).equals(x)) {
					return true;
				}
			}
		}
		else if (coll instanceof ObjectValue o) {
			for (int i = 0; i < o.size(); i++) {
				if (o.value(i).equals(x)) {
					return true;
				}
			}
		}
		return false;
	}

	static Builtin get(String name) {
		return TABLE.get(name);
	}

	/** The names of all builtins, operators included, sorted. */
	static List<String> names() {
		return TABLE.keySet().stream().sorted().toList();
	}

	static void register(String name, int arity, Function<Value[], Value> impl) {
		TABLE.put(name, new Builtin(arity, impl));
	}

	static void registerRelation(String name, int arity, Function<Value[], Value> impl) {
		TABLE.put(name, new Builtin(arity, impl, true, null, false));
	}

	/**
	 * Registers a builtin that needs the evaluation: its clock, host grants or caches.
	 */
	static void registerHosted(String name, int arity, Hosted impl) {
		TABLE.put(name, new Builtin(arity, null, false, impl, false));
	}

	/**
	 * Registers a builtin whose result is random: within one evaluation the same
	 * arguments give the same result, as OPA caches them per query.
	 */
	static void registerRandom(String name, int arity, Function<Value[], Value> impl) {
		TABLE.put(name, new Builtin(arity, impl, false, null, true));
	}

	private static void arith(String name, java.util.function.BinaryOperator<NumberValue> op) {
		register(name, 2, (a) -> op.apply(number(a[0], 1), number(a[1], 2)));
	}

	static NumberValue number(Value v, int pos) {
		if (v instanceof NumberValue n) {
			return n;
		}
		throw typeError("operand " + pos + " must be number but got " + v.typeName());
	}

	static String string(Value v, int pos) {
		if (v instanceof StringValue s) {
			return s.value();
		}
		throw typeError("operand " + pos + " must be string but got " + v.typeName());
	}

	static SetValue set(Value[] a, int pos) {
		if (a[pos - 1] instanceof SetValue s) {
			return s;
		}
		throw typeError("operand " + pos + " must be set but got " + a[pos - 1].typeName());
	}

	/** The elements of an array or set (values of an object). */
	static List<Value> elements(Value v, int pos, String fn) {
		if (v instanceof ArrayValue a) {
			return a.elements();
		}
		if (v instanceof SetValue s) {
			return s.elements();
		}
		if (v instanceof ObjectValue o && "count".equals(fn)) {
			return o.values();
		}
		String allowed = "count".equals(fn) ? "one of {array, object, set, string}" : "one of {array, set}";
		throw typeError("operand " + pos + " must be " + allowed + " but got " + v.typeName());
	}

	static RegoException typeError(String detail) {
		return new RegoException(ErrorCode.EVAL_TYPE_ERROR, null, detail);
	}

	static RegoException builtinError(String detail) {
		return new RegoException(ErrorCode.EVAL_BUILTIN_ERROR, null, detail);
	}

	/**
	 * A builtin: how many arguments it takes and what it computes ({@code null}:
	 * undefined).
	 *
	 * @param arity the number of arguments
	 * @param impl the implementation
	 * @param relation whether the result is an array of alternatives, each unified with
	 * the output in turn (as {@code walk} yields one pair per node)
	 * @param hosted the implementation when it needs the evaluation ({@code impl} is then
	 * {@code null})
	 * @param random whether results are remembered per evaluation and arguments
	 */
	record Builtin(int arity, Function<Value[], Value> impl, boolean relation, Hosted hosted, boolean random) {

		Builtin(int arity, Function<Value[], Value> impl) {
			this(arity, impl, false, null, false);
		}

	}

	/**
	 * A builtin implementation that reads the evaluation it runs in, or the rule it is
	 * called from.
	 */
	@FunctionalInterface
	interface Hosted {

		Value apply(Evaluator ev, Scope scope, Value[] args);

	}

}
