package dev.cairn.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.cairn.identity.Caller;

/**
 * Who × what × where over the shipped guardrails, with the outcome each case must have
 * worked out here, in Java, from the rules as policies/README.md states them: a second
 * statement of the rules that the Rego has to agree with.
 */
final class PolicyMatrix {

	enum Outcome {

		ALLOW, DENY, APPROVAL

	}

	/**
	 * One principal: how it calls, and what the rules need to know about it.
	 *
	 * @param owner whether it (or the user it acts for) is in the owning group of both
	 * targets
	 * @param breakGlass whether it is a human in a break-glass group
	 */
	record Who(String name, Caller caller, boolean agent, boolean actsForSomeone, boolean owner, boolean breakGlass) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	record Case(Who who, ToolFacts tool, String entity, String environment, boolean frozen) {

		boolean mutating() {
			return !this.tool.readOnly();
		}

		boolean production() {
			return "production".equals(this.environment);
		}

		boolean tier1() {
			return "payment-api".equals(this.entity);
		}

		PolicyInput input() {
			return TestInputs.call(this.who.caller(), this.tool, this.entity, this.environment);
		}

		/** The denial reasons the rules give, empty when none applies. */
		Set<String> denials() {
			Set<String> reasons = new TreeSet<>();
			if (this.who.agent() && mutating() && !this.who.actsForSomeone()) {
				reasons.add("agent_without_user");
			}
			if (mutating() && !this.who.owner()) {
				reasons.add("not_owner");
			}
			if (this.who.agent() && this.tool.destructive() && production()) {
				reasons.add("agent_destructive_in_production");
			}
			if (this.frozen && mutating() && production() && !this.who.breakGlass()) {
				reasons.add("change_freeze");
			}
			return reasons;
		}

		Outcome expected() {
			if (!denials().isEmpty()) {
				return Outcome.DENY;
			}
			if (mutating() && production() && tier1()) {
				return Outcome.APPROVAL;
			}
			return Outcome.ALLOW;
		}

		@Override
		public String toString() {
			return this.who + " " + this.tool.name() + " " + this.entity + " in " + this.environment
					+ (this.frozen ? " (frozen)" : "");
		}

	}

	static final List<Who> PRINCIPALS = List
		.of(new Who("alice (owner)", TestInputs.user("alice"), false, false, true, false),
				new Who("dave (not an owner)", TestInputs.user("dave"), false, false, false, false),
				new Who("grace (not an owner, break-glass)", TestInputs.user("grace"), false, false, false, true),
				new Who("agent for alice", TestInputs.agentFor("alice"), true, true, true, false),
				new Who("agent for dave", TestInputs.agentFor("dave"), true, true, false, false),
				new Who("agent for grace", TestInputs.agentFor("grace"), true, true, false, false),
				new Who("agent for nobody", TestInputs.loneAgent(), true, false, false, false),
				new Who("deploy-bot (service in the owning group)", TestInputs.service("deploy-bot"), false, false,
						true, false),
				new Who("ci (service in no group)", TestInputs.service("ci"), false, false, false, false));

	static final List<ToolFacts> TOOLS = List.of(TestInputs.read("catalog_get_entity"),
			TestInputs.change("deploy_service"), TestInputs.destroy("deploy_rollback"));

	static final List<String> ENVIRONMENTS = List.of("staging", "production");

	/** A tier-1 and a tier-2 service, both owned by team-payments. */
	static final List<String> ENTITIES = List.of("payment-api", "ledger");

	private PolicyMatrix() {
	}

	static List<Case> cases(boolean frozen) {
		List<Case> cases = new ArrayList<>();
		for (Who who : PRINCIPALS) {
			for (ToolFacts tool : TOOLS) {
				for (String environment : ENVIRONMENTS) {
					for (String entity : ENTITIES) {
						cases.add(new Case(who, tool, entity, environment, frozen));
					}
				}
			}
		}
		return cases;
	}

}
