package dev.cairn.mcp;

import java.time.Duration;
import java.util.Map;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * Real MCP clients for end-to-end tests, for every feature's integration tests.
 */
public final class McpClients {

	/**
	 * One call of each catalog tool, with arguments an agent would send for the demo
	 * organisation.
	 */
	static final Map<String, Map<String, Object>> CATALOG_CALLS = Map.of("catalog_search",
			Map.of("kind", "Component", "owner", "team-payments"), "catalog_get_entity", Map.of("ref", "payment-api"),
			"catalog_dependencies", Map.of("ref", "checkout-web", "direction", "downstream", "depth", 2),
			"catalog_blast_radius", Map.of("ref", "resource:payments-db"));

	/**
	 * One call of each inspection tool (and the diagnosis), about a service of the demo
	 * organisation in production; whether it answers depends on the telemetry backends of
	 * the test.
	 */
	static final Map<String, Map<String, Object>> INSPECTION_CALLS = Map.of("deployment_status",
			Map.of("service", "payment-api", "environment", "production"), "logs_query",
			Map.of("service", "payment-api", "environment", "production", "level", "error"), "metrics_query",
			Map.of("service", "payment-api", "environment", "production", "metric", "error_rate"),
			"deployment_diagnose", Map.of("service", "payment-api", "environment", "production"));

	/**
	 * A call of the sandbox's injection tool that changes nothing (a healthy service).
	 */
	static final Map<String, Object> SANDBOX_CALL = Map.of("service", "pricing-service", "environment", "staging",
			"failure", "none");

	private McpClients() {
	}

	public static McpSyncClient http(int port) {
		return http(port, null);
	}

	/** A session that sends this API token (none when {@code null}). */
	public static McpSyncClient http(int port, String bearerToken) {
		HttpClientStreamableHttpTransport.Builder transport = HttpClientStreamableHttpTransport
			.builder("http://localhost:" + port)
			.endpoint("/mcp");
		if (bearerToken != null) {
			transport.requestBuilder(
					java.net.http.HttpRequest.newBuilder().header("Authorization", "Bearer " + bearerToken));
		}
		McpSyncClient client = McpClient.sync(transport.build())
			.clientInfo(new McpSchema.Implementation("cairn-tests", "1.0"))
			.requestTimeout(Duration.ofSeconds(30))
			.build();
		client.initialize();
		return client;
	}

	/**
	 * Arguments that bind for the tool: a catalog, inspection or sandbox call, else none.
	 */
	static Map<String, Object> argumentsFor(String tool) {
		if (tool.equals("sandbox_inject_failure")) {
			return SANDBOX_CALL;
		}
		if (tool.equals("goldenpath_describe")) {
			return Map.of("template", "go-service");
		}
		if (tool.equals("goldenpath_plan")) {
			return Map.of("template", "go-service", "parameters", Map.of("name", "fraud-scorer", "owner",
					"group:default/team-risk", "system", "risk", "description", "Scores payments for fraud"));
		}
		return CATALOG_CALLS.getOrDefault(tool, INSPECTION_CALLS.getOrDefault(tool, Map.of()));
	}

	public static String text(McpSchema.CallToolResult result) {
		return ((McpSchema.TextContent) result.content().get(0)).text();
	}

}
