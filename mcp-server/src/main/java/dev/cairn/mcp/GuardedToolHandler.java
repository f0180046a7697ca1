package dev.cairn.mcp;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.function.BiFunction;

import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.cairn.audit.AuditCall;
import dev.cairn.audit.AuditTrail;
import dev.cairn.audit.AuditUnavailableException;
import dev.cairn.audit.Decision;
import dev.cairn.audit.Outcome;
import dev.cairn.identity.Caller;
import dev.cairn.identity.CallerResolver;
import dev.cairn.identity.RequestFacts;
import dev.cairn.identity.UnauthenticatedException;
import dev.cairn.redaction.Redactor;

/**
 * The handler every MCP tool call goes through, in a fixed order: resolve the caller,
 * bind and validate the arguments, decide, record the decision in the audit trail, run
 * (or refuse), map the result; the outcome is recorded in the trail in {@code finally}. A
 * call whose decision cannot be recorded does not run. Refused calls (no identity,
 * invalid arguments) are recorded too, as denied by the gateway. Tools never see raw
 * arguments or an unidentified caller, and no failure escapes as a stack trace: protocol
 * problems stay JSON-RPC errors (the SDK answers those), everything else becomes an
 * {@code isError} result that tells the agent what to do next.
 */
final class GuardedToolHandler<I> implements BiFunction<McpSyncServerExchange, CallToolRequest, CallToolResult> {

	private static final Logger logger = LoggerFactory.getLogger(GuardedToolHandler.class);

	private final CairnTool<I> tool;

	private final List<String> required;

	private final CallerResolver callers;

	private final AuditTrail audit;

	private final PolicyGate policy;

	private final Clock clock;

	private final boolean stdio;

	GuardedToolHandler(CairnTool<I> tool, Map<String, Object> schema, CallerResolver callers, AuditTrail audit,
			PolicyGate policy, Clock clock, boolean stdio) {
		this.tool = tool;
		this.required = ToolArguments.required(schema);
		this.callers = callers;
		this.audit = audit;
		this.policy = policy;
		this.clock = clock;
		this.stdio = stdio;
	}

	@Override
	public CallToolResult apply(McpSyncServerExchange exchange, CallToolRequest request) {
		String name = this.tool.descriptor().name();
		String requestId = UUID.randomUUID().toString();
		long started = System.nanoTime();
		Instant arrived = this.clock.instant();
		Caller caller = null;
		I input = null;
		String target = null;
		Decision decision;
		ToolResult refusal = null;
		dev.cairn.policy.Decision policyDecision = null;
		try {
			caller = this.callers.resolveMcp(factsOf(exchange), clientOf(exchange));
			input = ToolArguments.bind(request.arguments(), this.tool.inputType(), this.required);
			target = targetOf(input);
			policyDecision = this.policy.decide(caller, this.tool.descriptor(), request.arguments(), requestId);
			decision = Decision.of(policyDecision);
		}
		catch (UnauthenticatedException ex) {
			decision = Decision.deny("unauthenticated: " + ex.getMessage(), null);
			refusal = ToolResult.error("unauthenticated: " + ex.getMessage());
		}
		catch (ToolInputException ex) {
			// No decision can be taken on arguments that do not bind: the gateway
			// refuses.
			decision = Decision.deny("invalid arguments: " + ex.getMessage(), null);
			refusal = ToolResult.error("invalid arguments for " + name + ": " + ex.getMessage());
		}
		AuditTrail.Ticket ticket;
		try {
			ticket = this.audit.decided(
					new AuditCall(requestId, arrived, caller, Caller.Channel.MCP, name, target, request.arguments()),
					decision);
		}
		catch (AuditUnavailableException ex) {
			// Fail closed: a call whose decision cannot be recorded does not run.
			logger.error("tool {} not run, the audit trail cannot be written (request {}): {}", name, requestId,
					Redactor.text(ex.getMessage()));
			return errorResult(name + " was not run: the audit trail cannot be written, and no call runs unrecorded. "
					+ "This is a server-side problem; retry later (request id " + requestId + ").");
		}
		Outcome outcome = Outcome.ERROR;
		String detail = null;
		try {
			if (refusal != null) {
				outcome = Outcome.DENIED;
				detail = refusal.text();
				return errorResult(refusal.text());
			}
			if (!policyDecision.allowed()) {
				outcome = Outcome.DENIED;
				detail = PolicyGate.refusal(name, policyDecision);
				return errorResult(detail);
			}
			dev.cairn.policy.Decision.Obligations obligations = ((dev.cairn.policy.Decision.Allow) policyDecision)
				.obligations();
			ToolResult result = ResultObligations.apply(
					this.tool.call(input, new ExchangeToolContext(caller, exchange, request, obligations.limit())),
					obligations);
			outcome = result.error() ? Outcome.ERROR : Outcome.SUCCESS;
			if (result.error()) {
				detail = result.text();
				return errorResult(result.text());
			}
			ToolResult redacted = redacted(result);
			@SuppressWarnings("unchecked")
			Map<String, Object> structured = (Map<String, Object>) redacted.structured();
			return ToolResultMapper.toCallToolResult(redacted, structured);
		}
		catch (ToolInputException ex) {
			detail = "invalid arguments for " + name + ": " + ex.getMessage();
			return errorResult(detail);
		}
		catch (ClientCapabilityException ex) {
			// A tool needs something this client does not offer (sampling, elicitation).
			detail = name + " cannot run with this client: " + ex.getMessage() + ".";
			return errorResult(detail);
		}
		catch (RuntimeException ex) {
			logger.warn("tool {} failed (request {}): {}", name, requestId, Redactor.text(stackTraceOf(ex)));
			detail = name + " failed: " + describe(ex);
			return errorResult(
					detail + ". This is a server-side problem; retrying will not help until it is fixed (request id "
							+ requestId + ").");
		}
		finally {
			long micros = (System.nanoTime() - started) / 1000;
			this.audit.completed(ticket, outcome, detail, micros);
			logger.info("tool={} caller={} client={} outcome={} micros={} request={} audit={}", name,
					(caller != null) ? caller.principal() : "-", (caller != null) ? caller.agentClient() : "-",
					outcome.wireName(), micros, requestId, ticket.seq());
		}
	}

	private String targetOf(I input) {
		try {
			return this.tool.target(input);
		}
		catch (RuntimeException ex) {
			// A target is for the record; a tool that cannot name one still runs.
			return null;
		}
	}

	/**
	 * A result as it may leave the gateway: its text, structured content and embedded
	 * text through the redactor, whatever the tool read (logs, events, configuration).
	 * The structured content comes back in JSON form (a map), or {@code null}.
	 */
	static ToolResult redacted(ToolResult result) {
		Object structured = (result.structured() != null)
				? Redactor.json(ToolResultMapper.toObject(result.structured())) : null;
		return result.withTexts(Redactor::text, structured);
	}

	/** An error result, its text redacted: error texts may quote what the caller sent. */
	private static CallToolResult errorResult(String text) {
		return ToolResultMapper.toCallToolResult(ToolResult.error(Redactor.text(text)));
	}

	private static String stackTraceOf(Throwable ex) {
		StringWriter out = new StringWriter();
		ex.printStackTrace(new PrintWriter(out));
		return out.toString();
	}

	private RequestFacts factsOf(McpSyncServerExchange exchange) {
		if (this.stdio) {
			return RequestFacts.stdio();
		}
		return McpHttpTransportConfiguration.factsOf(exchange.transportContext());
	}

	private static String clientOf(McpSyncServerExchange exchange) {
		McpSchema.Implementation info = exchange.getClientInfo();
		return (info != null) ? info.name() + "/" + info.version() : null;
	}

	private static String describe(RuntimeException ex) {
		String message = ex.getMessage();
		return (message != null && !message.isBlank()) ? message : ex.getClass().getSimpleName();
	}

	private record ExchangeToolContext(Caller caller, McpSyncServerExchange exchange, CallToolRequest request,
			Integer policyLimit) implements ToolContext {

		@Override
		public OptionalInt resultLimit() {
			return (this.policyLimit != null) ? OptionalInt.of(this.policyLimit) : OptionalInt.empty();
		}

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
