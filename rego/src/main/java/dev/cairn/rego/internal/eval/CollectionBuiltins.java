package dev.cairn.rego.internal.eval;

import java.util.ArrayList;
import java.util.List;

import dev.cairn.rego.value.ArrayValue;
import dev.cairn.rego.value.NumberValue;
import dev.cairn.rego.value.ObjectValue;
import dev.cairn.rego.value.SetValue;
import dev.cairn.rego.value.Value;

import static dev.cairn.rego.internal.eval.StringBuiltins.array;
import static dev.cairn.rego.internal.eval.StringBuiltins.object;

/** Array, object and set builtins. */
final class CollectionBuiltins {

	private CollectionBuiltins() {
	}

	static void registerAll() {
		Functions.register("array.reverse", 1, (a) -> {
			List<Value> out = new ArrayList<>(array(a[0], 1).elements());
			java.util.Collections.reverse(out);
			return ArrayValue.of(out);
		});
		Functions.register("array.slice", 3, (a) -> {
			ArrayValue arr = array(a[0], 1);
			long from = Math.max(0, integer(a[1], 2));
			long to = Math.min(arr.size(), integer(a[2], 3));
			return (from >= to) ? ArrayValue.EMPTY : arr.slice((int) from, (int) to);
		});
		Functions.register("array.flatten", 1, (a) -> {
			ArrayValue.Builder out = ArrayValue.builder();
			flatten(array(a[0], 1), out);
			return out.build();
		});
		Functions.register("object.subset", 2, (a) -> {
			if (!isCollection(a[0])) {
				throw Functions.typeError("operand 1 must be one of {object, array, set} but got " + a[0].typeName());
			}
			if (!isCollection(a[1])) {
				throw Functions.typeError("operand 2 must be one of {object, array, set} but got " + a[1].typeName());
			}
			return dev.cairn.rego.value.BoolValue.of(subset(a[0], a[1]));
		});
		Functions.registerRelation("walk", 1, (a) -> {
			ArrayValue.Builder out = ArrayValue.builder();
			walk(ArrayValue.EMPTY, a[0], out);
			return out.build();
		});
		Functions.register("object.keys", 1, (a) -> object(a[0], 1).keySet());
		Functions.register("object.union_n", 1, (a) -> {
			ObjectValue out = ObjectValue.EMPTY;
			for (Value v : array(a[0], 1)) {
				out = StringBuiltins.union(out, object(v, 1));
			}
			return out;
		});
		Functions.register("object.remove", 2, (a) -> {
			ObjectValue out = object(a[0], 1);
			for (Value key : keys(a[1])) {
				out = out.remove(key);
			}
			return out;
		});
		Functions.register("object.filter", 2, (a) -> {
			ObjectValue in = object(a[0], 1);
			ObjectValue.Builder out = ObjectValue.builder();
			for (Value key : keys(a[1])) {
				Value v = in.get(key);
				if (v != null) {
					out.put(key, v);
				}
			}
			return out.build();
		});
		Functions.register("intersection", 1, (a) -> {
			SetValue out = null;
			for (Value v : sets(a[0])) {
				out = (out == null) ? (SetValue) v : out.intersect((SetValue) v);
			}
			return (out == null) ? SetValue.EMPTY : out;
		});
		Functions.register("union", 1, (a) -> {
			SetValue out = SetValue.EMPTY;
			for (Value v : sets(a[0])) {
				out = out.union((SetValue) v);
			}
			return out;
		});
	}

	private static boolean isCollection(Value v) {
		return v instanceof ObjectValue || v instanceof ArrayValue || v instanceof SetValue;
	}

	private static boolean subset(Value sup, Value sub) {
		if (sup instanceof ObjectValue x && sub instanceof ObjectValue y) {
			for (int i = 0; i < y.size(); i++) {
				Value mine = x.get(y.key(i));
				if (mine == null || !((isCollection(mine) && isCollection(y.value(i))) ? subset(mine, y.value(i))
						: mine.equals(y.value(i)))) {
					return false;
				}
			}
			return true;
		}
		if (sup instanceof SetValue x && sub instanceof SetValue y) {
			return y.elements().stream().allMatch(x::contains);
		}
		if (sup instanceof ArrayValue x && sub instanceof SetValue y) {
			return y.elements().stream().allMatch(x.elements()::contains);
		}
		if (sup instanceof ArrayValue x && sub instanceof ArrayValue y) {
			return java.util.Collections.indexOfSubList(x.elements(), y.elements()) >= 0;
		}
		return sup.equals(sub);
	}

	/** Every node of a document with its path, parents before children. */
	private static void walk(ArrayValue path, Value v, ArrayValue.Builder out) {
		out.add(ArrayValue.of(path, v));
		if (v instanceof ObjectValue o) {
			for (int i = 0; i < o.size(); i++) {
				walk(path.append(o.key(i)), o.value(i), out);
			}
		}
		else if (v instanceof ArrayValue a) {
			for (int i = 0; i < a.size(); i++) {
				walk(path.append(NumberValue.of(i)), a.get(i), out);
			}
		}
		else if (v instanceof SetValue s) {
			for (Value e : s) {
				walk(path.append(e), e, out);
			}
		}
	}

	private static void flatten(ArrayValue arr, ArrayValue.Builder out) {
		for (Value v : arr) {
			if (v instanceof ArrayValue inner) {
				inner.forEach(out::add);
			}
			else {
				out.add(v);
			}
		}
	}

	private static List<Value> sets(Value v) {
		if (!(v instanceof SetValue s)) {
			throw Functions.typeError("operand 1 must be set of sets but got " + v.typeName());
		}
		for (Value e : s) {
			if (!(e instanceof SetValue)) {
				throw Functions.typeError("operand 1 must be set of sets but got " + v.typeName());
			}
		}
		return s.elements();
	}

	private static List<Value> keys(Value v) {
		if (v instanceof ObjectValue o) {
			return o.keys();
		}
		if (v instanceof ArrayValue || v instanceof SetValue) {
			return Functions.elements(v, 2, "keys");
		}
		throw Functions.typeError("operand 2 must be one of {object, set, array} but got " + v.typeName());
	}

	private static long integer(Value v, int pos) {
		NumberValue n = Functions.number(v, pos);
		if (!n.isInteger()) {
			throw Functions.typeError("operand " + pos + " must be integer number");
		}
		return n.asLong();
	}

}
