package dev.cairn.rego.internal.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.cairn.rego.value.ArrayValue;
import dev.cairn.rego.value.BoolValue;
import dev.cairn.rego.value.NumberValue;
import dev.cairn.rego.value.ObjectValue;
import dev.cairn.rego.value.SetValue;
import dev.cairn.rego.value.StringValue;
import dev.cairn.rego.value.Value;

import static dev.cairn.rego.internal.eval.Functions.string;

/** The first string, array and object builtins. */
final class StringBuiltins {

	private StringBuiltins() {
	}

	static void registerAll() {
		Functions.register("concat", 2, (a) -> {
			List<String> parts = new ArrayList<>();
			for (Value v : Functions.elements(a[1], 2, "concat")) {
				parts.add(string(v, 2));
			}
			return StringValue.of(String.join(string(a[0], 1), parts));
		});
		Functions.register("startswith", 2, (a) -> BoolValue.of(string(a[0], 1).startsWith(string(a[1], 2))));
		Functions.register("endswith", 2, (a) -> BoolValue.of(string(a[0], 1).endsWith(string(a[1], 2))));
		Functions.register("contains", 2, (a) -> BoolValue.of(string(a[0], 1).contains(string(a[1], 2))));
		Functions.register("upper", 1, (a) -> StringValue.of(string(a[0], 1).toUpperCase(Locale.ROOT)));
		Functions.register("lower", 1, (a) -> StringValue.of(string(a[0], 1).toLowerCase(Locale.ROOT)));
		Functions.register("strings.split_n", 3, (a) -> {
			// OPA keeps the first n parts, or the last -n parts when n is negative.
			NumberValue nv = Functions.number(a[2], 3);
			if (!nv.isInteger()) {
				throw Functions.typeError("operand 3 must be integer number but got floating-point number");
			}
			List<Value> parts = split(string(a[0], 1), string(a[1], 2));
			long n = nv.asLong();
			int keep = (int) Math.min(parts.size(), Math.abs(n));
			return ArrayValue.of((n >= 0) ? parts.subList(0, keep) : parts.subList(parts.size() - keep, parts.size()));
		});
		Functions.register("split", 2, (a) -> ArrayValue.of(split(string(a[0], 1), string(a[1], 2))));
		Functions.register("sprintf", 2, (a) -> StringValue.of(Sprintf.format(string(a[0], 1), array(a[1], 2))));
		Functions.register("format_int", 2, (a) -> {
			NumberValue n = Functions.number(a[0], 1);
			NumberValue b = Functions.number(a[1], 2);
			if (!b.fitsInt() || (b.asInt() != 2 && b.asInt() != 8 && b.asInt() != 10 && b.asInt() != 16)) {
				throw Functions.typeError("operand 2 must be one of {2, 8, 10, 16}");
			}
			int base = b.asInt();
			// Fractions are truncated towards zero, as Go's int conversion does.
			java.math.BigInteger whole = n.truncatedBigInteger();
			return StringValue.of(whole.toString(base));
		});
		Functions.register("numbers.range", 2, (a) -> {
			NumberValue from = Functions.number(a[0], 1);
			NumberValue to = Functions.number(a[1], 2);
			if (!from.isInteger() || !to.isInteger()) {
				throw Functions.typeError("operand " + (from.isInteger() ? 2 : 1)
						+ " must be integer number but got floating-point number");
			}
			ArrayValue.Builder b = ArrayValue.builder();
			NumberValue step = (from.compareTo(to) <= 0) ? NumberValue.ONE : NumberValue.of(-1);
			for (NumberValue i = from; step.signum() > 0 ? i.compareTo(to) <= 0
					: i.compareTo(to) >= 0; i = i.add(step)) {
				b.add(i);
			}
			return b.build();
		});
		Functions.register("object.union", 2, (a) -> union(object(a[0], 1), object(a[1], 2)));
		// One clock reading per evaluation, as OPA does.
		Functions.registerHosted("time.now_ns", 0, (ev, scope, a) -> ev.now());
		Functions.register("array.concat", 2, (a) -> array(a[0], 1).concat(array(a[1], 2)));
		Functions.register("object.get", 3, (a) -> {
			if (!(a[0] instanceof ObjectValue o)) {
				throw Functions.typeError("operand 1 must be object but got " + a[0].typeName());
			}
			if (a[1] instanceof ArrayValue path) {
				Value cur = o;
				for (Value key : path) {
					cur = Documents.lookup(cur, key);
					if (cur == null || cur instanceof SetValue) {
						return (cur != null && path.get(path.size() - 1) == key) ? cur : a[2];
					}
				}
				return cur;
			}
			Value v = o.get(a[1]);
			return (v != null) ? v : a[2];
		});
	}

	static List<Value> split(String text, String sep) {
		List<Value> parts = new ArrayList<>();
		if (sep.isEmpty()) {
			text.codePoints().forEach((cp) -> parts.add(StringValue.of(new String(Character.toChars(cp)))));
			return parts;
		}
		int from = 0;
		for (int at = text.indexOf(sep); at >= 0; at = text.indexOf(sep, from)) {
			parts.add(StringValue.of(text.substring(from, at)));
			from = at + sep.length();
		}
		parts.add(StringValue.of(text.substring(from)));
		return parts;
	}

	static ObjectValue object(Value v, int pos) {
		if (v instanceof ObjectValue o) {
			return o;
		}
		throw Functions.typeError("operand " + pos + " must be object but got " + v.typeName());
	}

	/** Merges recursively, {@code b} winning where both have a non-object value. */
	static ObjectValue union(ObjectValue a, ObjectValue b) {
		ObjectValue out = a;
		for (int i = 0; i < b.size(); i++) {
			Value key = b.key(i);
			Value mine = a.get(key);
			Value theirs = b.value(i);
			out = out.put(key,
					(mine instanceof ObjectValue x && theirs instanceof ObjectValue y) ? union(x, y) : theirs);
		}
		return out;
	}

	static ArrayValue array(Value v, int pos) {
		if (v instanceof ArrayValue a) {
			return a;
		}
		throw Functions.typeError("operand " + pos + " must be array but got " + v.typeName());
	}

}
