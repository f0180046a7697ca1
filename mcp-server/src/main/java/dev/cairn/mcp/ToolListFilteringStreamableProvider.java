package dev.cairn.mcp;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStreamableServerSession;
import io.modelcontextprotocol.spec.McpStreamableServerTransport;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The Streamable HTTP transport as the MCP server sees it: the real provider, with each
 * session's request streams passing {@code tools/list} answers through the
 * {@link ToolListFilter}. Only the SDK's public API is used: the session is wrapped, and
 * every method but {@code responseStream} goes straight to the real one.
 */
final class ToolListFilteringStreamableProvider implements McpStreamableServerTransportProvider {

	private final McpStreamableServerTransportProvider delegate;

	private final ToolListFilter filter;

	ToolListFilteringStreamableProvider(McpStreamableServerTransportProvider delegate, ToolListFilter filter) {
		this.delegate = delegate;
		this.filter = filter;
	}

	@Override
	public void setSessionFactory(McpStreamableServerSession.Factory factory) {
		this.delegate.setSessionFactory((initialize) -> {
			McpStreamableServerSession.McpStreamableServerSessionInit init = factory.startSession(initialize);
			McpSchema.Implementation client = initialize.clientInfo();
			String clientName = (client != null) ? client.name() + "/" + client.version() : null;
			return new McpStreamableServerSession.McpStreamableServerSessionInit(
					new FilteringSession(init.session(), clientName, this.filter), init.initResult());
		});
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

	/** A session that is the real one in everything but the transport of its answers. */
	static final class FilteringSession extends McpStreamableServerSession {

		private final McpStreamableServerSession session;

		private final String clientName;

		private final ToolListFilter filter;

		FilteringSession(McpStreamableServerSession session, String clientName, ToolListFilter filter) {
			super(session.getId(), null, null, Duration.ZERO, Map.of(), Map.of());
			this.session = session;
			this.clientName = clientName;
			this.filter = filter;
		}

		@Override
		public Mono<Void> responseStream(McpSchema.JSONRPCRequest request, McpStreamableServerTransport transport) {
			return this.session.responseStream(request,
					new FilteringTransport(transport, this.clientName, this.filter));
		}

		@Override
		public void setMinLoggingLevel(McpSchema.LoggingLevel level) {
			this.session.setMinLoggingLevel(level);
		}

		@Override
		public boolean isNotificationForLevelAllowed(McpSchema.LoggingLevel level) {
			return this.session.isNotificationForLevelAllowed(level);
		}

		@Override
		public String getId() {
			return this.session.getId();
		}

		@Override
		public <T> Mono<T> sendRequest(String method, Object params, TypeRef<T> type) {
			return this.session.sendRequest(method, params, type);
		}

		@Override
		public Mono<Void> sendNotification(String method, Object params) {
			return this.session.sendNotification(method, params);
		}

		@Override
		public Mono<Void> delete() {
			return this.session.delete();
		}

		@Override
		public McpStreamableServerSessionStream listeningStream(McpStreamableServerTransport transport) {
			return this.session.listeningStream(transport);
		}

		@Override
		public Flux<McpSchema.JSONRPCMessage> replay(Object lastEventId) {
			return this.session.replay(lastEventId);
		}

		@Override
		public Mono<Void> accept(McpSchema.JSONRPCNotification notification) {
			return this.session.accept(notification);
		}

		@Override
		public Mono<Void> accept(McpSchema.JSONRPCResponse response) {
			return this.session.accept(response);
		}

		@Override
		public Mono<Void> closeGracefully() {
			return this.session.closeGracefully();
		}

		@Override
		public void close() {
			this.session.close();
		}

	}

	/** One request's answer stream, with {@code tools/list} answers filtered. */
	private record FilteringTransport(McpStreamableServerTransport transport, String clientName,
			ToolListFilter filter) implements McpStreamableServerTransport {

		@Override
		public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
			return this.filter.send(message, this.clientName, false, this.transport::sendMessage);
		}

		@Override
		public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message, String messageId) {
			return this.filter.send(message, this.clientName, false, (m) -> this.transport.sendMessage(m, messageId));
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
