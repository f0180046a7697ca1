package dev.cairn.mcp;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cairn as a local process speaking MCP over stdio, started the way an MCP client
 * configuration starts it ({@code --stdio}), driven by the MCP Java SDK client. Anything
 * but JSON-RPC on stdout would break the session, so this also proves stdout stays clean.
 */
class StdioIntegrationTests {

	@Test
	void listsAndCallsEachCatalogToolOverStdio() {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		ServerParameters parameters = ServerParameters.builder(java)
			.args("-cp", System.getProperty("java.class.path"), "dev.cairn.CairnApplication", "--stdio")
			.build();
		StdioClientTransport transport = new StdioClientTransport(parameters,
				new JacksonMcpJsonMapper(JsonMapper.builder().build()));
		McpSyncClient client = McpClient.sync(transport)
			.clientInfo(new McpSchema.Implementation("stdio-tests", "1.0"))
			.initializationTimeout(Duration.ofSeconds(60))
			.requestTimeout(Duration.ofSeconds(30))
			.build();
		try {
			McpSchema.InitializeResult init = client.initialize();
			assertThat(init.serverInfo().name()).isEqualTo("cairn");
			assertThat(client.listTools().tools()).hasSize(13);
			for (Map.Entry<String, Map<String, Object>> call : McpClients.CATALOG_CALLS.entrySet()) {
				McpSchema.CallToolResult result = client
					.callTool(new McpSchema.CallToolRequest(call.getKey(), call.getValue()));
				assertThat(result.isError()).as(McpClients.text(result)).isFalse();
			}
			McpSchema.CallToolResult entity = client
				.callTool(new McpSchema.CallToolRequest("catalog_get_entity", Map.of("ref", "group:team-payments")));
			assertThat(McpClients.text(entity)).contains("group:default/team-payments");
		}
		finally {
			client.closeGracefully();
		}
	}

	@Test
	void theLangChain4jClientListsAndCallsEachCatalogToolOverStdio() throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		dev.langchain4j.mcp.client.McpClient client = new dev.langchain4j.mcp.client.DefaultMcpClient.Builder()
			.transport(new dev.langchain4j.mcp.client.transport.stdio.StdioMcpTransport.Builder()
				.command(List.of(java, "-cp", System.getProperty("java.class.path"), "dev.cairn.CairnApplication",
						"--stdio"))
				.build())
			.clientName("langchain4j-stdio-tests")
			.initializationTimeout(Duration.ofSeconds(60))
			.toolExecutionTimeout(Duration.ofSeconds(30))
			.build();
		try {
			assertThat(client.listTools()).extracting(dev.langchain4j.agent.tool.ToolSpecification::name)
				.containsExactlyInAnyOrder("audit_search", "catalog_search", "catalog_get_entity",
						"catalog_dependencies", "catalog_blast_radius", "deployment_status", "logs_query",
						"metrics_query", "deployment_diagnose", "goldenpath_list", "goldenpath_describe",
						"goldenpath_plan", "sandbox_inject_failure");
			JsonMapper json = JsonMapper.builder().build();
			for (Map.Entry<String, Map<String, Object>> call : McpClients.CATALOG_CALLS.entrySet()) {
				dev.langchain4j.service.tool.ToolExecutionResult result = client
					.executeTool(dev.langchain4j.agent.tool.ToolExecutionRequest.builder()
						.id(call.getKey())
						.name(call.getKey())
						.arguments(json.writeValueAsString(call.getValue()))
						.build());
				assertThat(result.isError()).as(result.resultText()).isFalse();
				assertThat(result.resultText()).isNotBlank();
			}
		}
		finally {
			client.close();
		}
	}

}
