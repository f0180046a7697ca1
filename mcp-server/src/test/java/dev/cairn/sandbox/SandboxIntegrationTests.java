package dev.cairn.sandbox;

import java.util.Map;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.cairn.mcp.McpClients;
import dev.cairn.telemetry.DeploymentSnapshot;
import dev.cairn.telemetry.ServiceTarget;
import dev.cairn.telemetry.TelemetryBackends;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox in the running gateway: it is the telemetry source by default, one service
 * is broken at start, and {@code sandbox_inject_failure} over MCP changes a service for a
 * member of its owning team and is denied, by the policy, to anyone else.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "cairn.identity.tokens[0].name=dana-agent",
				"cairn.identity.tokens[0].token=dana-agent-token-0002",
				"cairn.identity.tokens[0].principal=agent:default/dana-agent", "cairn.identity.tokens[0].kind=agent",
				"cairn.identity.tokens[0].acting-for=user:default/dana", "cairn.identity.tokens[1].name=alice-agent",
				"cairn.identity.tokens[1].token=alice-agent-token-0002",
				"cairn.identity.tokens[1].principal=agent:default/alice-agent", "cairn.identity.tokens[1].kind=agent",
				"cairn.identity.tokens[1].acting-for=user:default/alice" })
class SandboxIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TelemetryBackends telemetry;

	@Test
	void theSandboxAnswersForStagingAndProductionWithCheckoutWebBrokenAtStart() {
		assertThat(this.telemetry.environments()).containsExactly("staging", "production");
		DeploymentSnapshot snapshot = this.telemetry.forEnvironment("staging")
			.requireDeployments()
			.snapshot(new ServiceTarget("checkout-web", "staging"))
			.orElseThrow();
		assertThat(snapshot.rollout().phase()).isEqualTo(DeploymentSnapshot.Phase.FAILED);
		assertThat(snapshot.pods()).anySatisfy((pod) -> {
			assertThat(pod.containers().get(0).reason()).isEqualTo("CrashLoopBackOff");
			assertThat(pod.containers().get(0).lastTermination().exitCode()).isEqualTo(1);
		});
	}

	@Test
	@SuppressWarnings("unchecked")
	void anOwnersAgentInjectsAFailureAndAnotherTeamsAgentIsDenied() {
		Map<String, Object> args = Map.of("service", "cart-service", "environment", "staging", "failure", "oom-killed");
		McpSchema.CallToolResult denied = call("alice-agent-token-0002", args);
		assertThat(denied.isError()).isTrue();
		assertThat(McpClients.text(denied)).startsWith("sandbox_inject_failure was denied by policy (")
			.contains("not_owner");

		McpSchema.CallToolResult done = call("dana-agent-token-0002", args);
		assertThat(done.isError()).as(McpClients.text(done)).isFalse();
		Map<String, Object> structured = (Map<String, Object>) done.structuredContent();
		Map<String, Object> revision = (Map<String, Object>) structured.get("revision");
		assertThat(structured).containsEntry("service", "cart-service")
			.containsEntry("environment", "staging")
			.containsEntry("failure", "oom-killed");
		assertThat((String) revision.get("commit")).matches("[0-9a-f]{40}");
		assertThat(revision.get("author")).isIn("dave", "erin", "frank", "dana");
		assertThat(McpClients.text(done)).startsWith("cart-service " + revision.get("version") + " (commit ")
			.contains("OOMKilled");
		DeploymentSnapshot snapshot = this.telemetry.forEnvironment("staging")
			.requireDeployments()
			.snapshot(new ServiceTarget("cart-service", "staging"))
			.orElseThrow();
		assertThat(snapshot.current().version()).isEqualTo(revision.get("version"));
		assertThat(snapshot.pods())
			.allSatisfy((pod) -> assertThat(pod.containers().get(0).lastTermination().reason()).isEqualTo("OOMKilled"));
	}

	@Test
	void anUnknownFailureIsAnArgumentErrorNamingTheFailures() {
		McpSchema.CallToolResult result = call("dana-agent-token-0002",
				Map.of("service", "cart-service", "environment", "staging", "failure", "boom"));
		assertThat(result.isError()).isTrue();
		assertThat(McpClients.text(result)).startsWith(
				"invalid arguments for sandbox_inject_failure: argument 'failure': unknown failure 'boom'; the failures are missing-config, ");
	}

	private McpSchema.CallToolResult call(String token, Map<String, Object> args) {
		McpSyncClient client = McpClients.http(this.port, token);
		try {
			return client.callTool(new McpSchema.CallToolRequest("sandbox_inject_failure", args));
		}
		finally {
			client.closeGracefully();
		}
	}

}
