package dev.cairn.audit;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import dev.cairn.mcp.CairnTool;
import dev.cairn.mcp.ToolContext;
import dev.cairn.mcp.ToolDescriptor;
import dev.cairn.mcp.ToolResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit trail in the running gateway, driven over Streamable HTTP by the MCP Java SDK
 * client: each call leaves a decided and a completed entry under the caller's identity,
 * refused calls too; the trail can be searched over MCP and REST; and no secret sent to a
 * tool comes back in its result, the logs or the trail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class AuditIntegrationTests {

	static final String PASSWORD = "hunter2-Xq9";

	static final String TOKEN = "ghp_R2d2C3poR2d2C3poR2d2C3poR2d2C3po1234";

	@LocalServerPort
	int port;

	@Autowired
	AuditStore store;

	@Autowired
	AuditTrail trail;

	@Autowired
	AuditKey key;

	McpSyncClient client;

	@BeforeEach
	void connect() {
		this.client = McpClient
			.sync(HttpClientStreamableHttpTransport.builder("http://localhost:" + this.port).endpoint("/mcp").build())
			.clientInfo(new McpSchema.Implementation("audit-tests", "1.0"))
			.requestTimeout(Duration.ofSeconds(30))
			.build();
		this.client.initialize();
	}

	@AfterEach
	void close() {
		this.client.closeGracefully();
	}

	@Test
	void aToolCallOverMcpLeavesADecidedAndACompletedEntryWithTheCallersIdentity() throws Exception {
		McpSchema.CallToolResult result = this.client
			.callTool(new McpSchema.CallToolRequest("catalog_get_entity", Map.of("ref", "payment-api")));
		assertThat(result.isError()).isFalse();
		List<AuditEntry> call = entriesOf(lastRequestId("catalog_get_entity"));
		assertThat(call).extracting(AuditEntry::type).containsExactly("decided", "completed");
		AuditEntry decided = call.get(0);
		assertThat(decided.principal()).isEqualTo("user:default/dana");
		assertThat(decided.principalKind()).isEqualTo("user");
		assertThat(decided.agentClient()).isEqualTo("audit-tests/1.0");
		assertThat(decided.channel()).isEqualTo("mcp");
		assertThat(decided.target()).isEqualTo("component:default/payment-api");
		assertThat(decided.arguments()).isEqualTo("{\"ref\":\"payment-api\"}");
		assertThat(decided.decision()).isEqualTo("allow");
		assertThat(decided.reasons()).isEqualTo("[\"allowed by policy\"]");
		assertThat(decided.policyRevision()).isNotBlank();
		AuditEntry completed = call.get(1);
		assertThat(completed.decidedSeq()).isEqualTo(decided.seq());
		assertThat(completed.seq()).isGreaterThan(decided.seq());
		assertThat(completed.outcome()).isEqualTo("success");
		assertThat(completed.latencyMicros()).isPositive();
		assertThat(AuditVerifier.verify(this.store, this.key).anomalies()).isEmpty();
	}

	@Test
	void callsTheGatewayRefusesAreRecordedAsDenied() throws Exception {
		McpSchema.CallToolResult result = this.client
			.callTool(new McpSchema.CallToolRequest("catalog_dependencies", Map.of("ref", "payment-api", "depth", 99)));
		assertThat(result.isError()).isTrue();
		List<AuditEntry> call = entriesOf(lastRequestId("catalog_dependencies"));
		assertThat(call).extracting(AuditEntry::type).containsExactly("decided", "completed");
		assertThat(call.get(0).decision()).isEqualTo("deny");
		assertThat(call.get(0).reasons()).contains("argument 'depth': must be between 1 and 10, got 99");
		assertThat(call.get(0).target()).isNull();
		assertThat(call.get(1).outcome()).isEqualTo("denied");
	}

	@Test
	void auditSearchOverMcpAnswersNewestFirstAndSaysWhenItTruncates() {
		this.client.callTool(new McpSchema.CallToolRequest("catalog_search", Map.of("query", "payment")));
		this.client.callTool(new McpSchema.CallToolRequest("catalog_get_entity", Map.of("ref", "checkout-web")));
		McpSchema.CallToolResult result = this.client.callTool(new McpSchema.CallToolRequest("audit_search",
				Map.of("principal", "dana", "limit", 1, "outcome", "success")));
		assertThat(result.isError()).isFalse();
		String text = ((McpSchema.TextContent) result.content().get(0)).text();
		assertThat(text)
			.contains("user:default/dana via audit-tests/1.0 [mcp] catalog_get_entity on "
					+ "component:default/checkout-web: allow (allowed by policy) -> success")
			.contains("(truncated: ")
			.contains("call again with beforeSeq=");
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> items = (List<Map<String, Object>>) ((Map<String, Object>) result.structuredContent())
			.get("items");
		assertThat(items).singleElement()
			.satisfies((item) -> assertThat(item.get("arguments")).isEqualTo(Map.of("ref", "checkout-web")));
		McpSchema.CallToolResult bad = this.client
			.callTool(new McpSchema.CallToolRequest("audit_search", Map.of("since", "yesterday")));
		assertThat(((McpSchema.TextContent) bad.content().get(0)).text())
			.contains("argument 'since': must be an " + "ISO-8601 instant");
	}

	@Test
	void theRestEndpointSearchesTheSameTrailAndRecordsItsOwnReads() throws Exception {
		this.client.callTool(new McpSchema.CallToolRequest("catalog_get_entity", Map.of("ref", "payment-api")));
		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<String> found = http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port
						+ "/api/audit?tool=catalog_get_entity&target=payment-api&decision=allow&limit=2"))
					.build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(found.statusCode()).isEqualTo(200);
		assertThat(found.body()).contains("\"principal\":\"user:default/dana\"")
			.contains("\"target\":\"component:default/payment-api\"")
			.contains("\"outcome\":\"success\"");
		HttpResponse<String> bad = http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/audit?limit=500")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("argument 'limit': must be between 1 and 100, got 500");
		List<AuditEntry> reads = new ArrayList<>();
		this.trail.flush();
		try (Connection connection = this.store.dataSource().getConnection()) {
			this.store.forEach(connection, (entry) -> {
				if ("api".equals(entry.channel())) {
					reads.add(entry);
				}
			});
		}
		assertThat(reads).extracting(AuditEntry::tool).containsOnly("audit_search");
		assertThat(reads).extracting(AuditEntry::outcome).contains("success", "denied");
	}

	@Test
	void theRestEndpointRefusesTheDemoIdentityUnderAForeignHostName() throws Exception {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			OutputStream out = socket.getOutputStream();
			out.write(("GET /api/audit HTTP/1.1\r\nHost: evil.example.com\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			assertThat(response).startsWith("HTTP/1.1 403");
		}
	}

	@Test
	void noSecretSentToAToolReachesItsResultTheLogsOrTheTrail(CapturedOutput output) throws Exception {
		McpSchema.CallToolResult result = this.client.callTool(new McpSchema.CallToolRequest("test_secret_echo",
				Map.of("password", PASSWORD, "note", "deploy with Authorization: Bearer " + TOKEN)));
		assertThat(result.isError()).isTrue();
		String text = ((McpSchema.TextContent) result.content().get(0)).text();
		assertThat(text).contains("test_secret_echo failed").doesNotContain(PASSWORD, TOKEN);
		assertThat(output.getAll()).contains("tool test_secret_echo failed").doesNotContain(PASSWORD, TOKEN);
		StringBuilder trail = new StringBuilder();
		this.trail.flush();
		try (Connection connection = this.store.dataSource().getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT * FROM audit_entry")) {
			while (rows.next()) {
				for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
					trail.append(rows.getString(i)).append('|');
				}
			}
		}
		assertThat(trail).contains("test_secret_echo").doesNotContain(PASSWORD, TOKEN);
	}

	private String lastRequestId(String tool) {
		return lastDecided(tool).requestId();
	}

	private AuditEntry lastDecided(String tool) {
		List<AuditEntry> decided = new ArrayList<>();
		try (Connection connection = this.store.dataSource().getConnection()) {
			this.store.forEach(connection, (entry) -> {
				if (entry.type().equals("decided") && entry.tool().equals(tool)) {
					decided.add(entry);
				}
			});
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return decided.get(decided.size() - 1);
	}

	private List<AuditEntry> entriesOf(String requestId) throws Exception {
		List<AuditEntry> entries = new ArrayList<>();
		this.trail.flush();
		try (Connection connection = this.store.dataSource().getConnection()) {
			this.store.forEach(connection, (entry) -> {
				if (entry.requestId().equals(requestId)) {
					entries.add(entry);
				}
			});
		}
		return entries;
	}

	/**
	 * A tool that fails, quoting its arguments in the exception, as careless code does.
	 */
	@TestConfiguration
	static class SecretEchoTool {

		@Bean
		CairnTool<SecretInput> secretEchoTool() {
			return new CairnTool<>() {

				@Override
				public ToolDescriptor descriptor() {
					return ToolDescriptor.readOnly("test_secret_echo", "Echo", "Fails, quoting its arguments.");
				}

				@Override
				public Class<SecretInput> inputType() {
					return SecretInput.class;
				}

				@Override
				public ToolResult call(SecretInput input, ToolContext context) {
					throw new IllegalStateException(
							"backend rejected password=" + input.password() + " after: " + input.note());
				}

			};
		}

	}

	record SecretInput(String password, String note) {
	}

}
