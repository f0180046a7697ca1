package dev.cairn.policy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.cairn.rego.value.Values;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one reading of a decision document: the contract of policies/README.md, and a
 * fail-closed denial for everything else.
 */
class DecisionMapperTests {

	private static Decision map(String json) {
		return DecisionMapper.map(new DecisionDocument(Values.parseJson(json), "rev1", "dec-1"));
	}

	@Test
	void readsAnAllowWithItsObligations() {
		Decision decision = map("""
				{"allow": true, "reasons": [], "hint": null, "approval": null,
				 "obligations": {"redact": ["spec.profile.email"], "limit": 100}}""");
		assertThat(decision).isEqualTo(
				new Decision.Allow(new Decision.Obligations(List.of("spec.profile.email"), 100), "rev1", "dec-1"));
		assertThat(decision.allowed()).isTrue();
	}

	@Test
	void readsABareAllow() {
		assertThat(map("{\"allow\": true}")).isEqualTo(new Decision.Allow(Decision.Obligations.NONE, "rev1", "dec-1"));
	}

	@Test
	void readsADenialWithReasonsAndHint() {
		Decision decision = map("""
				{"allow": false, "reasons": ["not_owner"], "hint": "ask team-payments",
				 "approval": null, "obligations": {}}""");
		assertThat(decision)
			.isEqualTo(new Decision.Deny(List.of("not_owner"), "ask team-payments", null, "rev1", "dec-1"));
		assertThat(((Decision.Deny) decision).policyUnavailable()).isFalse();
	}

	@Test
	void aDenialWithoutReasonsStillHasOne() {
		assertThat(map("{\"allow\": false}")).isInstanceOfSatisfying(Decision.Deny.class,
				(deny) -> assertThat(deny.reasons()).containsExactly("denied"));
	}

	@Test
	void readsAnApprovalRequest() {
		Decision decision = map("""
				{"allow": false, "reasons": ["approval_required"], "hint": "call again",
				 "approval": {"approvers": ["group:default/team-payments"], "reason": "tier-1 production"},
				 "obligations": {}}""");
		assertThat(decision).isEqualTo(new Decision.RequireApproval(List.of("group:default/team-payments"),
				"tier-1 production", "call again", "rev1", "dec-1"));
	}

	@Test
	void anUndefinedDecisionFailsClosed() {
		Decision decision = DecisionMapper.map(new DecisionDocument(null, "rev1", "dec-1"));
		assertThat(decision).isInstanceOfSatisfying(Decision.Deny.class, (deny) -> {
			assertThat(deny.reasons()).containsExactly(Decision.POLICY_UNAVAILABLE);
			assertThat(deny.policyUnavailable()).isTrue();
			assertThat(deny.error()).contains("undefined");
			assertThat(deny.hint()).contains("nothing was run");
			assertThat(deny.revision()).isEqualTo("rev1");
			assertThat(deny.decisionId()).isEqualTo("dec-1");
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "true", "\"allow\"", "[]", "null", "42", "{}", "{\"reasons\": []}",
			"{\"allow\": \"true\"}", "{\"allow\": 1}", "{\"allow\": null}", "{\"allow\": true, \"reason\": []}",
			"{\"allow\": true, \"extra\": 1}", "{\"allow\": false, \"reasons\": \"not_owner\"}",
			"{\"allow\": false, \"reasons\": [1]}", "{\"allow\": false, \"hint\": [\"x\"]}",
			"{\"allow\": true, \"approval\": {\"approvers\": [\"g\"], \"reason\": \"r\"}}",
			"{\"allow\": false, \"approval\": {\"approvers\": [], \"reason\": \"r\"}}",
			"{\"allow\": false, \"approval\": {\"approvers\": [\"g\"]}}",
			"{\"allow\": false, \"approval\": {\"approvers\": \"g\", \"reason\": \"r\"}}",
			"{\"allow\": false, \"approval\": {\"approvers\": [\"g\"], \"reason\": \"r\", \"by\": 1}}",
			"{\"allow\": false, \"approval\": true}", "{\"allow\": true, \"obligations\": []}",
			"{\"allow\": true, \"obligations\": {\"limit\": -1}}", "{\"allow\": true, \"obligations\": {\"limit\": 0}}",
			"{\"allow\": true, \"obligations\": {\"limit\": 1.5}}",
			"{\"allow\": true, \"obligations\": {\"limit\": \"10\"}}",
			"{\"allow\": true, \"obligations\": {\"redact\": \"x\"}}",
			"{\"allow\": true, \"obligations\": {\"mask\": []}}" })
	void aMalformedDecisionFailsClosed(String json) {
		assertThat(map(json)).isInstanceOfSatisfying(Decision.Deny.class, (deny) -> {
			assertThat(deny.reasons()).containsExactly(Decision.POLICY_UNAVAILABLE);
			assertThat(deny.error()).startsWith("malformed decision (revision rev1): ");
		});
	}

	@Test
	void theErrorSaysWhatIsWrong() {
		assertThat(map("{\"allow\": true, \"reason\": []}")).isInstanceOfSatisfying(Decision.Deny.class,
				(deny) -> assertThat(deny.error()).contains("unknown key \"reason\"")
					.contains("[allow, approval, hint, obligations, reasons]"));
		assertThat(map("{\"allow\": \"yes\"}")).isInstanceOfSatisfying(Decision.Deny.class,
				(deny) -> assertThat(deny.error()).contains("\"allow\" must be true or false, got string \"yes\""));
	}

}
