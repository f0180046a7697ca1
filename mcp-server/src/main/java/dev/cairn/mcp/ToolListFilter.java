package dev.cairn.mcp;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.spec.McpSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

import dev.cairn.identity.Caller;
import dev.cairn.identity.CallerResolver;
import dev.cairn.identity.RequestFacts;
import dev.cairn.identity.UnauthenticatedException;

/**
 * Narrows each {@code tools/list} answer to the tools its caller may see, on its way out
 * of the server: the SDK lists every registered tool, and the transports pass each answer
 * through here. A caller who cannot be identified sees no tools.
 */
final class ToolListFilter {

	private static final Logger logger = LoggerFactory.getLogger(ToolListFilter.class);

	private final CallerResolver callers;

	private final ToolVisibility visibility;

	private final Map<String, ToolDescriptor> descriptors;

	ToolListFilter(CallerResolver callers, ToolVisibility visibility, Map<String, ToolDescriptor> descriptors) {
		this.callers = callers;
		this.visibility = visibility;
		this.descriptors = Map.copyOf(descriptors);
	}

	/**
	 * Filters {@code message} for the caller described by the transport context in
	 * {@code context}, then sends it with {@code send}.
	 */
	Mono<Void> send(McpSchema.JSONRPCMessage message, String clientName, boolean stdio,
			Function<McpSchema.JSONRPCMessage, Mono<Void>> send) {
		if (!(message instanceof McpSchema.JSONRPCResponse response
				&& response.result() instanceof McpSchema.ListToolsResult)) {
			return send.apply(message);
		}
		return Mono.deferContextual((context) -> send.apply(filter(response, caller(context, clientName, stdio))));
	}

	McpSchema.JSONRPCMessage filter(McpSchema.JSONRPCResponse response, Caller caller) {
		McpSchema.ListToolsResult all = (McpSchema.ListToolsResult) response.result();
		List<McpSchema.Tool> visible = (caller == null) ? List.of() : all.tools().stream().filter((tool) -> {
			ToolDescriptor descriptor = this.descriptors.get(tool.name());
			return descriptor != null && this.visibility.visible(caller, descriptor);
		}).toList();
		return new McpSchema.JSONRPCResponse(response.jsonrpc(), response.id(),
				new McpSchema.ListToolsResult(visible, all.nextCursor(), all.meta()), response.error());
	}

	private Caller caller(ContextView context, String clientName, boolean stdio) {
		RequestFacts facts = stdio ? RequestFacts.stdio() : McpHttpTransportConfiguration
			.factsOf(context.getOrDefault(McpTransportContext.KEY, McpTransportContext.EMPTY));
		try {
			return this.callers.resolveMcp(facts, clientName);
		}
		catch (UnauthenticatedException ex) {
			logger.debug("tools/list for an unidentified caller lists nothing: {}", ex.getMessage());
			return null;
		}
	}

}
