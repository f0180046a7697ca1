package dev.cairn.mcp;

import java.util.List;

import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransport;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import reactor.core.publisher.Mono;

/**
 * The stdio transport as the MCP server sees it: the real provider, whose session
 * transport passes {@code tools/list} answers through the {@link ToolListFilter} for the
 * local caller.
 */
final class ToolListFilteringStdioProvider implements McpServerTransportProvider {

	private final McpServerTransportProvider delegate;

	private final ToolListFilter filter;

	ToolListFilteringStdioProvider(McpServerTransportProvider delegate, ToolListFilter filter) {
		this.delegate = delegate;
		this.filter = filter;
	}

	@Override
	public void setSessionFactory(McpServerSession.Factory factory) {
		this.delegate.setSessionFactory((transport) -> factory.create(new FilteringTransport(transport, this.filter)));
	}

	@Override
	public Mono<Void> notifyClients(String method, Object params) {
		return this.delegate.notifyClients(method, params);
	}

	@Override
	public Mono<Void> notifyClient(String sessionId, String method, Object params) {
		return this.delegate.notifyClient(sessionId, method, params);
	}

	@Override
	public Mono<Void> closeGracefully() {
		return this.delegate.closeGracefully();
	}

	@Override
	public void close() {
		this.delegate.close();
	}

	@Override
	public List<String> protocolVersions() {
		return this.delegate.protocolVersions();
	}

	private record FilteringTransport(McpServerTransport transport,
			ToolListFilter filter) implements McpServerTransport {

		@Override
		public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
			return this.filter.send(message, null, true, this.transport::sendMessage);
		}

		@Override
		public <T> T unmarshalFrom(Object data, TypeRef<T> type) {
			return this.transport.unmarshalFrom(data, type);
		}

		@Override
		public Mono<Void> closeGracefully() {
			return this.transport.closeGracefully();
		}

		@Override
		public void close() {
			this.transport.close();
		}

		@Override
		public List<String> protocolVersions() {
			return this.transport.protocolVersions();
		}

	}

}
