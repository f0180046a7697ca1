package dev.cairn.diagnosis;

import java.util.Map;

import dev.cairn.mcp.McpClients;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a newcomer sees: Cairn started with no configuration (the sandbox profile, its
 * embedded platform with checkout-web broken in staging), asked over MCP by a real client
 * why the deploy is failing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DiagnoseFromFreshStartIntegrationTests {

	@LocalServerPort
	int port;

	McpSyncClient client;

	@BeforeEach
	void connect() {
		this.client = McpClients.http(this.port);
	}

	@AfterEach
	void close() {
		this.client.closeGracefully();
	}

	@Test
	void theServiceBrokenAtStartIsDiagnosedWithItsRootCauseEvidenceOwnerAndOnCall() {
		McpSchema.CallToolResult result = this.client.callTool(new McpSchema.CallToolRequest("deployment_diagnose",
				Map.of("service", "checkout-web", "environment", "staging")));

		assertThat(result.isError()).isFalse();
		String text = McpClients.text(result);
		assertThat(text).startsWith("FAILING: checkout-web in staging is failing: CONFIG_MISSING");
		assertThat(text).contains("[root cause] CONFIG_MISSING", "is not set", "last exit 1 (Error)",
				"Change: checkout-web", "Owner: group:default/team-checkout", "on call: ");
		@SuppressWarnings("unchecked")
		Map<String, Object> structured = (Map<String, Object>) result.structuredContent();
		assertThat(structured).containsEntry("verdict", "FAILING")
			.containsEntry("owner", "group:default/team-checkout");
		@SuppressWarnings("unchecked")
		Map<String, Object> root = (Map<String, Object>) ((java.util.List<Object>) structured.get("findings")).get(0);
		assertThat(root).containsEntry("code", "CONFIG_MISSING").containsEntry("role", "ROOT_CAUSE");
		assertThat((Map<String, Object>) root.get("change")).containsKeys("version", "commit", "author", "at");
	}

	@Test
	void aHealthyServiceInTheSandboxIsDiagnosedHealthy() {
		McpSchema.CallToolResult result = this.client.callTool(new McpSchema.CallToolRequest("deployment_diagnose",
				Map.of("service", "payment-api", "environment", "production")));

		assertThat(McpClients.text(result)).startsWith("HEALTHY: payment-api in production is healthy:")
			.contains("3/3 ready", "no warning events");
	}

}
