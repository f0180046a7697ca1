package dev.cairn.conformance;

import java.util.List;
import java.util.Map;

import io.modelcontextprotocol.server.McpServerFeatures.SyncCompletionSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.GetPromptResult;
import io.modelcontextprotocol.spec.McpSchema.PromptArgument;
import io.modelcontextprotocol.spec.McpSchema.PromptMessage;
import io.modelcontextprotocol.spec.McpSchema.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The fixture prompts of the conformance suite's prompt scenarios, and completion for the
 * arguments of {@code test_prompt_with_arguments}.
 */
@Configuration(proxyBeanMethods = false)
@Profile("conformance")
class ConformancePrompts {

	static final String WITH_ARGUMENTS = "test_prompt_with_arguments";

	private static final List<String> SUGGESTIONS = List.of("paris", "park", "party", "test", "testing");

	@Bean
	List<SyncPromptSpecification> fixturePrompts() {
		return List
			.of(new SyncPromptSpecification(
					new McpSchema.Prompt("test_simple_prompt", "A prompt without arguments.", List.of()),
					(exchange, request) -> result(user("This is a simple prompt for testing."))),
					new SyncPromptSpecification(
							new McpSchema.Prompt(WITH_ARGUMENTS, "A prompt with two required arguments.",
									List.of(new PromptArgument("arg1", "First test argument", true),
											new PromptArgument("arg2", "Second test argument", true))),
							(exchange, request) -> result(
									user("Prompt with arguments: arg1='" + argument(request.arguments(), "arg1")
											+ "', arg2='" + argument(request.arguments(), "arg2") + "'"))),
					new SyncPromptSpecification(new McpSchema.Prompt("test_prompt_with_embedded_resource",
							"A prompt that embeds the resource it is given.", List.of(new PromptArgument("resourceUri",
									"URI of the resource to embed", true))),
							(exchange, request) -> result(
									new PromptMessage(Role.USER,
											new McpSchema.EmbeddedResource(null,
													new McpSchema.TextResourceContents(
															argument(request.arguments(), "resourceUri"), "text/plain",
															"Embedded resource content for testing."))),
									user("Please process the embedded resource above."))),
					new SyncPromptSpecification(
							new McpSchema.Prompt("test_prompt_with_image", "A prompt with an image.", List.of()),
							(exchange, request) -> result(
									new PromptMessage(Role.USER,
											new McpSchema.ImageContent(null, Fixtures.PNG, "image/png")),
									user("Please analyze the image above."))));
	}

	@Bean
	List<SyncCompletionSpecification> fixtureCompletions() {
		return List
			.of(new SyncCompletionSpecification(new McpSchema.PromptReference(WITH_ARGUMENTS), (exchange, request) -> {
				String prefix = (request.argument().value() != null) ? request.argument().value() : "";
				List<String> values = SUGGESTIONS.stream().filter((value) -> value.startsWith(prefix)).toList();
				return new McpSchema.CompleteResult(
						new McpSchema.CompleteResult.CompleteCompletion(values, values.size(), false));
			}));
	}

	private static GetPromptResult result(PromptMessage... messages) {
		return new GetPromptResult(null, List.of(messages));
	}

	private static PromptMessage user(String text) {
		return new PromptMessage(Role.USER, new McpSchema.TextContent(text));
	}

	private static String argument(Map<String, Object> arguments, String name) {
		Object value = (arguments != null) ? arguments.get(name) : null;
		if (value == null) {
			throw new IllegalArgumentException("argument '" + name + "' is required");
		}
		return String.valueOf(value);
	}

}
