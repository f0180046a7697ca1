package dev.cairn.mcp;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.cairn.identity.Caller;
import dev.cairn.policy.Decision;
import dev.cairn.policy.PolicyInputs;
import dev.cairn.policy.PolicyService;
import dev.cairn.policy.ToolFacts;

/**
 * The policy decision on one tool call, and what it means for the audit trail and for the
 * agent: a denial says why and what to do instead; an action that needs an approval says
 * who must approve.
 */
@Component
class PolicyGate {

	private final PolicyService policy;

	private final PolicyInputs inputs;

	PolicyGate(PolicyService policy, PolicyInputs inputs) {
		this.policy = policy;
		this.inputs = inputs;
	}

	/** Decides a call; never throws (the policy service fails closed). */
	Decision decide(Caller caller, ToolDescriptor tool, Map<String, Object> arguments, String requestId) {
		return this.policy.decide(this.inputs.forCall(caller,
				new ToolFacts(tool.name(), tool.readOnly(), tool.destructive()), arguments, requestId, null));
	}

	/** What the agent reads when the call does not run. */
	static String refusal(String tool, Decision decision) {
		if (decision instanceof Decision.Deny deny) {
			String text = tool + " was denied by policy (" + String.join(", ", deny.reasons()) + ")";
			return (deny.hint() != null) ? text + ": " + deny.hint() : text + ".";
		}
		Decision.RequireApproval approval = (Decision.RequireApproval) decision;
		String text = tool + " needs an approval before it runs: " + approval.reason() + ". Who may approve: "
				+ String.join(", ", approval.approvers()) + ".";
		return (approval.hint() != null) ? text + " " + approval.hint() : text;
	}

}
