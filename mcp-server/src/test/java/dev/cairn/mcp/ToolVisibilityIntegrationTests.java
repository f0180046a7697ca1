package dev.cairn.mcp;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code tools/list} over Streamable HTTP lists only what the caller may see, as the
 * {@link ToolVisibility} bean decides, while every tool stays registered.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ToolVisibilityIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void listsOnlyTheToolsTheCallerMaySee() {
		McpSyncClient client = McpClients.http(this.port);
		try {
			assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name)
				.containsExactly("audit_search", "catalog_get_entity", "catalog_search", "deployment_diagnose",
						"deployment_status", "goldenpath_describe", "goldenpath_list", "goldenpath_plan", "logs_query",
						"metrics_query", "sandbox_inject_failure");
		}
		finally {
			client.closeGracefully();
		}
	}

	@TestConfiguration
	static class HideGraphTools {

		/** The demo developer, calling from this test's client, sees no graph tools. */
		@Bean
		@Primary
		ToolVisibility hideGraphTools() {
			return (caller, tool) -> !(caller.principal().equals("user:default/dana") && caller.agentClient() != null
					&& tool.name().matches("catalog_(dependencies|blast_radius)"));
		}

	}

}
