package dev.cairn.mcp;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import dev.cairn.audit.AuditQuery;
import dev.cairn.audit.AuditTrail;
import dev.cairn.audit.AuditedCall;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guardrails end to end over MCP: two agents with API tokens, one acting for a member
 * of the team that owns payment-api and one acting for a developer of another team, call
 * a tool that changes the entity. The policy in {@code policies/} allows the owner's
 * agent, denies the other with a reason it can read, and both calls are in the audit
 * trail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "cairn.identity.tokens[0].name=alice-agent",
				"cairn.identity.tokens[0].token=alice-agent-token-0001",
				"cairn.identity.tokens[0].principal=agent:default/alice-agent", "cairn.identity.tokens[0].kind=agent",
				"cairn.identity.tokens[0].acting-for=user:default/alice", "cairn.identity.tokens[1].name=dana-agent",
				"cairn.identity.tokens[1].token=dana-agent-token-0001",
				"cairn.identity.tokens[1].principal=agent:default/dana-agent", "cairn.identity.tokens[1].kind=agent",
				"cairn.identity.tokens[1].acting-for=user:default/dana" })
class GuardrailsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	AuditTrail audit;

	@Autowired
	LabelTool labelTool;

	@Test
	void anAgentActingForANonOwnerIsDeniedAMutationAndTheOwnersAgentIsAllowed() {
		Map<String, Object> args = Map.of("ref", "payment-api", "environment", "staging", "label", "reviewed");
		McpSchema.CallToolResult denied = call("dana-agent-token-0001", args);
		assertThat(denied.isError()).isTrue();
		assertThat(McpClients.text(denied)).startsWith("catalog_label_entity was denied by policy (")
			.contains("not_owner");
		assertThat(this.labelTool.runs).hasValue(0);

		McpSchema.CallToolResult allowed = call("alice-agent-token-0001", args);
		assertThat(allowed.isError()).as(McpClients.text(allowed)).isFalse();
		assertThat(this.labelTool.runs).hasValue(1);

		List<AuditedCall> calls = this.audit
			.search(new AuditQuery(null, "catalog_label_entity", null, null, null, null, null, null, 10))
			.items();
		assertThat(calls)
			.extracting(AuditedCall::principal, AuditedCall::onBehalfOf, AuditedCall::decision, AuditedCall::outcome)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple("agent:default/alice-agent", "user:default/alice", "allow",
							"success"),
					org.assertj.core.groups.Tuple.tuple("agent:default/dana-agent", "user:default/dana", "deny",
							"denied"));
		assertThat(calls.get(1).reasons()).contains("not_owner");
		assertThat(calls).allSatisfy((c) -> assertThat(c.policyRevision()).isNotBlank());
	}

	@Test
	void anAgentListsTheChangingToolForItsUsersOwnEntitiesAndTheCatalogTools() {
		McpSyncClient client = McpClients.http(this.port, "dana-agent-token-0001");
		try {
			List<String> names = client.listTools().tools().stream().map(McpSchema.Tool::name).toList();
			// Dana's team owns entities it may label, so the tool is listed; on
			// payment-api the call is still denied (above).
			assertThat(names).contains("catalog_search", "catalog_get_entity", "catalog_label_entity");
		}
		finally {
			client.closeGracefully();
		}
	}

	private McpSchema.CallToolResult call(String token, Map<String, Object> args) {
		McpSyncClient client = McpClients.http(this.port, token);
		try {
			return client.callTool(new McpSchema.CallToolRequest("catalog_label_entity", args));
		}
		finally {
			client.closeGracefully();
		}
	}

	/** The arguments of the test tool: an entity, an environment and a label to add. */
	record LabelInput(String ref, String environment, String label) {
	}

	/** A mutating tool, so that the owner rules apply; it only counts its runs. */
	static class LabelTool implements CairnTool<LabelInput> {

		final AtomicInteger runs = new AtomicInteger();

		@Override
		public ToolDescriptor descriptor() {
			return new ToolDescriptor("catalog_label_entity", "Label an entity", "Adds a label to an entity.", false,
					false, true, false);
		}

		@Override
		public Class<LabelInput> inputType() {
			return LabelInput.class;
		}

		@Override
		public String target(LabelInput input) {
			return input.ref();
		}

		@Override
		public ToolResult call(LabelInput input, ToolContext context) {
			this.runs.incrementAndGet();
			return ToolResult.ok("labelled " + input.ref(), null);
		}

	}

	@TestConfiguration
	static class Tools {

		@Bean
		LabelTool labelTool() {
			return new LabelTool();
		}

	}

}
