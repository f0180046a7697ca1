package dev.cairn.policy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.cairn.identity.Caller;

/**
 * Principals, targets and inputs for policy tests: the demo organisation's people and
 * services, as the catalog would describe them.
 */
final class TestInputs {

	/** The guardrails as shipped, read from the repository (tests run in mcp-server/). */
	static final Path SHIPPED = Path.of("..", "policies");

	static final String ENTRYPOINT = "data.cairn.authz.decision";

	static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);

	static final String PAYMENTS = "group:default/team-payments";

	static final String CHECKOUT = "group:default/team-checkout";

	static final String PLATFORM = "group:default/team-platform";

	static final String ENGINEERING = "group:default/engineering";

	static final Map<String, List<String>> GROUPS = Map.of("user:default/alice", List.of(ENGINEERING, PAYMENTS),
			"user:default/bob", List.of(ENGINEERING, PAYMENTS), "user:default/dave", List.of(CHECKOUT, ENGINEERING),
			"user:default/grace", List.of(ENGINEERING, PLATFORM), "service:default/deploy-bot", List.of(PAYMENTS));

	static final Map<String, PolicyInput.Target> ENTITIES = Map.of("payment-api",
			target("payment-api", PAYMENTS, "tier-1"), "ledger", target("ledger", PAYMENTS, "tier-2"), "checkout-web",
			target("checkout-web", CHECKOUT, "tier-1"), "cart", target("cart", CHECKOUT, "tier-3"));

	static final PolicyInputs INPUTS = new PolicyInputs((ref) -> GROUPS.getOrDefault(ref, List.of()),
			(ref) -> Optional.ofNullable(ENTITIES.get(ref.replaceFirst("^component:(default/)?", ""))), CLOCK);

	private TestInputs() {
	}

	static PolicyInput.Target target(String name, String owner, String tier) {
		return new PolicyInput.Target("component:default/" + name, "component", "default", owner, "production", tier,
				"system:default/payments", List.of("java"));
	}

	static Caller user(String name) {
		return new Caller("user:default/" + name, Caller.PrincipalKind.USER, Caller.Channel.MCP, null, null, "test");
	}

	static Caller agentFor(String name) {
		return new Caller("agent:default/assistant", Caller.PrincipalKind.AGENT, Caller.Channel.MCP,
				"claude-code/2.1.0", "user:default/" + name, "test");
	}

	static Caller loneAgent() {
		return new Caller("agent:default/assistant", Caller.PrincipalKind.AGENT, Caller.Channel.MCP,
				"claude-code/2.1.0", null, "test");
	}

	static Caller service(String name) {
		return new Caller("service:default/" + name, Caller.PrincipalKind.SERVICE, Caller.Channel.API, null, null,
				"test");
	}

	static PolicyInput call(Caller caller, ToolFacts tool, String target, String environment) {
		Map<String, Object> arguments = new java.util.LinkedHashMap<>();
		if (target != null) {
			arguments.put("ref", target);
		}
		if (environment != null) {
			arguments.put("environment", environment);
		}
		return INPUTS.forCall(caller, tool, arguments, "req-1", null);
	}

	static ToolFacts read(String name) {
		return new ToolFacts(name, true, false);
	}

	static ToolFacts change(String name) {
		return new ToolFacts(name, false, false);
	}

	static ToolFacts destroy(String name) {
		return new ToolFacts(name, false, true);
	}

	static RegoPolicyEngine shippedEngine() {
		return new RegoPolicyEngine(SHIPPED, ENTRYPOINT, java.time.Duration.ofSeconds(5), CLOCK);
	}

}
