package dev.cairn.rego.internal.eval;

import java.util.HashMap;
import java.util.Map;

import dev.cairn.rego.value.ArrayValue;
import dev.cairn.rego.value.NumberValue;
import dev.cairn.rego.value.ObjectValue;
import dev.cairn.rego.value.SetValue;
import dev.cairn.rego.value.StringValue;
import dev.cairn.rego.value.Value;

/**
 * Upper bounds on the size of a builtin's result, estimated from its arguments before the
 * call, for the builtins whose results can be far larger than their arguments
 * ({@code numbers.range(1, 1e12)}, {@code replace(s, "", t)},
 * {@code sprintf("%9999999d")}, or {@code json.marshal} of a value that shares its parts,
 * so that its tree is exponentially larger than its memory). Other builtins' results are
 * at most a small multiple of their arguments, and are checked after the call.
 */
final class OutputBounds {

	/** Estimates the size of a result; at most {@code limit + 1} is precise enough. */
	@FunctionalInterface
	interface Bound {

		long estimate(Value[] args, long limit);

	}

	private static final Map<String, Bound> BOUNDS = new HashMap<>();

	static {
		BOUNDS.put("numbers.range", (a, limit) -> span(a[0], a[1], NumberValue.ONE));
		BOUNDS.put("numbers.range_step", (a, limit) -> span(a[0], a[1], a[2]));
		BOUNDS.put("replace", (a, limit) -> replaced(length(a[0]), length(a[1]), length(a[2])));
		BOUNDS.put("strings.replace_n", (a, limit) -> {
			long size = length(a[1]);
			if (a[0] instanceof ObjectValue patterns) {
				// Patterns apply one after another, so each can grow the last one's
				// output.
				for (int i = 0; i < patterns.size() && size <= limit; i++) {
					size = replaced(size, length(patterns.key(i)), length(patterns.value(i)));
				}
			}
			return size;
		});
		// Every match, empty ones included, may become the replacement with each $n
		// expanded to at most the whole input.
		BOUNDS.put("regex.replace",
				(a, limit) -> add(mul(length(a[0]) + 1, length(a[2]) + 1), mul(length(a[2]), length(a[0]))));
		BOUNDS.put("sprintf", (a, limit) -> add(add(length(a[0]), widths(a[0])), weight(a[1], limit)));
		BOUNDS.put("bits.lsh",
				(a, limit) -> (a[1] instanceof NumberValue n && n.isInteger()
						&& !(a[0] instanceof NumberValue x && x.signum() == 0))
								? (n.fitsLong() ? n.asLong() / 3 : Long.MAX_VALUE) : 0);
		BOUNDS.put("format_int", (a, limit) -> integerDigits(a[0]));
		Bound tree = (a, limit) -> weight(a[0], limit);
		BOUNDS.put("json.marshal", tree);
		BOUNDS.put("json.marshal_with_options", tree);
		BOUNDS.put("yaml.marshal", tree);
		BOUNDS.put("array.flatten", tree);
		BOUNDS.put("walk", tree);
		BOUNDS.put("net.cidr_contains_matches", (a, limit) -> mul(count(a[0]), count(a[1])));
		BOUNDS.put("graph.reachable_paths", OutputBounds::paths);
	}

	private OutputBounds() {
	}

	/** The bound of a builtin, or {@code null} when its result is checked afterwards. */
	static Bound get(String name) {
		return BOUNDS.get(name);
	}

	/**
	 * The size a result counts for: elements of a collection, characters of a string,
	 * digits of a number, 1 otherwise.
	 */
	static long size(Value v) {
		if (v instanceof StringValue s) {
			return s.value().length();
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
		return 1;
	}

	/**
	 * The number of nodes of a value's tree, counting shared parts each time they occur
	 * (as printing it would), and characters of strings; stops soon after {@code limit}.
	 */
	static long weight(Value v, long limit) {
		long[] budget = { limit + 1 };
		weigh(v, budget);
		return limit + 1 - budget[0];
	}

	private static void weigh(Value v, long[] budget) {
		budget[0] -= (v instanceof StringValue s) ? s.value().length() + 1 : 1;
		if (budget[0] <= 0) {
			return;
		}
		if (v instanceof ArrayValue a) {
			for (int i = 0; i < a.size() && budget[0] > 0; i++) {
				weigh(a.get(i), budget);
			}
		}
		else if (v instanceof SetValue s) {
			for (int i = 0; i < s.size() && budget[0] > 0; i++) {
				weigh(s.get(i), budget);
			}
		}
		else if (v instanceof ObjectValue o) {
			for (int i = 0; i < o.size() && budget[0] > 0; i++) {
				weigh(o.key(i), budget);
				weigh(o.value(i), budget);
			}
		}
	}

	/**
	 * The steps of the search {@code graph.reachable_paths} makes, which bound the paths
	 * it finds: there can be exponentially many simple paths in a small graph.
	 */
	private static long paths(Value[] args, long limit) {
		if (!(args[0] instanceof ObjectValue graph)
				|| !(args[1] instanceof ArrayValue || args[1] instanceof SetValue)) {
			return 0;
		}
		long[] budget = { limit + 1 };
		java.util.Set<Value> path = new java.util.HashSet<>();
		for (Value start : Functions.elements(args[1], 2, "graph.reachable_paths")) {
			if (graph.get(start) != null && budget[0] > 0) {
				path.add(start);
				visit(graph, start, path, budget);
				path.remove(start);
			}
		}
		return limit + 1 - Math.max(0, budget[0]);
	}

	private static void visit(ObjectValue graph, Value node, java.util.Set<Value> path, long[] budget) {
		budget[0]--;
		Value edges = graph.get(node);
		if (budget[0] <= 0 || !(edges instanceof ArrayValue || edges instanceof SetValue)) {
			return;
		}
		for (Value next : Functions.elements(edges, 1, "graph.reachable_paths")) {
			if (budget[0] <= 0) {
				return;
			}
			if (graph.get(next) != null && path.add(next)) {
				visit(graph, next, path, budget);
				path.remove(next);
			}
		}
	}

	private static long span(Value from, Value to, Value step) {
		if (!(from instanceof NumberValue a) || !(to instanceof NumberValue b) || !(step instanceof NumberValue s)
				|| s.signum() <= 0 || !a.isInteger() || !b.isInteger() || !s.isInteger()) {
			// The builtin rejects these arguments itself.
			return 0;
		}
		if (a.fitsLong() && b.fitsLong() && s.fitsLong()) {
			return java.math.BigInteger.valueOf(b.asLong())
				.subtract(java.math.BigInteger.valueOf(a.asLong()))
				.abs()
				.divide(java.math.BigInteger.valueOf(s.asLong()))
				.min(java.math.BigInteger.valueOf(Long.MAX_VALUE - 1))
				.longValue() + 1;
		}
		if (integerDigits(a) > 1000 || integerDigits(b) > 1000) {
			return Long.MAX_VALUE;
		}
		return a.asBigInteger()
			.subtract(b.asBigInteger())
			.abs()
			.divide(s.asBigInteger())
			.min(java.math.BigInteger.valueOf(Long.MAX_VALUE - 1))
			.longValue() + 1;
	}

	private static long replaced(long size, long from, long to) {
		if (from == 0) {
			return add(size, mul(size + 1, to));
		}
		return add(size, mul(size / from, to));
	}

	/** The sum of the numbers in a format string: its widths and precisions. */
	private static long widths(Value format) {
		if (!(format instanceof StringValue s)) {
			return 0;
		}
		String text = s.value();
		long total = 0;
		long current = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= '0' && c <= '9') {
				current = (current > Long.MAX_VALUE / 20) ? Long.MAX_VALUE / 2 : current * 10 + (c - '0');
			}
			else {
				total = add(total, current);
				current = 0;
			}
		}
		return add(total, current);
	}

	private static long integerDigits(Value v) {
		if (v instanceof NumberValue n && !n.fitsLong()) {
			java.math.BigDecimal d = n.toBigDecimal();
			return Math.max(1L, (long) d.precision() - d.scale());
		}
		return 1;
	}

	private static long count(Value v) {
		return (v instanceof StringValue) ? 1 : size(v);
	}

	private static long length(Value v) {
		return (v instanceof StringValue s) ? s.value().length() : 0;
	}

	private static long add(long a, long b) {
		long r = a + b;
		return (r < 0) ? Long.MAX_VALUE : r;
	}

	private static long mul(long a, long b) {
		return (a != 0 && b > Long.MAX_VALUE / a) ? Long.MAX_VALUE : a * b;
	}

}
