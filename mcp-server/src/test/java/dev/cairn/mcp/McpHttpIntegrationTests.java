package dev.cairn.mcp;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Cairn over Streamable HTTP, driven by the MCP Java SDK client.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class McpHttpIntegrationTests {

	static final Path GOLDEN = Path.of("src/test/resources/golden/tools-list.json");

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
	void toolsListMatchesTheGoldenFile() throws IOException {
		McpSchema.ListToolsResult listed = this.client.listTools();
		String actual = JsonMapper.builder()
			.enable(SerializationFeature.INDENT_OUTPUT)
			.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
			.build()
			.writeValueAsString(listed) + "\n";
		if (Boolean.getBoolean("cairn.updateGolden")) {
			Files.writeString(GOLDEN, actual);
		}
		assertThat(GOLDEN).as("golden file; regenerate with -Dcairn.updateGolden=true and review the diff").exists();
		assertThat(actual).isEqualTo(Files.readString(GOLDEN));
	}

	@Test
	void everyToolIsNamedByTheConventionAndOnlyTheSandboxsChangesAnything() {
		List<McpSchema.Tool> tools = this.client.listTools().tools();
		assertThat(tools).extracting(McpSchema.Tool::name)
			.containsExactly("audit_search", "catalog_blast_radius", "catalog_dependencies", "catalog_get_entity",
					"catalog_search", "deployment_diagnose", "deployment_status", "goldenpath_describe",
					"goldenpath_list", "goldenpath_plan", "logs_query", "metrics_query", "sandbox_inject_failure");
		assertThat(tools).allSatisfy((tool) -> {
			assertThat(tool.annotations().readOnlyHint()).isEqualTo(!tool.name().equals("sandbox_inject_failure"));
			assertThat(tool.annotations().destructiveHint()).isFalse();
			assertThat(tool.annotations().openWorldHint()).isFalse();
		});
	}

	@Test
	void callsEachCatalogTool() {
		for (Map.Entry<String, Map<String, Object>> call : McpClients.CATALOG_CALLS.entrySet()) {
			McpSchema.CallToolResult result = this.client
				.callTool(new McpSchema.CallToolRequest(call.getKey(), call.getValue()));
			assertThat(result.isError()).as(McpClients.text(result)).isFalse();
			assertThat(result.structuredContent()).isNotNull();
		}
		McpSchema.CallToolResult search = this.client
			.callTool(new McpSchema.CallToolRequest("catalog_search", McpClients.CATALOG_CALLS.get("catalog_search")));
		assertThat(McpClients.text(search)).contains("component:payment-api").doesNotContain("component:checkout-web");
		McpSchema.CallToolResult blast = this.client
			.callTool(new McpSchema.CallToolRequest("catalog_blast_radius", Map.of("ref", "resource:payments-db")));
		assertThat(McpClients.text(blast)).startsWith("If resource:payments-db fails,")
			.contains("component:web-frontend");
		McpSchema.CallToolResult entity = this.client
			.callTool(new McpSchema.CallToolRequest("catalog_get_entity", Map.of("ref", "payment-api")));
		assertThat(McpClients.text(entity)).contains("owner: group:team-payments").contains("on call: ");
	}

	@Test
	void listsAndDescribesTheShippedGoldenPaths() {
		McpSchema.CallToolResult list = this.client
			.callTool(new McpSchema.CallToolRequest("goldenpath_list", Map.of()));
		assertThat(list.isError()).as(McpClients.text(list)).isFalse();
		assertThat(McpClients.text(list)).startsWith("3 golden paths:")
			.contains("- go-service: Go service")
			.contains("- spring-boot-service: Spring Boot service")
			.contains("- typescript-service: TypeScript (Node) service")
			.doesNotContain("broken");
		McpSchema.CallToolResult describe = this.client
			.callTool(new McpSchema.CallToolRequest("goldenpath_describe", Map.of("template", "go-service")));
		assertThat(describe.isError()).as(McpClients.text(describe)).isFalse();
		assertThat(McpClients.text(describe)).contains("- name (string, required, matching ")
			.contains("5. deploy-staging [gitops.deploy]");
		McpSchema.CallToolResult unknown = this.client
			.callTool(new McpSchema.CallToolRequest("goldenpath_describe", Map.of("template", "cobol-service")));
		assertThat(unknown.isError()).isTrue();
		assertThat(McpClients.text(unknown)).contains("no golden path \"cobol-service\"");
	}

	@Test
	void searchPagesWithAnExplicitTruncationNote() {
		McpSchema.CallToolResult first = this.client
			.callTool(new McpSchema.CallToolRequest("catalog_search", Map.of("kind", "User", "limit", 5)));
		@SuppressWarnings("unchecked")
		Map<String, Object> page = (Map<String, Object>) first.structuredContent();
		int total = (Integer) page.get("total");
		assertThat(total).isGreaterThan(5);
		assertThat((List<?>) page.get("items")).hasSize(5);
		assertThat(page.get("truncated")).isEqualTo("truncated, " + (total - 5) + " more: call again with offset=5");
		McpSchema.CallToolResult last = this.client.callTool(new McpSchema.CallToolRequest("catalog_search",
				Map.of("kind", "User", "limit", 5, "offset", total - 2)));
		@SuppressWarnings("unchecked")
		Map<String, Object> lastPage = (Map<String, Object>) last.structuredContent();
		assertThat((List<?>) lastPage.get("items")).hasSize(2);
		assertThat(lastPage).doesNotContainKey("truncated");
	}

	@Test
	void invalidArgumentsAreToolErrorsNamingTheFieldAndTheServerKeepsServing() {
		McpSchema.CallToolResult missing = this.client
			.callTool(new McpSchema.CallToolRequest("catalog_get_entity", Map.of()));
		assertThat(missing.isError()).isTrue();
		assertThat(McpClients.text(missing))
			.isEqualTo("invalid arguments for catalog_get_entity: argument 'ref': is required");
		McpSchema.CallToolResult outOfRange = this.client
			.callTool(new McpSchema.CallToolRequest("catalog_dependencies", Map.of("ref", "payment-api", "depth", 99)));
		assertThat(McpClients.text(outOfRange)).contains("argument 'depth': must be between 1 and 10, got 99");
		McpSchema.CallToolResult unknownEntity = this.client
			.callTool(new McpSchema.CallToolRequest("catalog_get_entity", Map.of("ref", "payment")));
		assertThat(McpClients.text(unknownEntity)).contains("no entity component:default/payment in the catalog")
			.contains("did you mean component:default/payment-api, ");
		McpSchema.CallToolResult badKind = this.client
			.callTool(new McpSchema.CallToolRequest("catalog_search", Map.of("kind", "Widget")));
		assertThat(McpClients.text(badKind)).contains("argument 'kind': unknown kind \"Widget\"");
		assertThat(
				this.client.callTool(new McpSchema.CallToolRequest("catalog_get_entity", Map.of("ref", "payment-api")))
					.isError())
			.isFalse();
	}

	@Test
	void anUnknownToolIsAJsonRpcError() {
		assertThatExceptionOfType(McpError.class)
			.isThrownBy(
					() -> this.client.callTool(new McpSchema.CallToolRequest("catalog_delete_everything", Map.of())))
			.satisfies((error) -> assertThat(error.getJsonRpcError().code())
				.isEqualTo(McpSchema.ErrorCodes.INVALID_PARAMS));
		assertThat(this.client.listTools().tools()).hasSize(13);
	}

	@Test
	void servesEntitiesAndTheSummaryAsResources() {
		McpSchema.ReadResourceResult entity = this.client
			.readResource(new McpSchema.ReadResourceRequest("catalog://component/default/payment-api"));
		String json = ((McpSchema.TextResourceContents) entity.contents().get(0)).text();
		assertThat(json).contains("\"ref\" : \"component:default/payment-api\"").contains("\"ownedBy\"");
		McpSchema.ReadResourceResult summary = this.client
			.readResource(new McpSchema.ReadResourceRequest("catalog://summary"));
		assertThat(((McpSchema.TextResourceContents) summary.contents().get(0)).text()).contains("\"countsByKind\"")
			.contains("\"errors\" : 0");
		assertThat(this.client.listResourceTemplates().resourceTemplates())
			.extracting(McpSchema.ResourceTemplate::uriTemplate)
			.containsExactly("catalog://{kind}/{namespace}/{name}");
		assertThatExceptionOfType(McpError.class).isThrownBy(
				() -> this.client.readResource(new McpSchema.ReadResourceRequest("catalog://component/default/nope")));
	}

	@Test
	void completesResourceTemplateArgumentsFromTheCatalog() {
		McpSchema.CompleteResult result = this.client.completeCompletion(
				new McpSchema.CompleteRequest(new McpSchema.ResourceReference("catalog://{kind}/{namespace}/{name}"),
						new McpSchema.CompleteRequest.CompleteArgument("name", "pay"),
						new McpSchema.CompleteRequest.CompleteContext(Map.of("kind", "component"))));
		assertThat(result.completion().values()).contains("payment-api", "payment-webhook-worker")
			.allSatisfy((value) -> assertThat(value).startsWith("pay"));
	}

	@Test
	void refusesForeignHostsAndOriginsAgainstDnsRebinding() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";
		HttpResponse<String> foreignOrigin = http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/mcp"))
				.header("Content-Type", "application/json")
				.header("Accept", "application/json, text/event-stream")
				.header("Origin", "http://evil.example.com")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(foreignOrigin.statusCode()).isEqualTo(403);
	}

	@Test
	void reportsHealth() throws Exception {
		HttpResponse<String> health = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/health")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"catalog\"");
	}

}
