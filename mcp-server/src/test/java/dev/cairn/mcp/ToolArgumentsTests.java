package dev.cairn.mcp;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ToolArgumentsTests {

	enum Mode {

		fast, slow

	}

	record Input(@JsonProperty(required = true) @JsonPropertyDescription("the ref") String ref,
			@Range(min = 1, max = 10) Integer depth, Mode mode, List<String> tags) {

		Input {
			if (ref != null && ref.contains(" ")) {
				throw new ToolInputException("ref", "must not contain spaces");
			}
		}

	}

	private final Map<String, Object> schema = ToolArguments.schemaOf(Input.class);

	@Test
	void schemaDescribesRequiredFieldsBoundsEnumsAndForbidsUnknownProperties() {
		assertThat(this.schema).containsEntry("type", "object")
			.containsEntry("required", List.of("ref"))
			.containsEntry("additionalProperties", false)
			.doesNotContainKey("$schema");
		@SuppressWarnings("unchecked")
		Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) this.schema.get("properties");
		assertThat(properties.get("ref")).containsEntry("type", "string").containsEntry("description", "the ref");
		assertThat(properties.get("depth")).containsEntry("type", "integer");
		assertThat(((Number) properties.get("depth").get("minimum")).intValue()).isEqualTo(1);
		assertThat(((Number) properties.get("depth").get("maximum")).intValue()).isEqualTo(10);
		assertThat(properties.get("mode")).containsEntry("enum", List.of("fast", "slow"));
	}

	@Test
	void bindsValidArguments() {
		Input input = ToolArguments.bind(Map.of("ref", "a", "depth", 3, "mode", "slow", "tags", List.of("x")),
				Input.class, ToolArguments.required(this.schema));
		assertThat(input).isEqualTo(new Input("a", 3, Mode.slow, List.of("x")));
	}

	@Test
	void namesTheFieldAtFault() {
		assertThatExceptionOfType(ToolInputException.class).isThrownBy(() -> bind(Map.of("depth", 3)))
			.withMessage("argument 'ref': is required");
		assertThatExceptionOfType(ToolInputException.class).isThrownBy(() -> bind(Map.of("ref", "a", "depth", 11)))
			.withMessage("argument 'depth': must be between 1 and 10, got 11");
		assertThatExceptionOfType(ToolInputException.class).isThrownBy(() -> bind(Map.of("ref", "a", "depth", "deep")))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("depth"));
		assertThatExceptionOfType(ToolInputException.class).isThrownBy(() -> bind(Map.of("ref", "a", "colour", "red")))
			.satisfies((ex) -> assertThat(ex.getMessage())
				.startsWith("argument 'colour': is not a parameter of this tool"));
		assertThatExceptionOfType(ToolInputException.class).isThrownBy(() -> bind(Map.of("ref", "a", "mode", "warp")))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("mode"));
		assertThatExceptionOfType(ToolInputException.class).isThrownBy(() -> bind(Map.of("ref", "a b")))
			.withMessage("argument 'ref': must not contain spaces");
	}

	private Input bind(Map<String, Object> arguments) {
		return ToolArguments.bind(arguments, Input.class, ToolArguments.required(this.schema));
	}

}
