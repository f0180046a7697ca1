package dev.cairn.rego.internal.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.cairn.rego.value.ArrayValue;
import dev.cairn.rego.value.BoolValue;
import dev.cairn.rego.value.ObjectValue;
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
		Functions.register("array.concat", 2, (a) -> array(a[0], 1).concat(array(a[1], 2)));
		Functions.register("object.get", 3, (a) -> {
			if (!(a[0] instanceof ObjectValue o)) {
				throw Functions.typeError("operand 1 must be object but got " + a[0].typeName());
			}
			Value v = o.get(a[1]);
			return (v != null) ? v : a[2];
		});
	}

	static ArrayValue array(Value v, int pos) {
		if (v instanceof ArrayValue a) {
			return a;
		}
		throw Functions.typeError("operand " + pos + " must be array but got " + v.typeName());
	}

}
