package dev.cairn.mcp;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.cairn.identity.Caller;
import dev.cairn.identity.CallerResolver;
import dev.cairn.identity.RequestFacts;
import dev.cairn.identity.UnauthenticatedException;

/**
 * The handler every MCP tool call goes through, in a fixed order: resolve the caller,
 * bind and validate the arguments, run the tool, map the result; the outcome is recorded
 * in {@code finally}. Tools never see raw arguments or an unidentified caller, and no
 * failure escapes as a stack trace: protocol problems stay JSON-RPC errors (the SDK
 * answers those), everything else becomes an {@code isError} result that tells the agent
 * what to do next.
 */
final class GuardedToolHandler<I> implements BiFunction<McpSyncServerExchange, CallToolRequest, CallToolResult> {

	private static final Logger logger = LoggerFactory.getLogger(GuardedToolHandler.class);

	private final CairnTool<I> tool;

	private final List<String> required;

	private final CallerResolver callers;

	private final boolean stdio;

	GuardedToolHandler(CairnTool<I> tool, Map<String, Object> schema, CallerResolver callers, boolean stdio) {
		this.tool = tool;
		this.required = ToolArguments.required(schema);
		this.callers = callers;
		this.stdio = stdio;
	}

	@Override
	public CallToolResult apply(McpSyncServerExchange exchange, CallToolRequest request) {
		String name = this.tool.descriptor().name();
		String requestId = UUID.randomUUID().toString();
		long started = System.nanoTime();
		String outcome = "failed";
		Caller caller = null;
		try {
			caller = this.callers.resolveMcp(factsOf(exchange), clientOf(exchange));
			I input = ToolArguments.bind(request.arguments(), this.tool.inputType(), this.required);
			ToolResult result = this.tool.call(input, new ExchangeToolContext(caller, exchange, request));
			outcome = result.error() ? "error" : "ok";
			return ToolResultMapper.toCallToolResult(result);
		}
		catch (UnauthenticatedException ex) {
			outcome = "unauthenticated";
			return ToolResultMapper.toCallToolResult(ToolResult.error("unauthenticated: " + ex.getMessage()));
		}
		catch (ToolInputException ex) {
			outcome = "invalid-arguments";
			return ToolResultMapper
				.toCallToolResult(ToolResult.error("invalid arguments for " + name + ": " + ex.getMessage()));
		}
		catch (ClientCapabilityException ex) {
			// A tool needs something this client does not offer (sampling, elicitation).
			outcome = "unsupported-by-client";
			return ToolResultMapper
				.toCallToolResult(ToolResult.error(name + " cannot run with this client: " + ex.getMessage() + "."));
		}
		catch (RuntimeException ex) {
			logger.warn("tool {} failed (request {})", name, requestId, ex);
			return ToolResultMapper.toCallToolResult(ToolResult.error(name + " failed: " + describe(ex)
					+ ". This is a server-side problem; retrying will not help until it is fixed (request id "
					+ requestId + ")."));
		}
		finally {
			long micros = (System.nanoTime() - started) / 1000;
			logger.info("tool={} caller={} client={} outcome={} micros={} request={}", name,
					(caller != null) ? caller.principal() : "-", (caller != null) ? caller.agentClient() : "-", outcome,
					micros, requestId);
		}
	}

	private RequestFacts factsOf(McpSyncServerExchange exchange) {
		if (this.stdio) {
			return RequestFacts.stdio();
		}
		McpTransportContext context = exchange.transportContext();
		Object facts = (context != null) ? context.get(McpHttpTransportConfiguration.REQUEST_FACTS) : null;
		// No facts means a transport we do not know: treat it as an anonymous remote
		// caller (fail closed).
		return (facts instanceof RequestFacts known) ? known : new RequestFacts(RequestFacts.HTTP, null, null);
	}

	private static String clientOf(McpSyncServerExchange exchange) {
		McpSchema.Implementation info = exchange.getClientInfo();
		return (info != null) ? info.name() + "/" + info.version() : null;
	}

	private static String describe(RuntimeException ex) {
		String message = ex.getMessage();
		return (message != null && !message.isBlank()) ? message : ex.getClass().getSimpleName();
	}

	private record ExchangeToolContext(Caller caller, McpSyncServerExchange exchange,
			CallToolRequest request) implements ToolContext {

		@Override
		public void progress(double progress, Double total, String message) {
			Object token = this.request.progressToken();
			if (token != null) {
				this.exchange
					.progressNotification(new McpSchema.ProgressNotification(token, progress, total, message, null));
			}
		}

		@Override
		public void log(LogLevel level, String message) {
			// The exchange drops messages below the level the client set.
			this.exchange.loggingNotification(new McpSchema.LoggingMessageNotification(
					McpSchema.LoggingLevel.valueOf(level.name()), this.request.name(), message));
		}

		@Override
		public String sample(String prompt, int maxTokens) {
			McpSchema.ClientCapabilities capabilities = this.exchange.getClientCapabilities();
			if (capabilities == null || capabilities.sampling() == null) {
				throw new ClientCapabilityException("the client did not declare the sampling capability");
			}
			McpSchema.CreateMessageResult result = this.exchange.createMessage(McpSchema.CreateMessageRequest
				.builder(List.of(new McpSchema.SamplingMessage(McpSchema.Role.USER, new McpSchema.TextContent(prompt))),
						maxTokens)
				.build());
			return (result.content() instanceof McpSchema.TextContent text) ? text.text()
					: String.valueOf(result.content());
		}

		@Override
		public Elicitation elicit(String message, Map<String, Object> requestedSchema) {
			McpSchema.ClientCapabilities capabilities = this.exchange.getClientCapabilities();
			if (capabilities == null || capabilities.elicitation() == null) {
				throw new ClientCapabilityException("the client did not declare the elicitation capability");
			}
			McpSchema.ElicitResult result = this.exchange
				.createElicitation(McpSchema.ElicitRequest.builder(message, requestedSchema).build());
			return new Elicitation(result.action().name().toLowerCase(Locale.ROOT), result.content());
		}

	}

}
