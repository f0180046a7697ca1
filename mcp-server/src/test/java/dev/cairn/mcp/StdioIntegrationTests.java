package dev.cairn.mcp;

import java.nio.file.Path;
import java.time.Duration;
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
			assertThat(client.listTools().tools()).hasSize(4);
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

}
