package dev.cairn.rego.internal.eval;

import java.util.List;

import dev.cairn.rego.value.ArrayValue;
import dev.cairn.rego.value.BoolValue;
import dev.cairn.rego.value.NullValue;
import dev.cairn.rego.value.ObjectValue;
import dev.cairn.rego.value.StringValue;
import dev.cairn.rego.value.Value;
import dev.cairn.rego.value.Values;

/**
 * {@code json.verify_schema} and {@code json.match_schema}. Schemas and documents are
 * objects or arrays, or JSON text.
 */
final class JsonSchemaBuiltins {

	private JsonSchemaBuiltins() {
	}

	static void registerAll() {
		Functions.register("json.verify_schema", 1, (a) -> {
			try {
				JsonSchema.compile(load(a[0]));
				return ArrayValue.of(BoolValue.TRUE, NullValue.NULL);
			}
			catch (IllegalArgumentException ex) {
				return ArrayValue.of(BoolValue.FALSE, StringValue.of("jsonschema: " + ex.getMessage()));
			}
		});
		Functions.register("json.match_schema", 2, (a) -> {
			try {
				Value document = load(a[0]);
				List<JsonSchema.Failure> failures = JsonSchema.compile(load(a[1])).validate(document);
				ArrayValue.Builder errors = ArrayValue.builder(failures.size());
				for (JsonSchema.Failure f : failures) {
					errors.add(ObjectValue.builder()
						.put("error", StringValue.of(f.error()))
						.put("type", StringValue.of(f.type()))
						.put("field", StringValue.of(f.field()))
						.put("desc", StringValue.of(f.description()))
						.build());
				}
				return ArrayValue.of(BoolValue.of(failures.isEmpty()), errors.build());
			}
			catch (IllegalArgumentException ex) {
				throw Functions.builtinError(ex.getMessage());
			}
		});
	}

	/** A schema or document: JSON text parsed, objects and arrays as they are. */
	private static Value load(Value v) {
		if (v instanceof StringValue s) {
			try {
				return Values.parseJson(s.value());
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("invalid JSON string");
			}
		}
		if (v instanceof ObjectValue || v instanceof ArrayValue) {
			// As JSON sees it: sets become arrays, keys become strings.
			return Values.parseJson(Values.toJsonText(v));
		}
		throw new IllegalArgumentException("wrong type, expected string or object");
	}

}
