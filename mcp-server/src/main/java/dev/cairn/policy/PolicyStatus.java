package dev.cairn.policy;

import java.time.Instant;

/**
 * Whether the engine is deciding: the outcome of the last decision, for readiness. Ready
 * only after a decision succeeded and until one fails closed.
 *
 * @param ready whether the last decision succeeded
 * @param lastSuccess when a decision last succeeded, or {@code null}
 * @param lastFailure when a decision last failed closed, or {@code null}
 * @param lastError why it failed, or {@code null}
 */
record PolicyStatus(boolean ready, Instant lastSuccess, Instant lastFailure, String lastError) {

	static final PolicyStatus STARTING = new PolicyStatus(false, null, null, null);

	PolicyStatus succeeded(Instant at) {
		return new PolicyStatus(true, at, this.lastFailure, this.lastError);
	}

	PolicyStatus failed(Instant at, String error) {
		return new PolicyStatus(false, this.lastSuccess, at, error);
	}

}
