package dev.cairn.mcp;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import dev.cairn.telemetry.DeploymentSnapshot;
import dev.cairn.telemetry.DeploymentStates;
import dev.cairn.telemetry.EnvironmentBackends;
import dev.cairn.telemetry.LogLine;
import dev.cairn.telemetry.LogPage;
import dev.cairn.telemetry.MetricResult;
import dev.cairn.telemetry.ServiceTarget;
import dev.cairn.telemetry.TelemetryBackends;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inspection tools over MCP, on fake telemetry ports
 * ({@code cairn.telemetry.source=test} activates neither the sandbox nor the real
 * backends): each answers through the guarded path, a secret in a log line comes back
 * redacted, and raw PromQL is denied to an agent whose user is not in the raw query
 * groups and allowed to a platform engineer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "cairn.telemetry.source=test", "cairn.identity.tokens[0].name=dana-agent",
				"cairn.identity.tokens[0].token=dana-agent-token-0001",
				"cairn.identity.tokens[0].principal=agent:default/dana-agent", "cairn.identity.tokens[0].kind=agent",
				"cairn.identity.tokens[0].acting-for=user:default/dana", "cairn.identity.tokens[1].name=grace",
				"cairn.identity.tokens[1].token=grace-token-0000001",
				"cairn.identity.tokens[1].principal=user:default/grace", "cairn.identity.tokens[1].kind=user" })
class InspectionToolsIntegrationTests {

	static final String SECRET = "ghp_" + "Zx81Qp0Lm2Nc7Rt5Vb3Kd9Wf4Hy6Js1Ua8Eg";

	static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

	static final AtomicInteger METRIC_QUERIES = new AtomicInteger();

	@LocalServerPort
	int port;

	@Autowired
	AuditTrail audit;

	@Test
	void deploymentStatusAnswersThroughTheGuard() {
		McpSchema.CallToolResult result = call(null, "deployment_status",
				Map.of("service", "payment-api", "environment", "production"));
		assertThat(result.isError()).as(McpClients.text(result)).isFalse();
		assertThat(McpClients.text(result)).startsWith("payment-api in production: workload payments/payment-api")
			.contains("\nrollout: COMPLETE, 2 desired, 2 updated, 2 ready, 2 available, 0 unavailable");
		assertThat(result.structuredContent()).isNotNull();
	}

	@Test
	void aSecretInALogLineComesBackRedacted() {
		McpSchema.CallToolResult result = call("dana-agent-token-0001", "logs_query",
				Map.of("service", "payment-api", "environment", "production", "level", "error"));
		assertThat(result.isError()).as(McpClients.text(result)).isFalse();
		assertThat(McpClients.text(result)).contains("calling GitHub with [redacted")
			.contains("failed: 401")
			.doesNotContain(SECRET);
		assertThat(String.valueOf(result.structuredContent())).contains("failed: 401").doesNotContain(SECRET);
	}

	@Test
	void rawPromqlIsDeniedToAnAgentOutsideTheRawQueryGroupsAndAllowedToAPlatformEngineer() {
		Map<String, Object> args = Map.of("service", "payment-api", "environment", "production", "promql",
				"sum(rate(http_server_requests_seconds_count[5m]))");
		int before = METRIC_QUERIES.get();
		McpSchema.CallToolResult denied = call("dana-agent-token-0001", "metrics_query", args);
		assertThat(denied.isError()).isTrue();
		assertThat(McpClients.text(denied))
			.startsWith("metrics_query was denied by policy (raw_query_not_allowed): metrics_query with promql is "
					+ "reserved to members of group:default/team-platform; ask for a named metric instead");
		assertThat(METRIC_QUERIES.get()).isEqualTo(before);

		McpSchema.CallToolResult named = call("dana-agent-token-0001", "metrics_query",
				Map.of("service", "payment-api", "environment", "production", "metric", "error_rate"));
		assertThat(named.isError()).as(McpClients.text(named)).isFalse();
		assertThat(McpClients.text(named)).startsWith("error_rate (ratio) of payment-api in production from Fake");

		McpSchema.CallToolResult allowed = call("grace-token-0000001", "metrics_query", args);
		assertThat(allowed.isError()).as(McpClients.text(allowed)).isFalse();
		assertThat(McpClients.text(allowed)).contains("query: sum(rate(http_server_requests_seconds_count[5m]))");

		List<AuditedCall> calls = this.audit
			.search(new AuditQuery(null, "metrics_query", null, null, null, null, null, null, 10))
			.items();
		assertThat(calls).anySatisfy((call) -> {
			assertThat(call.principal()).isEqualTo("agent:default/dana-agent");
			assertThat(call.target()).isEqualTo("component:default/payment-api");
			assertThat(call.reasons()).containsExactly("raw_query_not_allowed");
			assertThat(call.outcome()).isEqualTo("denied");
		});
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

	@TestConfiguration
	static class FakeTelemetry {

		@Bean
		TelemetryBackends telemetryBackends() {
			EnvironmentBackends production = new EnvironmentBackends("production", new FakeDeployments(),
					(query) -> new LogPage(
							List.of(new LogLine(NOW, "error", "payment-api-7-a", "app",
									"calling GitHub with " + SECRET + " failed: 401")),
							false, "{app=\"payment-api\"}", "Fake Loki (production)"),
					(query) -> {
						METRIC_QUERIES.incrementAndGet();
						return new MetricResult(
								List.of(new MetricResult.Series(Map.of(), List.of(new MetricResult.Point(NOW, 0.01)))),
								(query.promql() != null) ? query.promql() : "error_rate_template",
								(query.metric() != null) ? query.metric().unit() : null,
								"Fake Prometheus (production)");
					}, null, null);
			return new TelemetryBackends() {

				@Override
				public List<String> environments() {
					return List.of("production");
				}

				@Override
				public EnvironmentBackends forEnvironment(String environment) {
					if (!"production".equals(environment)) {
						throw new IllegalArgumentException("no backends for " + environment);
					}
					return production;
				}

			};
		}

	}

	static final class FakeDeployments implements DeploymentStates {

		@Override
		public Optional<DeploymentSnapshot> snapshot(ServiceTarget target) {
			return Optional.of(new DeploymentSnapshot(target.kubernetesId(), "payments", NOW,
					new DeploymentSnapshot.Rollout(DeploymentSnapshot.Phase.COMPLETE, 2, 2, 2, 2, 0, null, NOW),
					new DeploymentSnapshot.Revision(3, "2.0.1", "ghcr.io/acme/payment-api:2.0.1", null, null, NOW, 2),
					null, List.of(), List.of(), List.of()));
		}

		@Override
		public LogPage containerLog(ServiceTarget target, String pod, String container, boolean previous,
				int maxLines) {
			throw new UnsupportedOperationException();
		}

	}

}
