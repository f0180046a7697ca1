package dev.cairn.mcp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A policy edit that starts serving tells connected clients that their tool lists may
 * have changed ({@code notifications/tools/list_changed}), so that they list again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ToolListChangesIntegrationTests {

	private static final Path POLICIES = TestPolicies.copyOfShipped();

	@DynamicPropertySource
	static void policyFolder(DynamicPropertyRegistry registry) {
		registry.add("cairn.policy.dir", POLICIES::toString);
		registry.add("cairn.policy.watch", () -> "true");
	}

	@LocalServerPort
	int port;

	@Test
	void aNewPolicyRevisionTellsConnectedClients() throws Exception {
		CountDownLatch changed = new CountDownLatch(1);
		McpSyncClient client = McpClient
			.sync(HttpClientStreamableHttpTransport.builder("http://localhost:" + this.port).endpoint("/mcp").build())
			.clientInfo(new McpSchema.Implementation("list-change-tests", "1.0"))
			.requestTimeout(Duration.ofSeconds(30))
			.toolsChangeConsumer((tools) -> changed.countDown())
			.build();
		try {
			client.initialize();
			assertThat(client.listTools().tools()).isNotEmpty();
			Path rules = POLICIES.resolve("cairn/authz/authz.rego");
			Path edited = rules.resolveSibling(".authz.rego.tmp");
			Files.writeString(edited, Files.readString(rules) + "\n# reviewed by the platform team\n");
			Files.move(edited, rules, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			assertThat(changed.await(20, TimeUnit.SECONDS)).as("tools/list_changed received").isTrue();
		}
		finally {
			client.closeGracefully();
		}
	}

}
