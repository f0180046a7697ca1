package dev.cairn.policy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.cairn.rego.value.Values;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service around the engines: no identity, no engine; every engine failure is a
 * fail-closed denial; readiness follows the outcome of the last decision.
 */
class PolicyServiceTests {

	/** An engine that answers with a document, or fails, as told, and counts calls. */
	static final class ScriptedEngine implements PolicyEngine {

		final AtomicInteger calls = new AtomicInteger();

		volatile String document = "{\"allow\": true}";

		volatile RuntimeException failure;

		@Override
		public DecisionDocument evaluate(PolicyInput input) {
			this.calls.incrementAndGet();
			if (this.failure != null) {
				throw this.failure;
			}
			return new DecisionDocument((this.document != null) ? Values.parseJson(this.document) : null, "abc123",
					null);
		}

		@Override
		public String revision() {
			return "abc123";
		}

		@Override
		public String describe() {
			return "scripted";
		}

	}

	private final ScriptedEngine engine = new ScriptedEngine();

	private final PolicyService service = new PolicyService(this.engine, TestInputs.CLOCK);

	private static PolicyInput input() {
		return TestInputs.call(TestInputs.user("alice"), TestInputs.change("deploy_service"), "payment-api", "staging");
	}

	@Test
	void anInputWithoutAPrincipalIsDeniedWithoutAskingTheEngine() {
		PolicyInput anonymous = TestInputs.INPUTS.forCall(null, TestInputs.read("catalog_search"), Map.of(), "req-1",
				null);
		assertThat(anonymous.principal()).isNull();
		Decision decision = this.service.decide(anonymous);
		assertThat(decision).isInstanceOfSatisfying(Decision.Deny.class, (deny) -> {
			assertThat(deny.reasons()).containsExactly(Decision.UNIDENTIFIED);
			assertThat(deny.policyUnavailable()).isFalse();
			assertThat(deny.hint()).contains("authenticate");
			assertThat(deny.revision()).isEqualTo("abc123");
		});
		assertThat(this.service.decide(null)).isInstanceOf(Decision.Deny.class);
		assertThat(this.service.visible(anonymous)).isFalse();
		assertThat(this.engine.calls).hasValue(0);
	}

	@Test
	void anEngineFailureDeniesAndKeepsTheRevision() {
		this.engine.failure = new PolicyUnavailableException("OPA answered HTTP 503", "b@7");
		Decision.Deny deny = OpaServerEngineTests.unavailable(this.service.decide(input()));
		assertThat(deny.error()).isEqualTo("OPA answered HTTP 503");
		assertThat(deny.revision()).isEqualTo("b@7");
		assertThat(deny.hint()).contains("nothing was run");
	}

	@Test
	void aBugInAnEngineDeniesToo() {
		this.engine.failure = new IllegalStateException("boom");
		assertThat(OpaServerEngineTests.unavailable(this.service.decide(input())).error())
			.isEqualTo("unexpected engine failure: java.lang.IllegalStateException: boom");
	}

	@Test
	void anArgumentThatIsNotJsonDenies() {
		PolicyService rego = new PolicyService(TestInputs.shippedEngine(), TestInputs.CLOCK);
		PolicyInput input = TestInputs.INPUTS.forCall(TestInputs.user("alice"), TestInputs.read("catalog_search"),
				Map.of("when", new Object()), "req-1", null);
		assertThat(OpaServerEngineTests.unavailable(rego.decide(input)).error()).startsWith("the input is not JSON");
	}

	@Test
	void readinessIsDownUntilADecisionSucceedsAndAfterOneFails() {
		assertThat(this.service.status().ready()).isFalse();
		this.service.decide(input());
		assertThat(this.service.status().ready()).isTrue();
		assertThat(this.service.status().lastSuccess()).isEqualTo(TestInputs.CLOCK.instant());

		this.engine.document = "{\"allow\": \"yes\"}";
		this.service.decide(input());
		assertThat(this.service.status().ready()).isFalse();
		assertThat(this.service.status().lastError()).contains("\"allow\" must be true or false");

		// A well-formed denial is a successful decision.
		this.engine.document = "{\"allow\": false, \"reasons\": [\"not_owner\"]}";
		this.service.decide(input());
		assertThat(this.service.status().ready()).isTrue();

		this.engine.document = null;
		this.service.decide(input());
		assertThat(this.service.status().ready()).isFalse();
	}

	@Test
	void aToolIsVisibleWhenAllowedOrAllowedAfterApproval() {
		PolicyInput listing = TestInputs.INPUTS.forListing(TestInputs.user("alice"),
				TestInputs.change("deploy_service"));
		assertThat(this.service.visible(listing)).isTrue();
		this.engine.document = "{\"allow\": false, \"approval\": {\"approvers\": [\"g\"], \"reason\": \"r\"}}";
		assertThat(this.service.visible(listing)).isTrue();
		this.engine.document = "{\"allow\": false, \"reasons\": [\"not_owner\"]}";
		assertThat(this.service.visible(listing)).isFalse();
		this.engine.failure = new PolicyUnavailableException("down", "none");
		assertThat(this.service.visible(listing)).isFalse();
	}

	@Test
	void theHealthIndicatorProbesWhileDownAndRecovers() {
		Clock clock = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);
		PolicyService service = new PolicyService(this.engine, clock);
		PolicyHealthIndicator health = new PolicyHealthIndicator(service);
		this.engine.failure = new PolicyUnavailableException("cannot connect to OPA at opa:8181", "none");
		assertThat(health.health().getStatus().getCode()).isEqualTo("DOWN");
		assertThat(health.health().getDetails()).containsEntry("lastError", "cannot connect to OPA at opa:8181")
			.containsEntry("engine", "scripted");
		this.engine.failure = null;
		assertThat(health.health().getStatus().getCode()).isEqualTo("UP");
		int calls = this.engine.calls.get();
		// While up, a health check asks nothing.
		assertThat(health.health().getDetails()).containsEntry("revision", "abc123");
		assertThat(this.engine.calls).hasValue(calls);
	}

	@Test
	void theShippedPolicyIsHealthyAndReportsARejectedChange() {
		PolicyService service = new PolicyService(TestInputs.shippedEngine(), TestInputs.CLOCK);
		PolicyHealthIndicator health = new PolicyHealthIndicator(service);
		assertThat(health.health().getStatus().getCode()).isEqualTo("UP");
		assertThat(health.health().getDetails()).doesNotContainKey("rejectedChange")
			.containsEntry("revision", service.revision());
		assertThat(service.engine()).isEqualTo("rego ../policies data.cairn.authz.decision");
		assertThat(List.of(service.revision())).allMatch((revision) -> revision.matches("[0-9a-f]{12}"));
	}

}
