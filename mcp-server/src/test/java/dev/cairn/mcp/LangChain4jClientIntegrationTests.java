package dev.cairn.mcp;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.exception.ToolExecutionException;
import dev.langchain4j.mcp.client.DefaultMcpClient;
import dev.langchain4j.mcp.client.McpClient;
import dev.langchain4j.mcp.client.transport.http.StreamableHttpMcpTransport;
import dev.langchain4j.service.tool.ToolExecutionResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Cairn over Streamable HTTP, driven by the LangChain4j MCP client, as a LangChain4j
 * agent would use it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LangChain4jClientIntegrationTests {

	@LocalServerPort
	int port;

	McpClient client;

	@BeforeEach
	void connect() {
		this.client = new DefaultMcpClient.Builder()
			.transport(new StreamableHttpMcpTransport.Builder().url("http://localhost:" + this.port + "/mcp")
				.timeout(Duration.ofSeconds(30))
				.build())
			.clientName("langchain4j-tests")
			.build();
	}

	@AfterEach
	void close() throws Exception {
		this.client.close();
	}

	@Test
	void listsTheCatalogToolsWithTheirParameters() {
		List<ToolSpecification> tools = this.client.listTools();
		assertThat(tools).extracting(ToolSpecification::name)
			.containsExactlyInAnyOrder("audit_search", "catalog_search", "catalog_get_entity", "catalog_dependencies",
					"catalog_blast_radius", "deployment_status", "logs_query", "metrics_query", "deployment_diagnose",
					"goldenpath_list", "goldenpath_describe", "goldenpath_plan", "sandbox_inject_failure");
		ToolSpecification getEntity = tools.stream()
			.filter((tool) -> tool.name().equals("catalog_get_entity"))
			.findFirst()
			.orElseThrow();
		assertThat(getEntity.parameters().required()).containsExactly("ref");
		assertThat(getEntity.description()).contains("on call");
	}

	@Test
	void callsEachCatalogTool() {
		JsonMapper json = JsonMapper.builder().build();
		for (Map.Entry<String, Map<String, Object>> call : McpClients.CATALOG_CALLS.entrySet()) {
			ToolExecutionResult result = this.client.executeTool(ToolExecutionRequest.builder()
				.id("1")
				.name(call.getKey())
				.arguments(json.writeValueAsString(call.getValue()))
				.build());
			assertThat(result.isError()).as(result.resultText()).isFalse();
			assertThat(result.resultText()).isNotBlank();
		}
		ToolExecutionResult dependencies = this.client.executeTool(ToolExecutionRequest.builder()
			.id("2")
			.name("catalog_dependencies")
			.arguments("{\"ref\":\"notification-service\",\"depth\":4}")
			.build());
		// LangChain4j hands an agent the structured content when a tool provides it.
		assertThat(dependencies.resultText()).contains("\"cycles\":[")
			.contains("\"component:default/user-profile-service\"");
	}

	@Test
	void aToolErrorReachesTheAgentAsText() {
		assertThatExceptionOfType(ToolExecutionException.class)
			.isThrownBy(() -> this.client.executeTool(ToolExecutionRequest.builder()
				.id("3")
				.name("catalog_blast_radius")
				.arguments("{\"ref\":\"\"}")
				.build()))
			.withMessage("invalid arguments for catalog_blast_radius: argument 'ref': entity ref is empty");
	}

}
