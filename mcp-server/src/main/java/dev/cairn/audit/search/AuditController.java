package dev.cairn.audit.search;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.cairn.audit.AuditCall;
import dev.cairn.audit.AuditQuery;
import dev.cairn.audit.AuditTrail;
import dev.cairn.audit.AuditUnavailableException;
import dev.cairn.audit.Decision;
import dev.cairn.audit.Outcome;
import dev.cairn.identity.Caller;
import dev.cairn.identity.CallerResolver;
import dev.cairn.identity.RequestFacts;
import dev.cairn.identity.UnauthenticatedException;
import dev.cairn.policy.PolicyInputs;
import dev.cairn.policy.PolicyService;
import dev.cairn.policy.ToolFacts;
import dev.cairn.mcp.ToolInputException;

/**
 * {@code GET /api/audit}: the same search as {@code audit_search}, for people and
 * scripts, with the same filters as query parameters. The read is itself recorded in the
 * trail (channel {@code api}). Errors are JSON objects with an {@code error} field.
 */
@RestController
@ConditionalOnWebApplication
class AuditController {

	private static final String TOOL = "audit_search";

	private final AuditTrail audit;

	private final CallerResolver callers;

	private final Clock clock;

	private final PolicyService policy;

	private final PolicyInputs inputs;

	AuditController(AuditTrail audit, CallerResolver callers, Clock clock, PolicyService policy, PolicyInputs inputs) {
		this.audit = audit;
		this.callers = callers;
		this.clock = clock;
		this.policy = policy;
		this.inputs = inputs;
	}

	@GetMapping(path = "/api/audit", produces = "application/json")
	ResponseEntity<Object> search(@RequestParam(required = false) String principal,
			@RequestParam(required = false) String tool, @RequestParam(required = false) String target,
			@RequestParam(required = false) String decision, @RequestParam(required = false) String outcome,
			@RequestParam(required = false) String since, @RequestParam(required = false) String until,
			@RequestParam(required = false) String beforeSeq, @RequestParam(required = false) String limit,
			HttpServletRequest request) {
		long started = System.nanoTime();
		Caller caller;
		try {
			caller = this.callers.resolve(new RequestFacts(RequestFacts.HTTP, request.getRemoteAddr(),
					request.getHeader(HttpHeaders.AUTHORIZATION)), Caller.Channel.API, null);
		}
		catch (UnauthenticatedException ex) {
			return error(HttpStatus.UNAUTHORIZED, "unauthenticated: " + ex.getMessage());
		}
		if (caller.authentication().startsWith("local-demo") && !isLoopbackHost(request.getHeader(HttpHeaders.HOST))) {
			// The demo identity is granted by address; a page that rebinds its own name
			// to
			// 127.0.0.1 must not inherit it.
			return error(HttpStatus.FORBIDDEN,
					"forbidden: the local demo identity is only accepted with a loopback Host");
		}
		Map<String, Object> arguments = new LinkedHashMap<>();
		put(arguments, "principal", principal);
		put(arguments, "tool", tool);
		put(arguments, "target", target);
		put(arguments, "decision", decision);
		put(arguments, "outcome", outcome);
		put(arguments, "since", since);
		put(arguments, "until", until);
		put(arguments, "beforeSeq", beforeSeq);
		put(arguments, "limit", limit);
		AuditQuery query;
		Decision decided;
		String refusal = null;
		HttpStatus refusalStatus = HttpStatus.BAD_REQUEST;
		String requestId = UUID.randomUUID().toString();
		try {
			query = SearchRequest.query(principal, tool, target, decision, outcome, since, until,
					number("beforeSeq", beforeSeq), (limit != null) ? number("limit", limit).intValue() : null);
			// A REST read is decided by the same policy as the audit_search tool.
			dev.cairn.policy.Decision policyDecision = this.policy
				.decide(this.inputs.forCall(caller, new ToolFacts(TOOL, true, false), arguments, requestId, null));
			decided = Decision.of(policyDecision);
			if (!policyDecision.allowed()) {
				refusal = (policyDecision instanceof dev.cairn.policy.Decision.Deny deny)
						? "denied by policy (" + String.join(", ", deny.reasons()) + ")"
								+ ((deny.hint() != null) ? ": " + deny.hint() : "")
						: "denied: reading the audit trail needs an approval";
				refusalStatus = HttpStatus.FORBIDDEN;
			}
		}
		catch (ToolInputException ex) {
			query = null;
			refusal = "invalid arguments for " + TOOL + ": " + ex.getMessage();
			decided = Decision.deny("invalid arguments: " + ex.getMessage(), null);
		}
		AuditTrail.Ticket ticket;
		try {
			ticket = this.audit.decided(
					new AuditCall(requestId, this.clock.instant(), caller, Caller.Channel.API, TOOL, null, arguments),
					decided);
		}
		catch (AuditUnavailableException ex) {
			return error(HttpStatus.SERVICE_UNAVAILABLE, "the audit trail cannot be read or written right now");
		}
		Outcome end = Outcome.ERROR;
		String detail = null;
		try {
			if (refusal != null) {
				end = Outcome.DENIED;
				detail = refusal;
				return error(refusalStatus, refusal);
			}
			SearchAnswer answer = SearchAnswer.of(this.audit.search(query), query.beforeSeq());
			end = Outcome.SUCCESS;
			return ResponseEntity.ok(answer);
		}
		catch (AuditUnavailableException ex) {
			detail = "the audit trail cannot be read";
			return error(HttpStatus.SERVICE_UNAVAILABLE, detail);
		}
		finally {
			this.audit.completed(ticket, end, detail, (System.nanoTime() - started) / 1000);
		}
	}

	private static Long number(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Long.parseLong(value.trim());
		}
		catch (NumberFormatException ex) {
			throw new ToolInputException(field, "must be a whole number, got \"" + value + "\"");
		}
	}

	private static void put(Map<String, Object> arguments, String name, String value) {
		if (value != null) {
			arguments.put(name, value);
		}
	}

	static boolean isLoopbackHost(String host) {
		if (host == null) {
			return false;
		}
		String name = host.toLowerCase(Locale.ROOT);
		if (name.startsWith("[")) {
			int end = name.indexOf(']');
			name = (end > 0) ? name.substring(0, end + 1) : name;
		}
		else if (name.indexOf(':') >= 0) {
			name = name.substring(0, name.indexOf(':'));
		}
		return name.equals("localhost") || name.equals("127.0.0.1") || name.equals("[::1]");
	}

	private static ResponseEntity<Object> error(HttpStatus status, String message) {
		return ResponseEntity.status(status).body(Map.of("error", dev.cairn.redaction.Redactor.text(message)));
	}

}
