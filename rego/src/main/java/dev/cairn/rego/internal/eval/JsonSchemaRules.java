package dev.cairn.rego.internal.eval;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.google.re2j.Pattern;

import dev.cairn.rego.value.ArrayValue;
import dev.cairn.rego.value.BoolValue;
import dev.cairn.rego.value.NumberValue;
import dev.cairn.rego.value.ObjectValue;
import dev.cairn.rego.value.StringValue;
import dev.cairn.rego.value.Value;

import static dev.cairn.rego.internal.eval.JsonSchema.failure;

/** The keywords of {@link JsonSchema} for combinators, arrays, objects and numbers. */
final class JsonSchemaRules {

	private JsonSchemaRules() {
	}

	static void combinators(JsonSchema js, ObjectValue s, Value doc, String path, List<JsonSchema.Failure> out,
			int depth) {
		if (s.get("allOf") instanceof ArrayValue all) {
			boolean ok = true;
			for (Value sub : all.elements()) {
				List<JsonSchema.Failure> failures = sub(js, sub, doc, path, depth);
				ok &= failures.isEmpty();
				out.addAll(failures);
			}
			if (!ok) {
				out.add(failure("number_all_of", path, "Must validate all the schemas (allOf)"));
			}
		}
		if (s.get("anyOf") instanceof ArrayValue any) {
			List<List<JsonSchema.Failure>> results = new ArrayList<>();
			for (Value sub : any.elements()) {
				results.add(sub(js, sub, doc, path, depth));
			}
			if (results.stream().noneMatch(List::isEmpty)) {
				out.add(failure("number_any_of", path, "Must validate at least one schema (anyOf)"));
				// The closest schema is probably the one meant, so its errors help most.
				results.stream().min(Comparator.comparingInt(List::size)).ifPresent(out::addAll);
			}
		}
		if (s.get("oneOf") instanceof ArrayValue one) {
			List<List<JsonSchema.Failure>> results = new ArrayList<>();
			for (Value sub : one.elements()) {
				results.add(sub(js, sub, doc, path, depth));
			}
			long passed = results.stream().filter(List::isEmpty).count();
			if (passed != 1) {
				out.add(failure("number_one_of", path, "Must validate one and only one schema (oneOf)"));
				if (passed == 0) {
					results.stream().min(Comparator.comparingInt(List::size)).ifPresent(out::addAll);
				}
			}
		}
		Value not = s.get("not");
		if (not != null && sub(js, not, doc, path, depth).isEmpty()) {
			out.add(failure("number_not", path, "Must not validate the schema (not)"));
		}
		Value condition = s.get("if");
		if (condition != null) {
			boolean holds = sub(js, condition, doc, path, depth).isEmpty();
			String branch = holds ? "then" : "else";
			Value next = s.get(branch);
			if (next != null) {
				List<JsonSchema.Failure> failures = sub(js, next, doc, path, depth);
				if (!failures.isEmpty()) {
					out.addAll(failures);
					out.add(failure("condition_" + branch, path, holds ? "Must validate \"then\" as \"if\" was valid"
							: "Must validate \"else\" as \"if\" was not valid"));
				}
			}
		}
	}

	static void array(JsonSchema js, ObjectValue s, ArrayValue a, String path, List<JsonSchema.Failure> out,
			int depth) {
		List<Value> items = a.elements();
		if (s.get("minItems") instanceof NumberValue min && items.size() < min.asLong()) {
			out.add(failure("array_min_items", path, "Array must have at least " + min + " items"));
		}
		if (s.get("maxItems") instanceof NumberValue max && items.size() > max.asLong()) {
			out.add(failure("array_max_items", path, "Array must have at most " + max + " items"));
		}
		if (s.get("uniqueItems") instanceof BoolValue unique && unique.value()
				&& items.stream().distinct().count() != items.size()) {
			out.add(failure("unique", path, "array items must be unique"));
		}
		Value schemaItems = s.get("items");
		if (schemaItems instanceof ArrayValue positional) {
			for (int i = 0; i < items.size(); i++) {
				if (i < positional.elements().size()) {
					js.validateChild(positional.elements().get(i), items.get(i), path + "." + i, out, depth);
				}
				else if (s.get("additionalItems") instanceof BoolValue more && !more.value()) {
					out.add(failure("array_no_additional_items", path, "No additional items allowed on array"));
					break;
				}
				else if (s.get("additionalItems") instanceof ObjectValue more) {
					js.validateChild(more, items.get(i), path + "." + i, out, depth);
				}
			}
		}
		else if (schemaItems != null) {
			for (int i = 0; i < items.size(); i++) {
				js.validateChild(schemaItems, items.get(i), path + "." + i, out, depth);
			}
		}
		Value contains = s.get("contains");
		if (contains != null && items.stream().noneMatch((item) -> js.valid(contains, item, depth))) {
			out.add(failure("contains", path, "At least one of the items must match"));
		}
	}

	static void object(JsonSchema js, ObjectValue s, ObjectValue o, String path, List<JsonSchema.Failure> out,
			int depth) {
		if (s.get("maxProperties") instanceof NumberValue max && o.size() > max.asLong()) {
			out.add(failure("array_max_properties", path, "Must have at most " + max + " properties"));
		}
		if (s.get("minProperties") instanceof NumberValue min && o.size() < min.asLong()) {
			out.add(failure("array_min_properties", path, "Must have at least " + min + " properties"));
		}
		if (s.get("required") instanceof ArrayValue required) {
			for (String name : JsonSchema.strings(required)) {
				if (o.get(name) == null) {
					out.add(failure("required", path, name + " is required"));
				}
			}
		}
		ObjectValue properties = (s.get("properties") instanceof ObjectValue p) ? p : ObjectValue.EMPTY;
		ObjectValue patterns = (s.get("patternProperties") instanceof ObjectValue p) ? p : ObjectValue.EMPTY;
		for (int i = 0; i < o.size(); i++) {
			if (!(o.key(i) instanceof StringValue key)) {
				continue;
			}
			String child = path + "." + key.value();
			boolean matched = false;
			Value sub = properties.get(key);
			if (sub != null) {
				js.validateChild(sub, o.value(i), child, out, depth);
				matched = true;
			}
			for (int j = 0; j < patterns.size(); j++) {
				String pattern = ((StringValue) patterns.key(j)).value();
				if (Pattern.compile(pattern).matcher(key.value()).find()) {
					js.validateChild(patterns.value(j), o.value(i), child, out, depth);
					matched = true;
				}
			}
			Value additional = s.get("additionalProperties");
			if (!matched && additional instanceof BoolValue allowed && !allowed.value()) {
				out.add(failure("additional_property_not_allowed", path,
						"Additional property " + key.value() + " is not allowed"));
			}
			else if (!matched && additional instanceof ObjectValue) {
				js.validateChild(additional, o.value(i), child, out, depth);
			}
			Value names = s.get("propertyNames");
			if (names != null && !js.valid(names, key, depth)) {
				out.add(failure("invalid_property_name", path,
						"Property name of \"" + key.value() + "\" does not match"));
			}
		}
		if (s.get("dependencies") instanceof ObjectValue dependencies) {
			for (int i = 0; i < dependencies.size(); i++) {
				if (o.get(dependencies.key(i)) == null) {
					continue;
				}
				if (dependencies.value(i) instanceof ArrayValue needed) {
					for (String name : JsonSchema.strings(needed)) {
						if (o.get(name) == null) {
							out.add(failure("missing_dependency", path, "Has a dependency on " + name));
						}
					}
				}
				else {
					js.validateChild(dependencies.value(i), o, path, out, depth);
				}
			}
		}
	}

	static void number(ObjectValue s, NumberValue n, String path, List<JsonSchema.Failure> out) {
		if (s.get("multipleOf") instanceof NumberValue m && m.signum() > 0 && !n.divide(m).isInteger()) {
			out.add(failure("multiple_of", path, "Must be a multiple of " + m));
		}
		Value exclusiveMin = s.get("exclusiveMinimum");
		if (s.get("minimum") instanceof NumberValue min) {
			boolean exclusive = exclusiveMin instanceof BoolValue b && b.value();
			if (exclusive ? n.compareTo(min) <= 0 : n.compareTo(min) < 0) {
				out.add(exclusive ? failure("number_gt", path, "Must be greater than " + min)
						: failure("number_gte", path, "Must be greater than or equal to " + min));
			}
		}
		if (exclusiveMin instanceof NumberValue min && n.compareTo(min) <= 0) {
			out.add(failure("number_gt", path, "Must be greater than " + min));
		}
		Value exclusiveMax = s.get("exclusiveMaximum");
		if (s.get("maximum") instanceof NumberValue max) {
			boolean exclusive = exclusiveMax instanceof BoolValue b && b.value();
			if (exclusive ? n.compareTo(max) >= 0 : n.compareTo(max) > 0) {
				out.add(exclusive ? failure("number_lt", path, "Must be less than " + max)
						: failure("number_lte", path, "Must be less than or equal to " + max));
			}
		}
		if (exclusiveMax instanceof NumberValue max && n.compareTo(max) >= 0) {
			out.add(failure("number_lt", path, "Must be less than " + max));
		}
	}

	/**
	 * Whether a string has a format; formats this validator does not know always match.
	 */
	static boolean matchesFormat(String format, String s) {
		try {
			return switch (format) {
				case "date-time" -> OffsetDateTime.parse(s.toUpperCase(java.util.Locale.ROOT)) != null;
				case "date" -> LocalDate.parse(s) != null;
				case "time" -> s.matches("(?i)\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(z|[+-]\\d{2}:\\d{2})");
				case "email" -> s.matches("[^@\\s]+@[^@\\s]+");
				case "hostname" -> s.length() <= 255 && s
					.matches("(?i)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*\\.?");
				case "ipv4" ->
					s.matches("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
				case "ipv6" -> s.contains(":") && s.matches("[0-9a-fA-F:.]+") && NetAddress.isIpv6(s);
				case "uri" -> new URI(s).isAbsolute();
				case "uri-reference" -> new URI(s) != null;
				case "uuid" -> s.matches("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
				case "regex" -> Pattern.compile(s) != null;
				case "json-pointer" -> s.isEmpty() || s.matches("(/([^~/]|~[01])*)+");
				default -> true;
			};
		}
		catch (URISyntaxException | RuntimeException ex) {
			return false;
		}
	}

	private static List<JsonSchema.Failure> sub(JsonSchema js, Value schema, Value doc, String path, int depth) {
		List<JsonSchema.Failure> failures = new ArrayList<>();
		js.validateChild(schema, doc, path, failures, depth);
		return failures;
	}

	/** IPv6 text, checked without name resolution. */
	private static final class NetAddress {

		static boolean isIpv6(String s) {
			try {
				return java.net.InetAddress.getByName("[" + s + "]") instanceof java.net.Inet6Address;
			}
			catch (java.net.UnknownHostException ex) {
				return false;
			}
		}

	}

}
