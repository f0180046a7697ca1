package dev.cairn.goldenpath;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.cairn.mcp.McpClients;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code goldenpath_plan} over Streamable HTTP with the MCP Java SDK client, against a
 * data folder of its own so that the test can see nothing was written.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GoldenPathPlanIntegrationTests {

	static final Path DATA;

	static {
		try {
			DATA = Files.createTempDirectory("cairn-plan-data-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		registry.add("cairn.data-dir", DATA::toString);
	}

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

	private static Map<String, Object> parameters(String name) {
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("name", name);
		parameters.put("owner", "group:default/team-risk");
		parameters.put("system", "risk");
		parameters.put("description", "Scores payments for fraud in real time");
		parameters.put("database", "postgres");
		return parameters;
	}

	private McpSchema.CallToolResult plan(Map<String, Object> parameters) {
		return this.client.callTool(new McpSchema.CallToolRequest("goldenpath_plan",
				Map.of("template", "go-service", "parameters", parameters)));
	}

	@Test
	void plansOverMcpAndWritesNothing() throws IOException {
		List<String> before = files();
		McpSchema.CallToolResult result = plan(parameters("fraud-scorer"));
		assertThat(result.isError()).as(McpClients.text(result)).isFalse();
		assertThat(McpClients.text(result)).startsWith("Plan for go-service → component:default/fraud-scorer")
			.contains("1. create-repository (repository.create)")
			.contains("fraud-scorer-db-credentials")
			.contains("4. provision-cache (resource.provision): skipped")
			.contains("5. deploy-staging (gitops.deploy)")
			.contains("Totals: ")
			.endsWith("nothing was changed.");
		@SuppressWarnings("unchecked")
		Map<String, Object> structured = (Map<String, Object>) result.structuredContent();
		assertThat(structured).containsEntry("target", "component:default/fraud-scorer");
		assertThat((List<?>) structured.get("steps")).hasSize(5);
		@SuppressWarnings("unchecked")
		Map<String, Object> totals = (Map<String, Object>) structured.get("totals");
		assertThat(totals).containsEntry("commits", 2).containsEntry("resources", 1).containsEntry("deployments", 1);
		assertThat(plan(parameters("fraud-scorer")).structuredContent()).isEqualTo(structured);
		assertThat(DATA.resolve("git")).doesNotExist();
		assertThat(files()).isEqualTo(before);
	}

	@Test
	void saysTheRunWouldFailOnATakenName() {
		McpSchema.CallToolResult result = plan(parameters("payment-api"));
		assertThat(result.isError()).as(McpClients.text(result)).isFalse();
		assertThat(McpClients.text(result))
			.contains("WOULD FAIL: catalog.register would fail: component:default/payment-api")
			.contains("The run would stop at step register.");
	}

	@Test
	void refusesInvalidParametersNamingTheField() {
		McpSchema.CallToolResult result = plan(parameters("Fraud_Scorer"));
		assertThat(result.isError()).isTrue();
		assertThat(McpClients.text(result)).contains("parameters.name: ").contains("nothing was planned");
	}

	/**
	 * The data folder's files, but for the database's own, which every audited call
	 * writes.
	 */
	private static List<String> files() throws IOException {
		try (Stream<Path> files = Files.walk(DATA)) {
			return files.filter(Files::isRegularFile)
				.map((file) -> DATA.relativize(file).toString())
				.filter((name) -> !name.startsWith("cairn."))
				.sorted()
				.toList();
		}
	}

}
