package dev.cairn.rego.internal.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

import dev.cairn.rego.value.ArrayValue;
import dev.cairn.rego.value.BoolValue;
import dev.cairn.rego.value.NullValue;
import dev.cairn.rego.value.NumberValue;
import dev.cairn.rego.value.ObjectValue;
import dev.cairn.rego.value.StringValue;
import dev.cairn.rego.value.Value;
import dev.cairn.rego.value.Values;

/**
 * A JSON Schema validator for drafts 4, 6 and 7 (read together, as OPA's validator reads
 * a schema without {@code $schema}), with local {@code $ref}s. Its errors carry the
 * types, fields and descriptions of the Go library OPA uses, so that policies matching on
 * them behave alike. Remote references are not fetched.
 */
final class JsonSchema {

	static final Set<String> TYPES = Set.of("array", "boolean", "integer", "number", "null", "object", "string");

	private final Value root;

	private JsonSchema(Value root) {
		this.root = root;
	}

	/**
	 * One validation failure.
	 *
	 * @param type the kind of failure ({@code invalid_type}, {@code required}, ...)
	 * @param field the path of the offending value ({@code (root)} for the document, else
	 * {@code a.0.b})
	 * @param description what is wrong
	 */
	record Failure(String type, String field, String description) {

		String error() {
			return this.field + ": " + this.description;
		}

	}

	/**
	 * The schema, checked.
	 * @throws IllegalArgumentException with the reason if it is not a valid schema
	 */
	static JsonSchema compile(Value schema) {
		JsonSchemaCheck.check(schema);
		return new JsonSchema(schema);
	}

	List<Failure> validate(Value document) {
		List<Failure> failures = new ArrayList<>();
		validate(this.root, document, "(root)", failures, 0);
		return failures;
	}

	private void validate(Value schema, Value doc, String path, List<Failure> out, int depth) {
		if (depth > 512) {
			throw new IllegalArgumentException("schema references nest too deeply");
		}
		if (schema instanceof BoolValue b) {
			if (!b.value()) {
				out.add(failure("false", path, "False always fails validation"));
			}
			return;
		}
		if (!(schema instanceof ObjectValue s)) {
			return;
		}
		if (s.get("$ref") instanceof StringValue ref) {
			// Up to draft 7, $ref replaces the rest of the schema.
			validate(resolve(ref.value()), doc, path, out, depth + 1);
			return;
		}
		Value type = s.get("type");
		if (type != null && !typeMatches(type, doc)) {
			String expected = (type instanceof ArrayValue list) ? "[" + String.join(",", strings(list)) + "]"
					: ((StringValue) type).value();
			out.add(failure("invalid_type", path, "Invalid type. Expected: " + expected + ", given: " + typeName(doc)));
			return;
		}
		JsonSchemaRules.combinators(this, s, doc, path, out, depth);
		Value c = s.get("const");
		if (c != null && !c.equals(doc)) {
			out.add(failure("const", path, field(path) + " does not match: " + Values.toJsonText(c)));
		}
		if (s.get("enum") instanceof ArrayValue e && !e.elements().contains(doc)) {
			List<String> allowed = new ArrayList<>();
			e.elements().forEach((v) -> allowed.add(Values.toJsonText(v)));
			out.add(failure("enum", path,
					field(path) + " must be one of the following: " + String.join(", ", allowed)));
		}
		if (doc instanceof ArrayValue a) {
			JsonSchemaRules.array(this, s, a, path, out, depth);
		}
		else if (doc instanceof ObjectValue o) {
			JsonSchemaRules.object(this, s, o, path, out, depth);
		}
		else if (doc instanceof StringValue str) {
			strings(s, str.value(), path, out);
		}
		else if (doc instanceof NumberValue n) {
			JsonSchemaRules.number(s, n, path, out);
		}
	}

	/** Whether {@code doc} satisfies {@code schema}, for the combinators. */
	boolean valid(Value schema, Value doc, int depth) {
		List<Failure> failures = new ArrayList<>();
		validate(schema, doc, "(root)", failures, depth + 1);
		return failures.isEmpty();
	}

	void validateChild(Value schema, Value doc, String path, List<Failure> out, int depth) {
		validate(schema, doc, path, out, depth + 1);
	}

	private static void strings(ObjectValue s, String value, String path, List<Failure> out) {
		int length = value.codePointCount(0, value.length());
		if (s.get("minLength") instanceof NumberValue min && length < min.asLong()) {
			out.add(failure("string_gte", path, "String length must be greater than or equal to " + min));
		}
		if (s.get("maxLength") instanceof NumberValue max && length > max.asLong()) {
			out.add(failure("string_lte", path, "String length must be less than or equal to " + max));
		}
		if (s.get("pattern") instanceof StringValue pattern
				&& !Pattern.compile(pattern.value()).matcher(value).find()) {
			out.add(failure("pattern", path, "Does not match pattern '" + pattern.value() + "'"));
		}
		if (s.get("format") instanceof StringValue format && !JsonSchemaRules.matchesFormat(format.value(), value)) {
			out.add(failure("format", path, "Does not match format '" + format.value() + "'"));
		}
	}

	/** The schema a local reference ({@code #}, {@code #/definitions/a}) points at. */
	private Value resolve(String ref) {
		if (!ref.startsWith("#")) {
			throw new IllegalArgumentException("remote reference " + ref + " is not supported");
		}
		Value at = this.root;
		String pointer = ref.substring(1);
		if (pointer.isEmpty()) {
			return at;
		}
		for (String token : pointer.substring(1).split("/", -1)) {
			String key = java.net.URLDecoder.decode(token, java.nio.charset.StandardCharsets.UTF_8)
				.replace("~1", "/")
				.replace("~0", "~");
			if (at instanceof ObjectValue o && o.get(key) != null) {
				at = o.get(key);
			}
			else if (at instanceof ArrayValue a && key.matches("\\d+") && Integer.parseInt(key) < a.elements().size()) {
				at = a.elements().get(Integer.parseInt(key));
			}
			else {
				throw new IllegalArgumentException("Object has no key '" + key + "'");
			}
		}
		return at;
	}

	static boolean typeMatches(Value type, Value doc) {
		if (type instanceof ArrayValue list) {
			return strings(list).stream().anyMatch((t) -> typeMatches(t, doc));
		}
		return type instanceof StringValue s && typeMatches(s.value(), doc);
	}

	private static boolean typeMatches(String type, Value doc) {
		return switch (type) {
			case "integer" -> doc instanceof NumberValue n && n.isInteger();
			case "number" -> doc instanceof NumberValue;
			default -> type.equals(typeName(doc));
		};
	}

	/** The JSON type of a value, with whole numbers as {@code integer}. */
	static String typeName(Value v) {
		if (v instanceof NumberValue n) {
			return n.isInteger() ? "integer" : "number";
		}
		if (v instanceof NullValue) {
			return "null";
		}
		if (v instanceof BoolValue) {
			return "boolean";
		}
		return v.typeName();
	}

	static List<String> strings(ArrayValue list) {
		List<String> out = new ArrayList<>();
		for (Value v : list.elements()) {
			if (v instanceof StringValue s) {
				out.add(s.value());
			}
		}
		return out;
	}

	static Failure failure(String type, String path, String description) {
		return new Failure(type, field(path), description);
	}

	/** A path as the error's field: relative to the root, or {@code (root)} itself. */
	static String field(String path) {
		return path.startsWith("(root).") ? path.substring("(root).".length()) : path;
	}

	static void checkPattern(String pattern) {
		try {
			Pattern.compile(pattern);
		}
		catch (PatternSyntaxException ex) {
			throw new IllegalArgumentException("Invalid regex pattern '" + pattern + "'");
		}
	}

}
