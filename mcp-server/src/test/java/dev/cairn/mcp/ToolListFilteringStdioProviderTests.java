package dev.cairn.mcp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransport;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import dev.cairn.identity.CallerResolver;
import dev.cairn.identity.IdentityProperties;

import static org.assertj.core.api.Assertions.assertThat;

class ToolListFilteringStdioProviderTests {

	private final List<McpSchema.JSONRPCMessage> sent = new ArrayList<>();

	@Test
	void narrowsToolsListAnswersForTheLocalCallerAndPassesEverythingElse() {
		McpServerTransport transport = open(new CallerResolver(new IdentityProperties("user:default/dana", true)));
		transport.sendMessage(new McpSchema.JSONRPCResponse("2.0", 1, tools("catalog_search", "audit_search"), null))
			.block();
		transport.sendMessage(new McpSchema.JSONRPCResponse("2.0", 2, Map.of("ok", true), null)).block();
		assertThat(((McpSchema.ListToolsResult) ((McpSchema.JSONRPCResponse) this.sent.get(0)).result()).tools())
			.extracting(McpSchema.Tool::name)
			.containsExactly("catalog_search");
		assertThat(((McpSchema.JSONRPCResponse) this.sent.get(1)).result()).isEqualTo(Map.of("ok", true));
	}

	@Test
	void listsNothingWhenTheCallerCannotBeIdentified() {
		McpServerTransport transport = open(new CallerResolver(new IdentityProperties("user:default/dana", false)));
		transport.sendMessage(new McpSchema.JSONRPCResponse("2.0", 1, tools("catalog_search"), null)).block();
		assertThat(((McpSchema.ListToolsResult) ((McpSchema.JSONRPCResponse) this.sent.get(0)).result()).tools())
			.isEmpty();
	}

	private McpServerTransport open(CallerResolver callers) {
		ToolListFilter filter = new ToolListFilter(callers,
				(caller, tool) -> tool.readOnly() && !tool.name().startsWith("audit"),
				Map.of("catalog_search", ToolDescriptor.readOnly("catalog_search", "Search", "Search the catalog."),
						"audit_search", ToolDescriptor.readOnly("audit_search", "Audit", "Search the audit trail.")));
		AtomicReference<McpServerTransport> seen = new AtomicReference<>();
		new ToolListFilteringStdioProvider(this.provider, filter).setSessionFactory((t) -> {
			seen.set(t);
			return null;
		});
		this.provider.factory.create(new Recording());
		return seen.get();
	}

	private final Provider provider = new Provider();

	private static McpSchema.ListToolsResult tools(String... names) {
		List<McpSchema.Tool> tools = new ArrayList<>();
		for (String name : names) {
			tools.add(McpSchema.Tool.builder()
				.name(name)
				.inputSchema(new McpSchema.JsonSchema("object", Map.of(), List.of(), false, null, null))
				.build());
		}
		return new McpSchema.ListToolsResult(tools, null);
	}

	private final class Recording implements McpServerTransport {

		@Override
		public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
			ToolListFilteringStdioProviderTests.this.sent.add(message);
			return Mono.empty();
		}

		@Override
		public <T> T unmarshalFrom(Object data, TypeRef<T> type) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Mono<Void> closeGracefully() {
			return Mono.empty();
		}

	}

	private static final class Provider implements McpServerTransportProvider {

		McpServerSession.Factory factory;

		@Override
		public void setSessionFactory(McpServerSession.Factory factory) {
			this.factory = factory;
		}

		@Override
		public Mono<Void> notifyClients(String method, Object params) {
			return Mono.empty();
		}

		@Override
		public Mono<Void> closeGracefully() {
			return Mono.empty();
		}

	}

}
