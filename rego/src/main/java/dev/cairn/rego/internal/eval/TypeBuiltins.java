package dev.cairn.rego.internal.eval;

import dev.cairn.rego.value.BoolValue;
import dev.cairn.rego.value.NumberValue;
import dev.cairn.rego.value.StringValue;
import dev.cairn.rego.value.Value;

/** Type tests and conversions. */
final class TypeBuiltins {

	private TypeBuiltins() {
	}

	static void registerAll() {
		for (Value.Kind kind : Value.Kind.values()) {
			String name = (kind == Value.Kind.BOOLEAN) ? "boolean" : kind.typeName();
			Functions.register("is_" + name, 1, (a) -> BoolValue.of(a[0].kind() == kind));
		}
		Functions.register("type_name", 1, (a) -> StringValue.of(a[0].typeName()));
		Functions.register("to_number", 1, (a) -> {
			Value v = a[0];
			if (v instanceof NumberValue) {
				return v;
			}
			if (v instanceof BoolValue b) {
				return b.value() ? NumberValue.ONE : NumberValue.ZERO;
			}
			if (v instanceof dev.cairn.rego.value.NullValue) {
				return NumberValue.ZERO;
			}
			if (v instanceof StringValue s) {
				String lower = s.value().toLowerCase(java.util.Locale.ROOT);
				if (lower.contains("inf") || lower.contains("nan")) {
					throw Functions.typeError("operand 1 must be a finite number");
				}
				try {
					return NumberValue.parse(s.value());
				}
				catch (RuntimeException ex) {
					throw Functions.builtinError("invalid syntax");
				}
			}
			throw Functions
				.typeError("operand 1 must be one of {boolean, null, number, string} but got " + v.typeName());
		});
	}

}
