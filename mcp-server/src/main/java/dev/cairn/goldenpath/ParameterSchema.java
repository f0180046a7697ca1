package dev.cairn.goldenpath;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A template's parameters: a JSON Schema (draft 2020-12) of an object. Checked against
 * the draft's meta-schema when loaded; validates and completes (with defaults) the
 * parameters of a render or run.
 */
public final class ParameterSchema {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final SchemaRegistry REGISTRY = SchemaRegistry
		.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

	private static final String META_SCHEMA = "https://json-schema.org/draft/2020-12/schema";

	private final Map<String, Object> raw;

	private final Schema schema;

	/**
	 * A problem of a schema as written.
	 *
	 * @param field the field below {@code spec.parameters}, e.g.
	 * {@code .properties.name.type}
	 * @param message what is wrong
	 */
	record SchemaProblem(String field, String message) {
	}

	private ParameterSchema(Map<String, Object> raw, Schema schema) {
		this.raw = raw;
		this.schema = schema;
	}

	/**
	 * The problems of a schema as written, each as a field below {@code spec.parameters}
	 * and a message; empty when it is a valid schema of an object.
	 */
	static List<SchemaProblem> problemsOf(Object raw) {
		List<SchemaProblem> problems = new ArrayList<>();
		if (!(raw instanceof Map<?, ?> map)) {
			problems.add(new SchemaProblem("", "must be a JSON Schema object"));
			return problems;
		}
		JsonNode node = JSON.valueToTree(map);
		for (com.networknt.schema.Error error : REGISTRY.getSchema(SchemaLocation.of(META_SCHEMA)).validate(node)) {
			problems.add(new SchemaProblem(fieldOf(error.getInstanceLocation().toString(), null),
					"not a valid JSON Schema: " + error.getMessage()));
		}
		if (!"object".equals(map.get("type"))) {
			problems.add(new SchemaProblem(".type", "must be object"));
		}
		if (!(map.get("properties") instanceof Map<?, ?> properties) || !properties.containsKey("name")) {
			problems.add(new SchemaProblem(".properties", "must declare the parameter name"));
		}
		checkPatterns(node, "", problems);
		return problems;
	}

	/** Regular expressions are compiled lazily by the validator: compile them now. */
	private static void checkPatterns(JsonNode node, String field, List<SchemaProblem> problems) {
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> entry : node.properties()) {
				String child = field + "." + entry.getKey();
				if (entry.getKey().equals("pattern") && entry.getValue().isString()) {
					compile(entry.getValue().asString(), child, problems);
				}
				if (entry.getKey().equals("patternProperties") && entry.getValue().isObject()) {
					entry.getValue().propertyNames().forEach((regex) -> compile(regex, child, problems));
				}
				checkPatterns(entry.getValue(), child, problems);
			}
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				checkPatterns(node.get(i), field + "[" + i + "]", problems);
			}
		}
	}

	private static void compile(String regex, String field, List<SchemaProblem> problems) {
		try {
			Pattern.compile(regex);
		}
		catch (PatternSyntaxException ex) {
			problems.add(new SchemaProblem(field, "not a valid regular expression: " + ex.getDescription()));
		}
	}

	/**
	 * A schema that {@link #problemsOf} found sound.
	 * @throws IllegalArgumentException when the validator still refuses it
	 */
	@SuppressWarnings("unchecked")
	static ParameterSchema of(Object raw) {
		try {
			Map<String, Object> copy = (Map<String, Object>) raw;
			return new ParameterSchema(Collections.unmodifiableMap(new LinkedHashMap<>(copy)),
					REGISTRY.getSchema(JSON.valueToTree(copy)));
		}
		catch (SchemaException ex) {
			throw new IllegalArgumentException("not a valid JSON Schema: " + ex.getMessage(), ex);
		}
	}

	/** The schema as written in the definition. */
	public Map<String, Object> raw() {
		return this.raw;
	}

	/** The declared parameters, in definition order. */
	@SuppressWarnings("unchecked")
	public Map<String, Map<String, Object>> properties() {
		Object properties = this.raw.get("properties");
		return (properties instanceof Map) ? (Map<String, Map<String, Object>>) properties : Map.of();
	}

	/** The names of the declared parameters. */
	public Set<String> names() {
		return properties().keySet();
	}

	/** The names of the required parameters. */
	public List<String> required() {
		Object required = this.raw.get("required");
		return (required instanceof List<?> list) ? list.stream().map(String::valueOf).toList() : List.of();
	}

	/**
	 * Validates parameters and fills in the defaults of those not given.
	 * @return the parameters with defaults, in schema order, then any others
	 * @throws InvalidParametersException naming every field that is wrong
	 */
	public Map<String, Object> validate(Map<String, Object> given) {
		Map<String, Object> complete = new LinkedHashMap<>();
		properties().forEach((name, property) -> {
			if (given.containsKey(name)) {
				complete.put(name, given.get(name));
			}
			else if (property != null && property.containsKey("default")) {
				complete.put(name, property.get("default"));
			}
		});
		given.forEach(complete::putIfAbsent);
		List<String> errors = new ArrayList<>();
		for (com.networknt.schema.Error error : this.schema.validate(JSON.valueToTree(complete))) {
			errors.add("parameters" + fieldOf(error.getInstanceLocation().toString(), error.getProperty()) + ": "
					+ messageOf(error));
		}
		if (!errors.isEmpty()) {
			throw new InvalidParametersException(errors.stream().distinct().sorted().toList());
		}
		return complete;
	}

	private static String messageOf(com.networknt.schema.Error error) {
		String keyword = String.valueOf(error.getKeyword());
		if (keyword.equals("required")) {
			return "is required";
		}
		if (keyword.equals("additionalProperties")) {
			return "is not a parameter of this template";
		}
		if (keyword.equals("pattern") && error.getSchemaNode() != null && error.getSchemaNode().isString()) {
			return "must match " + error.getSchemaNode().asString();
		}
		return error.getMessage();
	}

	/** A JSON pointer (and a property named by the error) as a dotted field. */
	private static String fieldOf(String pointer, String property) {
		StringBuilder field = new StringBuilder();
		for (String part : pointer.split("/")) {
			if (!part.isEmpty()) {
				field.append(part.chars().allMatch(Character::isDigit) ? "[" + part + "]" : "." + part);
			}
		}
		if (property != null) {
			field.append('.').append(property);
		}
		return field.toString();
	}

}
