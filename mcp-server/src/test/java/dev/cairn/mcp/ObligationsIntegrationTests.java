package dev.cairn.mcp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The policy's obligations applied over MCP: the shipped guardrails with their settings
 * changed the way a platform team would change them (people's e-mail addresses redacted,
 * agents limited to three items per listing). An agent and a developer read the same
 * entity and search the same catalog; what each gets back follows the decision.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "cairn.identity.tokens[0].name=dana-agent",
				"cairn.identity.tokens[0].token=dana-agent-token-0001",
				"cairn.identity.tokens[0].principal=agent:default/dana-agent", "cairn.identity.tokens[0].kind=agent",
				"cairn.identity.tokens[0].acting-for=user:default/dana" })
class ObligationsIntegrationTests {

	private static final String EMAIL = "dana.demo@acme.example.com";

	private static final Path POLICIES = policiesWithObligations();

	@DynamicPropertySource
	static void policies(DynamicPropertyRegistry registry) {
		registry.add("cairn.policy.dir", POLICIES::toString);
		registry.add("cairn.policy.watch", () -> "false");
	}

	@LocalServerPort
	int port;

	@Test
	void redactedFieldsLeaveBothTheStructuredResultAndTheText() {
		for (String token : new String[] { null, "dana-agent-token-0001" }) {
			McpSchema.CallToolResult result = call(token, "catalog_get_entity", Map.of("ref", "user:default/dana"));
			assertThat(result.isError()).as(McpClients.text(result)).isFalse();

			assertThat(McpClients.text(result)).contains("Dana Demo").doesNotContain(EMAIL);
			assertThat(String.valueOf(result.structuredContent())).contains("Dana Demo").doesNotContain(EMAIL);
		}
	}

	@Test
	void agentsGetAtMostThePolicysLimitWhateverTheyAskAndDevelopersWhatTheyAsk() {
		Map<String, Object> args = Map.of("kind", "Component", "limit", 10);
		McpSchema.CallToolResult agent = call("dana-agent-token-0001", "catalog_search", args);
		McpSchema.CallToolResult developer = call(null, "catalog_search", args);
		assertThat(items(agent)).hasSize(3);
		assertThat(items(developer)).hasSize(10);
		assertThat(McpClients.text(agent)).contains("more");
	}

	private static List<?> items(McpSchema.CallToolResult result) {
		assertThat(result.isError()).as(McpClients.text(result)).isFalse();
		Map<?, ?> structured = (Map<?, ?>) result.structuredContent();
		return (List<?>) structured.get("items");
	}

	private McpSchema.CallToolResult call(String token, String tool, Map<String, Object> args) {
		McpSyncClient client = McpClients.http(this.port, token);
		try {
			return client.callTool(new McpSchema.CallToolRequest(tool, args));
		}
		finally {
			client.closeGracefully();
		}
	}

	private static Path policiesWithObligations() {
		Path folder = TestPolicies.copyOfShipped();
		try {
			Path data = folder.resolve("data.json");
			String settings = Files.readString(data);
			String changed = settings.replace("\"redact_fields\": []", "\"redact_fields\": [\"spec.profile.email\"]")
				.replace("\"agent_result_limit\": 100", "\"agent_result_limit\": 3");
			assertThat(changed).isNotEqualTo(settings).contains("\"agent_result_limit\": 3");
			Files.writeString(data, changed);
			return folder;
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
