package dev.cairn.policy;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a JSON value (as plain Java: maps, lists, strings, numbers, booleans, nulls)
 * against the subset of JSON Schema that policies/README.md uses: {@code type} (one or a
 * list), {@code enum}, {@code required}, {@code properties}, {@code additionalProperties:
 * false}, {@code items}, {@code minLength} and {@code format: date-time}. A schema using
 * any other keyword is refused, so that the README cannot state a constraint this check
 * would silently skip.
 */
final class JsonSchemaCheck {

	private static final Set<String> KEYWORDS = Set.of("$schema", "title", "description", "type", "enum", "required",
			"properties", "additionalProperties", "items", "minLength", "format");

	private JsonSchemaCheck() {
	}

	/** The problems, one per line, each with the path of the value at fault. */
	static List<String> problems(Map<String, Object> schema, Object value) {
		List<String> problems = new ArrayList<>();
		check(schema, value, "$", problems);
		return problems;
	}

	@SuppressWarnings("unchecked")
	private static void check(Map<String, Object> schema, Object value, String path, List<String> problems) {
		for (String keyword : schema.keySet()) {
			if (!KEYWORDS.contains(keyword)) {
				throw new IllegalArgumentException("schema keyword " + keyword + " at " + path + " is not supported");
			}
		}
		Object type = schema.get("type");
		if (type != null) {
			List<String> types = (type instanceof List<?> list) ? (List<String>) list : List.of((String) type);
			if (types.stream().noneMatch((t) -> is(t, value))) {
				problems.add(path + ": expected " + types + ", got " + describe(value));
				return;
			}
		}
		if (schema.get("enum") instanceof List<?> values && !values.contains(value)) {
			problems.add(path + ": " + describe(value) + " is not one of " + values);
		}
		if (value instanceof String text) {
			if (schema.get("minLength") instanceof Number min && text.length() < min.intValue()) {
				problems.add(path + ": shorter than " + min);
			}
			if ("date-time".equals(schema.get("format"))) {
				try {
					OffsetDateTime.parse(text);
				}
				catch (DateTimeParseException ex) {
					problems.add(path + ": not an RFC 3339 date-time: " + text);
				}
			}
		}
		if (value instanceof Map<?, ?> object) {
			Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
			for (Object name : (List<Object>) schema.getOrDefault("required", List.of())) {
				if (!object.containsKey(name)) {
					problems.add(path + ": missing required " + name);
				}
			}
			for (Map.Entry<?, ?> entry : object.entrySet()) {
				String name = (String) entry.getKey();
				Object property = properties.get(name);
				if (property != null) {
					check((Map<String, Object>) property, entry.getValue(), path + "." + name, problems);
				}
				else if (Boolean.FALSE.equals(schema.get("additionalProperties"))) {
					problems.add(path + ": " + name + " is not in the schema");
				}
			}
		}
		if (value instanceof List<?> list && schema.get("items") instanceof Map<?, ?> items) {
			for (int i = 0; i < list.size(); i++) {
				check((Map<String, Object>) items, list.get(i), path + "[" + i + "]", problems);
			}
		}
	}

	private static boolean is(String type, Object value) {
		switch (type) {
			case "object":
				return value instanceof Map;
			case "array":
				return value instanceof List;
			case "string":
				return value instanceof String;
			case "boolean":
				return value instanceof Boolean;
			case "integer":
				return value instanceof Integer || value instanceof Long;
			case "number":
				return value instanceof Number;
			case "null":
				return value == null;
			default:
				throw new IllegalArgumentException("unknown type " + type);
		}
	}

	private static String describe(Object value) {
		return (value == null) ? "null" : value.getClass().getSimpleName() + " " + value;
	}

}
