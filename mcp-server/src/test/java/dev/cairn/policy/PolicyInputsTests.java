package dev.cairn.policy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.cairn.identity.Caller;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Building inputs: groups from the catalog, an agent's permissions from the user it acts
 * for, the target found in the arguments, the tenant from the principal's namespace.
 */
class PolicyInputsTests {

	@Test
	void aUserCarriesTheirGroups() {
		PolicyInput input = TestInputs.call(TestInputs.user("alice"), TestInputs.change("deploy_service"), "ledger",
				"staging");
		assertThat(input.principal())
			.isEqualTo(new PolicyInput.Principal("user:default/alice", Caller.PrincipalKind.USER,
					List.of(TestInputs.ENGINEERING, TestInputs.PAYMENTS), "default", null, null));
		assertThat(input.resource().entity()).isEqualTo(TestInputs.ENTITIES.get("ledger"));
		assertThat(input.resource().environment()).isEqualTo("staging");
		assertThat(input.action()).isEqualTo(new PolicyInput.Action("deploy_service",
				Map.of("ref", "ledger", "environment", "staging"), false, false, Caller.Channel.MCP));
		assertThat(input.context().purpose()).isEqualTo(PolicyInput.Purpose.CALL);
		assertThat(input.context().time()).isEqualTo(TestInputs.CLOCK.instant());
	}

	@Test
	void anAgentHasNoGroupsOfItsOwnAndCarriesItsUsers() {
		PolicyInput input = TestInputs.call(TestInputs.agentFor("dave"), TestInputs.read("catalog_search"), null, null);
		assertThat(input.principal().groups()).isEmpty();
		assertThat(input.principal().kind()).isEqualTo(Caller.PrincipalKind.AGENT);
		assertThat(input.principal().agentClient()).isEqualTo("claude-code/2.1.0");
		assertThat(input.principal().actingFor()).isEqualTo(
				new PolicyInput.ActingFor("user:default/dave", List.of(TestInputs.CHECKOUT, TestInputs.ENGINEERING)));
	}

	@Test
	void theTargetIsFoundByConvention() {
		PolicyInputs inputs = TestInputs.INPUTS;
		for (String name : PolicyInputs.TARGET_ARGUMENTS) {
			PolicyInput input = inputs.forCall(TestInputs.user("alice"), TestInputs.read("x_get"),
					Map.of(name, "cart", "env", "production"), "r", null);
			assertThat(input.resource().entity()).as(name).isEqualTo(TestInputs.ENTITIES.get("cart"));
			assertThat(input.resource().environment()).isEqualTo("production");
		}
		PolicyInput unknown = inputs.forCall(TestInputs.user("alice"), TestInputs.read("x_get"),
				Map.of("ref", "no-such-service", "environment", 3), "r", null);
		assertThat(unknown.resource()).isEqualTo(PolicyInput.Resource.NONE);
	}

	@Test
	void aListingHasNoArgumentsAndNoTarget() {
		PolicyInput input = TestInputs.INPUTS.forListing(TestInputs.user("alice"),
				TestInputs.destroy("deploy_rollback"));
		assertThat(input.context().purpose()).isEqualTo(PolicyInput.Purpose.LIST);
		assertThat(input.action().arguments()).isEmpty();
		assertThat(input.action().destructive()).isTrue();
		assertThat(input.resource()).isEqualTo(PolicyInput.Resource.NONE);
		assertThat(input.toJson()).extractingByKey("context")
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry("purpose", "list");
	}

	@Test
	void theTenantIsThePrincipalsNamespace() {
		assertThat(PolicyInputs.tenantOf("user:acme/dana")).isEqualTo("acme");
		assertThat(PolicyInputs.tenantOf("user:default/dana")).isEqualTo("default");
		assertThat(PolicyInputs.tenantOf("dana")).isEqualTo("default");
		assertThat(PolicyInputs.tenantOf("user:dana")).isEqualTo("default");
	}

	@Test
	void theJsonUsesTheDocumentedNames() {
		Map<String, Object> json = TestInputs
			.call(TestInputs.agentFor("alice"), TestInputs.destroy("deploy_rollback"), "payment-api", "production")
			.toJson();
		assertThat(json).containsOnlyKeys("principal", "action", "resource", "context");
		assertThat(json.get("principal")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry("kind", "agent")
			.containsEntry("agent_client", "claude-code/2.1.0")
			.containsKey("acting_for");
		assertThat(json.get("action")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry("read_only", false)
			.containsEntry("destructive", true)
			.containsEntry("channel", "mcp");
		assertThat(json.get("context")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry("time", "2026-11-21T10:00:00Z")
			.containsEntry("request_id", "req-1")
			.containsEntry("approval", null);
	}

}
