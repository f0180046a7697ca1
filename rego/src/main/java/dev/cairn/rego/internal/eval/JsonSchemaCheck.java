package dev.cairn.rego.internal.eval;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.cairn.rego.value.ArrayValue;
import dev.cairn.rego.value.BoolValue;
import dev.cairn.rego.value.NumberValue;
import dev.cairn.rego.value.ObjectValue;
import dev.cairn.rego.value.StringValue;
import dev.cairn.rego.value.Value;

/**
 * Checks that a value is a schema before anything is validated against it, with the
 * messages of the Go library OPA uses
 * ({@code has a primitive type that is NOT VALID ...},
 * {@code minLength must be of an integer}).
 */
final class JsonSchemaCheck {

	private static final String VALID_TYPES = "[array boolean integer number null object string]";

	private static final List<String> SCHEMA_LISTS = List.of("allOf", "anyOf", "oneOf");

	private static final List<String> SCHEMAS = List.of("not", "if", "then", "else", "contains", "propertyNames",
			"additionalProperties", "additionalItems");

	private static final List<String> SCHEMA_MAPS = List.of("properties", "patternProperties", "definitions");

	private static final List<String> COUNTS = List.of("minLength", "maxLength", "minItems", "maxItems",
			"minProperties", "maxProperties");

	private JsonSchemaCheck() {
	}

	/**
	 * @throws IllegalArgumentException with the reason if {@code schema} is not valid
	 */
	static void check(Value schema) {
		check(schema, 0);
	}

	private static void check(Value schema, int depth) {
		if (depth > 512) {
			throw new IllegalArgumentException("schema nests too deeply");
		}
		if (schema instanceof BoolValue) {
			return;
		}
		if (!(schema instanceof ObjectValue s)) {
			throw new IllegalArgumentException("Invalid type. Expected: object, given: " + JsonSchema.typeName(schema));
		}
		checkType(s.get("type"));
		for (String key : COUNTS) {
			if (s.get(key) != null) {
				if (!(s.get(key) instanceof NumberValue n) || !n.isInteger()) {
					throw new IllegalArgumentException(key + " must be of an integer");
				}
				if (n.signum() < 0) {
					throw new IllegalArgumentException(key + " must be greater than or equal to 0");
				}
			}
		}
		for (String key : List.of("minimum", "maximum", "multipleOf")) {
			if (s.get(key) != null && !(s.get(key) instanceof NumberValue)) {
				throw new IllegalArgumentException(key + " must be of a number");
			}
		}
		if (s.get("multipleOf") instanceof NumberValue m && m.signum() <= 0) {
			throw new IllegalArgumentException("multipleOf must be strictly greater than 0");
		}
		if (s.get("required") != null && !stringArray(s.get("required"))) {
			throw new IllegalArgumentException("required must be of an array of strings");
		}
		if (s.get("enum") != null && !(s.get("enum") instanceof ArrayValue)) {
			throw new IllegalArgumentException("enum must be of an array");
		}
		if (s.get("pattern") != null) {
			if (!(s.get("pattern") instanceof StringValue p)) {
				throw new IllegalArgumentException("pattern must be of type string");
			}
			JsonSchema.checkPattern(p.value());
		}
		if (s.get("$ref") != null && !(s.get("$ref") instanceof StringValue)) {
			throw new IllegalArgumentException("$ref must be of type string");
		}
		children(s, depth);
	}

	private static void children(ObjectValue s, int depth) {
		for (String key : SCHEMA_LISTS) {
			if (s.get(key) != null) {
				if (!(s.get(key) instanceof ArrayValue list) || list.elements().isEmpty()) {
					throw new IllegalArgumentException(key + " must be of an array of schemas");
				}
				list.elements().forEach((sub) -> check(sub, depth + 1));
			}
		}
		for (String key : SCHEMAS) {
			if (s.get(key) != null) {
				check(s.get(key), depth + 1);
			}
		}
		for (String key : SCHEMA_MAPS) {
			if (s.get(key) != null) {
				if (!(s.get(key) instanceof ObjectValue map)) {
					throw new IllegalArgumentException(key + " must be of an object");
				}
				for (int i = 0; i < map.size(); i++) {
					if ("patternProperties".equals(key) && map.key(i) instanceof StringValue p) {
						JsonSchema.checkPattern(p.value());
					}
					check(map.value(i), depth + 1);
				}
			}
		}
		if (s.get("items") instanceof ArrayValue items) {
			items.elements().forEach((sub) -> check(sub, depth + 1));
		}
		else if (s.get("items") != null) {
			check(s.get("items"), depth + 1);
		}
		if (s.get("dependencies") instanceof ObjectValue deps) {
			for (Value dep : deps.values()) {
				if (!stringArray(dep)) {
					check(dep, depth + 1);
				}
			}
		}
	}

	private static void checkType(Value type) {
		if (type == null) {
			return;
		}
		if (type instanceof StringValue s) {
			requireValid(s.value());
			return;
		}
		if (!(type instanceof ArrayValue list)) {
			throw new IllegalArgumentException("type must be of type string/array");
		}
		Set<String> seen = new HashSet<>();
		for (Value t : list.elements()) {
			if (!(t instanceof StringValue s)) {
				throw new IllegalArgumentException("type items must be string");
			}
			requireValid(s.value());
			if (!seen.add(s.value())) {
				throw new IllegalArgumentException(s.value() + " type is duplicated");
			}
		}
	}

	private static void requireValid(String type) {
		if (!JsonSchema.TYPES.contains(type)) {
			throw new IllegalArgumentException("has a primitive type that is NOT VALID -- given: /" + type
					+ "/ Expected valid values are:" + VALID_TYPES);
		}
	}

	private static boolean stringArray(Value v) {
		return v instanceof ArrayValue a && a.elements().stream().allMatch(StringValue.class::isInstance);
	}

}
