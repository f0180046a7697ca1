package dev.cairn.mcp;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A catalog folder with broken files, and malformed protocol input: every problem is
 * reported with its file and line or as a protocol error, and the server keeps serving
 * what is valid.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BadInputIntegrationTests {

	static Path folder;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void catalogFolder(DynamicPropertyRegistry registry) throws IOException {
		folder = Files.createTempDirectory("cairn-bad-catalog-");
		Files.writeString(folder.resolve("good.yaml"), """
				apiVersion: backstage.io/v1alpha1
				kind: Group
				metadata:
				  name: team-a
				spec:
				  type: team
				  children: []
				---
				apiVersion: backstage.io/v1alpha1
				kind: Component
				metadata:
				  name: survivor
				spec:
				  type: service
				  lifecycle: production
				  owner: team-a
				""");
		Files.writeString(folder.resolve("malformed.yaml"), "apiVersion: backstage.io/v1alpha1\nkind: [Component\n");
		Files.writeString(folder.resolve("unknown-kind.yaml"), """
				apiVersion: backstage.io/v1alpha1
				kind: Service
				metadata:
				  name: x
				spec: {}
				""");
		Files.writeString(folder.resolve("no-name.yaml"), """
				apiVersion: backstage.io/v1alpha1
				kind: Component
				metadata:
				  title: Nameless
				spec:
				  type: service
				  lifecycle: production
				  owner: team-a
				""");
		registry.add("cairn.catalog.folder.path", folder::toString);
	}

	@AfterAll
	static void cleanUp() {
		FileSystemUtils.deleteRecursively(folder.toFile());
	}

	@Test
	void theSummaryNamesEachBadFileAndLineWhileValidEntitiesServe() {
		McpSyncClient client = McpClients.http(this.port);
		try {
			String summary = ((McpSchema.TextResourceContents) client
				.readResource(new McpSchema.ReadResourceRequest("catalog://summary"))
				.contents()
				.get(0)).text();
			assertThat(summary).contains("\"errors\" : 3")
				.contains("malformed.yaml:2: error: malformed YAML")
				.contains("unknown-kind.yaml:2: error: kind: unknown kind \\\"Service\\\"")
				.contains("no-name.yaml:3: error: metadata.name: is required");
			McpSchema.CallToolResult survivor = client
				.callTool(new McpSchema.CallToolRequest("catalog_get_entity", Map.of("ref", "survivor")));
			assertThat(survivor.isError()).isFalse();
		}
		finally {
			client.closeGracefully();
		}
	}

	@Test
	void malformedJsonRpcIsAProtocolErrorAndTheServerKeepsServing() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/mcp"))
				.header("Content-Type", "application/json")
				.header("Accept", "application/json, text/event-stream")
				.POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(400);
		McpSyncClient client = McpClients.http(this.port);
		try {
			assertThat(client.listTools().tools()).isNotEmpty();
		}
		finally {
			client.closeGracefully();
		}
	}

}
