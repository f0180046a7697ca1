package dev.cairn.policy;

import java.util.Objects;

import dev.cairn.rego.value.Value;

/**
 * What an engine answered, before it is read as a {@link Decision}: the value of the
 * entrypoint, the revision that produced it, and OPA's decision id.
 *
 * @param result the entrypoint's value, or {@code null} when it is undefined
 * @param revision the policy revision that was evaluated
 * @param decisionId OPA's {@code decision_id}, or {@code null}
 */
record DecisionDocument(Value result, String revision, String decisionId) {

	DecisionDocument {
		Objects.requireNonNull(revision, "revision");
	}

}
