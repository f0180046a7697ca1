package dev.cairn.mcp;

import org.springframework.stereotype.Component;

import dev.cairn.identity.Caller;
import dev.cairn.policy.PolicyInputs;
import dev.cairn.policy.PolicyService;
import dev.cairn.policy.ToolFacts;

/**
 * Lists a tool when the policy would allow the caller to call it, or allow it after an
 * approval: the same decision {@code tools/call} asks for, with {@code purpose: "list"}.
 */
@Component
class PolicyToolVisibility implements ToolVisibility {

	private final PolicyService policy;

	private final PolicyInputs inputs;

	PolicyToolVisibility(PolicyService policy, PolicyInputs inputs) {
		this.policy = policy;
		this.inputs = inputs;
	}

	@Override
	public boolean visible(Caller caller, ToolDescriptor tool) {
		return this.policy
			.visible(this.inputs.forListing(caller, new ToolFacts(tool.name(), tool.readOnly(), tool.destructive())));
	}

}
