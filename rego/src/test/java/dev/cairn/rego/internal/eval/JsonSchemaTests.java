package dev.cairn.rego.internal.eval;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.cairn.rego.value.Values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class JsonSchemaTests {

	private static final String SCHEMA = """
			{
			  "definitions": {"port": {"type": "integer", "minimum": 1, "maximum": 65535}},
			  "type": "object",
			  "required": ["name", "ports"],
			  "additionalProperties": false,
			  "properties": {
			    "name": {"type": "string", "minLength": 2, "pattern": "^[a-z]+$"},
			    "tier": {"enum": ["gold", "silver"]},
			    "ports": {"type": "array", "items": {"$ref": "#/definitions/port"}, "uniqueItems": true},
			    "owner": {"anyOf": [{"type": "string"}, {"type": "null"}]}
			  }
			}
			""";

	@Test
	void aMatchingDocumentHasNoFailures() {
		assertThat(failures("{\"name\": \"api\", \"tier\": \"gold\", \"ports\": [80, 443], \"owner\": null}"))
			.isEmpty();
	}

	@Test
	void failuresNameTheFieldAndTheRuleAsOpaDoes() {
		List<JsonSchema.Failure> failures = failures(
				"{\"name\": \"A\", \"tier\": \"bronze\", \"ports\": [80, 0, 80], \"owner\": 5, \"extra\": 1}");
		assertThat(failures).extracting(JsonSchema.Failure::error)
			.containsExactlyInAnyOrder("name: String length must be greater than or equal to 2",
					"name: Does not match pattern '^[a-z]+$'",
					"tier: tier must be one of the following: \"gold\", \"silver\"",
					"ports: array items must be unique", "ports.1: Must be greater than or equal to 1",
					"owner: Must validate at least one schema (anyOf)",
					"owner: Invalid type. Expected: string, given: integer",
					"(root): Additional property extra is not allowed");
		assertThat(failures).extracting(JsonSchema.Failure::type)
			.contains("string_gte", "pattern", "enum", "unique", "number_gte", "number_any_of", "invalid_type",
					"additional_property_not_allowed");
	}

	@Test
	void missingRequiredPropertiesAreReportedOnTheObject() {
		assertThat(failures("{\"name\": \"ab\"}")).extracting(JsonSchema.Failure::error)
			.containsExactly("(root): ports is required");
	}

	@Test
	void draft4AndDraft6ExclusiveBoundsBothWork() {
		JsonSchema draft4 = JsonSchema.compile(Values.parseJson("{\"minimum\": 5, \"exclusiveMinimum\": true}"));
		JsonSchema draft6 = JsonSchema.compile(Values.parseJson("{\"exclusiveMaximum\": 5}"));
		assertThat(draft4.validate(Values.parseJson("5"))).extracting(JsonSchema.Failure::description)
			.containsExactly("Must be greater than 5");
		assertThat(draft6.validate(Values.parseJson("5"))).extracting(JsonSchema.Failure::type)
			.containsExactly("number_lt");
		assertThat(draft6.validate(Values.parseJson("4.5"))).isEmpty();
	}

	@Test
	void conditionalsAndBooleanSchemas() {
		JsonSchema schema = JsonSchema.compile(Values.parseJson(
				"{\"if\": {\"properties\": {\"kind\": {\"const\": \"db\"}}}, \"then\": {\"required\": [\"size\"]},"
						+ " \"properties\": {\"legacy\": false}}"));
		assertThat(schema.validate(Values.parseJson("{\"kind\": \"db\"}"))).extracting(JsonSchema.Failure::type)
			.containsExactly("required", "condition_then");
		assertThat(schema.validate(Values.parseJson("{\"kind\": \"web\", \"legacy\": 1}")))
			.extracting(JsonSchema.Failure::error)
			.containsExactly("legacy: False always fails validation");
	}

	@Test
	void invalidSchemasAreRejectedBeforeValidating() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> JsonSchema.compile(Values.parseJson("{\"minLength\": -1}")))
			.withMessage("minLength must be greater than or equal to 0");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> JsonSchema.compile(Values.parseJson("{\"type\": [\"string\", \"string\"]}")))
			.withMessage("string type is duplicated");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> JsonSchema.compile(Values.parseJson("{\"pattern\": \"(\"}")))
			.withMessage("Invalid regex pattern '('");
	}

	private static List<JsonSchema.Failure> failures(String document) {
		return JsonSchema.compile(Values.parseJson(SCHEMA)).validate(Values.parseJson(document));
	}

}
