package dev.cairn.conformance;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

import dev.cairn.mcp.CairnTool;
import dev.cairn.mcp.ToolContent;
import dev.cairn.mcp.ToolContext;
import dev.cairn.mcp.ToolContext.LogLevel;
import dev.cairn.mcp.ToolResult;

import static dev.cairn.conformance.Fixtures.object;

/**
 * The fixture tools, named and answering as the conformance suite's tool scenarios
 * describe them.
 */
@Configuration(proxyBeanMethods = false)
@Profile("conformance")
class ConformanceTools {

	static final String SCHEMA_2020_12 = "https://json-schema.org/draft/2020-12/schema";

	@Bean
	CairnTool<NoInput> testSimpleText() {
		return FixtureTool.of("test_simple_text", "returns one text item.", NoInput.class,
				(input, context) -> ToolResult.ok("This is a simple text response for testing.", null));
	}

	@Bean
	CairnTool<NoInput> testImageContent() {
		return FixtureTool.of("test_image_content", "returns a 1x1 PNG image.", NoInput.class,
				(input, context) -> ToolResult.ok("A 1x1 red PNG image follows.", null)
					.withContent(new ToolContent.Image(Fixtures.PNG, "image/png")));
	}

	@Bean
	CairnTool<NoInput> testAudioContent() {
		return FixtureTool.of("test_audio_content", "returns a short WAV sound.", NoInput.class,
				(input, context) -> ToolResult.ok("A short WAV sound follows.", null)
					.withContent(new ToolContent.Audio(Fixtures.WAV, "audio/wav")));
	}

	@Bean
	CairnTool<NoInput> testEmbeddedResource() {
		return FixtureTool.of("test_embedded_resource", "returns an embedded text resource.", NoInput.class,
				(input, context) -> ToolResult.ok("An embedded resource follows.", null)
					.withContent(new ToolContent.Resource("test://embedded-resource", "text/plain",
							"This is an embedded resource content.")));
	}

	@Bean
	CairnTool<NoInput> testMultipleContentTypes() {
		return FixtureTool.of("test_multiple_content_types", "returns text, an image and an embedded resource.",
				NoInput.class,
				(input, context) -> ToolResult.ok("Multiple content types test:", null)
					.withContent(new ToolContent.Image(Fixtures.PNG, "image/png"), new ToolContent.Resource(
							"test://mixed-content-resource", "application/json", "{\"test\":\"data\",\"value\":123}")));
	}

	@Bean
	CairnTool<NoInput> testToolWithLogging() {
		return FixtureTool.of("test_tool_with_logging", "sends three info log messages while it runs.", NoInput.class,
				(input, context) -> {
					context.log(LogLevel.INFO, "Tool execution started");
					Fixtures.pause(50);
					context.log(LogLevel.INFO, "Tool processing data");
					Fixtures.pause(50);
					context.log(LogLevel.INFO, "Tool execution completed");
					return ToolResult.ok("Tool with logging executed successfully.", null);
				});
	}

	@Bean
	CairnTool<NoInput> testToolWithProgress() {
		return FixtureTool.of("test_tool_with_progress", "reports progress 0, 50 and 100 of 100.", NoInput.class,
				(input, context) -> {
					context.progress(0, 100.0, "started");
					Fixtures.pause(50);
					context.progress(50, 100.0, "half way");
					Fixtures.pause(50);
					context.progress(100, 100.0, "done");
					return ToolResult.ok("Tool with progress executed successfully.", null);
				});
	}

	@Bean
	CairnTool<NoInput> testErrorHandling() {
		return FixtureTool.of("test_error_handling", "always answers with an error result.", NoInput.class,
				(input, context) -> ToolResult.error("This tool intentionally returns an error for testing"));
	}

	@Bean
	CairnTool<SamplingInput> testSampling() {
		return FixtureTool.of("test_sampling", "asks the client's model to answer the prompt.", SamplingInput.class,
				(input, context) -> ToolResult.ok("LLM response: " + context.sample(input.prompt(), 100), null));
	}

	@Bean
	CairnTool<ElicitationInput> testElicitation() {
		Map<String, Object> schema = object("type", "object", "properties",
				object("username", object("type", "string", "description", "User's response"), "email",
						object("type", "string", "description", "User's email address")),
				"required", List.of("username", "email"));
		return FixtureTool.of("test_elicitation", "asks the user for a username and an e-mail address.",
				ElicitationInput.class, (input, context) -> {
					ToolContext.Elicitation answer = context.elicit(input.message(), schema);
					return ToolResult.ok("User response: action=" + answer.action() + ", content=" + answer.content(),
							null);
				});
	}

	@Bean
	CairnTool<NoInput> testElicitationSep1034Defaults() {
		Map<String, Object> schema = object("type", "object", "properties",
				object("name", object("type", "string", "default", "John Doe"), "age",
						object("type", "integer", "default", 30), "score", object("type", "number", "default", 95.5),
						"status",
						object("type", "string", "enum", List.of("active", "inactive", "pending"), "default", "active"),
						"verified", object("type", "boolean", "default", true)));
		return FixtureTool.of("test_elicitation_sep1034_defaults",
				"asks the user for values whose schema carries defaults of every primitive type (SEP-1034).",
				NoInput.class, (input, context) -> completed(context.elicit("Please review these values", schema)));
	}

	@Bean
	CairnTool<NoInput> testElicitationSep1330Enums() {
		Map<String, Object> schema = object("type", "object", "properties",
				object("untitledSingle", object("type", "string", "enum", List.of("option1", "option2", "option3")),
						"titledSingle",
						object("type", "string", "oneOf",
								List.of(object("const", "value1", "title", "First Option"),
										object("const", "value2", "title", "Second Option"),
										object("const", "value3", "title", "Third Option"))),
						"legacyEnum",
						object("type", "string", "enum", List.of("opt1", "opt2", "opt3"), "enumNames",
								List.of("Option One", "Option Two", "Option Three")),
						"untitledMulti",
						object("type", "array", "items",
								object("type", "string", "enum", List.of("option1", "option2", "option3"))),
						"titledMulti",
						object("type", "array", "items",
								object("anyOf",
										List.of(object("const", "value1", "title", "First Choice"),
												object("const", "value2", "title", "Second Choice"),
												object("const", "value3", "title", "Third Choice"))))));
		return FixtureTool.of("test_elicitation_sep1330_enums",
				"asks the user to choose from each of the five enum forms (SEP-1330).", NoInput.class,
				(input, context) -> completed(context.elicit("Please choose", schema)));
	}

	@Bean
	CairnTool<JsonSchemaInput> jsonSchema202012Tool() {
		// Written by hand: the generator leaves out $schema and inlines records used
		// once,
		// and the scenario checks that both survive the listing.
		Map<String, Object> address = object("type", "object", "properties",
				object("street", object("type", "string"), "city", object("type", "string")), "additionalProperties",
				false);
		Map<String, Object> schema = object("$schema", SCHEMA_2020_12, "type", "object", "$defs",
				object("address", address), "properties",
				object("name", object("type", "string"), "address", object("$ref", "#/$defs/address")),
				"additionalProperties", false);
		return new FixtureTool<>(
				FixtureTool.descriptor("json_schema_2020_12_tool",
						"Tool with JSON Schema 2020-12 features; echoes its input."),
				JsonSchemaInput.class, schema, (input, context) -> ToolResult.ok("Received " + input, input));
	}

	@Bean
	CairnTool<NoInput> testReconnection() {
		// The reference fixture closes its SSE stream mid-call to test resumption; the
		// Java SDK's transport gives a handler no way to do that, so this one just
		// answers after a pause.
		return FixtureTool.of("test_reconnection", "answers after a short pause (SSE polling scenario).", NoInput.class,
				(input, context) -> {
					Fixtures.pause(100);
					return ToolResult.ok("Reconnection test completed.", null);
				});
	}

	private static ToolResult completed(ToolContext.Elicitation answer) {
		return ToolResult.ok("Elicitation completed: action=" + answer.action() + ", content=" + answer.content(),
				null);
	}

	/** No arguments. */
	record NoInput() {
	}

	record SamplingInput(@JsonProperty(
			required = true) @JsonPropertyDescription("The prompt to send to the client's model") String prompt) {
	}

	record ElicitationInput(
			@JsonProperty(required = true) @JsonPropertyDescription("The message to show the user") String message) {
	}

	record JsonSchemaInput(String name, Address address) {

		record Address(String street, String city) {
		}

	}

}
