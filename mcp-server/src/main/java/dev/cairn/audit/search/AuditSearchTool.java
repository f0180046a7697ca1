package dev.cairn.audit.search;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.springframework.stereotype.Component;

import dev.cairn.audit.AuditQuery;
import dev.cairn.audit.AuditTrail;
import dev.cairn.mcp.DescribedTool;
import dev.cairn.mcp.Range;
import dev.cairn.mcp.ToolContext;
import dev.cairn.mcp.ToolDescriptor;
import dev.cairn.mcp.ToolResult;

/**
 * {@code audit_search}: who called which tool on what, what was decided and how it ended,
 * newest first.
 */
@Component
class AuditSearchTool extends DescribedTool<AuditSearchTool.Input> {

	private static final ToolDescriptor DESCRIPTOR = ToolDescriptor.readOnly("audit_search", "Search the audit trail",
			"Search the audit trail of tool calls, newest first: who called (principal, agent client, the user an agent "
					+ "acted for), which tool on which entity, the decision and its reasons, the outcome and latency, "
					+ "and a redacted copy of the arguments. All filters are optional and combine with AND. Returns at "
					+ "most 'limit' calls (default 20); when more match, the answer says 'truncated' and gives the "
					+ "beforeSeq to pass for older ones.");

	record Input(
			@JsonPropertyDescription("Principal ref, e.g. user:default/dana or dana (a bare name is a user); matches the caller or the user an agent acted for") String principal,
			@JsonPropertyDescription("Tool name, e.g. catalog_get_entity") String tool,
			@JsonPropertyDescription("Entity ref the call was about, e.g. payment-api or resource:payments-db") String target,
			@JsonPropertyDescription("Decision: allow, deny, approval_required or policy_error") DecisionFilter decision,
			@JsonPropertyDescription("Outcome: success, error or denied") OutcomeFilter outcome,
			@JsonPropertyDescription("Calls at or after this ISO-8601 instant, e.g. 2026-11-21T09:00:00Z") String since,
			@JsonPropertyDescription("Calls before this ISO-8601 instant") String until,
			@Range(min = 1,
					max = Long.MAX_VALUE) @JsonPropertyDescription("Only calls older than this sequence number (from a truncated answer)") Long beforeSeq,
			@Range(min = 1,
					max = 100) @JsonPropertyDescription("Most calls to return, 1-100 (default 20)") Integer limit) {
	}

	enum DecisionFilter {

		allow, deny, approval_required, policy_error

	}

	enum OutcomeFilter {

		success, error, denied

	}

	private final AuditTrail audit;

	AuditSearchTool(AuditTrail audit) {
		super(DESCRIPTOR, Input.class);
		this.audit = audit;
	}

	@Override
	public ToolResult call(Input input, ToolContext context) {
		AuditQuery query = SearchRequest.query(input.principal(), input.tool(), input.target(),
				(input.decision() != null) ? input.decision().name() : null,
				(input.outcome() != null) ? input.outcome().name() : null, input.since(), input.until(),
				input.beforeSeq(), input.limit());
		// Validated as asked, then held to the policy's limit.
		int limit = context.limit(query.limit(), query.limit());
		if (limit < query.limit()) {
			query = new AuditQuery(query.principal(), query.tool(), query.target(), query.decision(), query.outcome(),
					query.since(), query.until(), query.beforeSeq(), limit);
		}
		SearchAnswer answer = SearchAnswer.of(this.audit.search(query), input.beforeSeq());
		return ToolResult.ok(answer.toText(), answer);
	}

}
