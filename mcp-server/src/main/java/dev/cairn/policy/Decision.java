package dev.cairn.policy;

import java.util.List;
import java.util.Objects;

/**
 * What the policy decided about one input: {@link Allow}, {@link Deny} or
 * {@link RequireApproval}. Every decision names the policy revision it came from and,
 * when OPA decided with decision logging on, OPA's {@code decision_id}, so that the audit
 * trail can point at both.
 */
public sealed interface Decision permits Decision.Allow, Decision.Deny, Decision.RequireApproval {

	/** The reason of every fail-closed denial. */
	String POLICY_UNAVAILABLE = "policy_unavailable";

	/** The reason when no principal was given. */
	String UNIDENTIFIED = "unidentified";

	/**
	 * The revision of the policy that decided: a short content hash for the in-process
	 * engine, the bundle revisions for OPA; {@code none} when no policy was loaded.
	 */
	String revision();

	/** OPA's {@code decision_id}, or {@code null}. */
	String decisionId();

	/** Whether the action may run now. */
	default boolean allowed() {
		return this instanceof Allow;
	}

	/**
	 * The action may run.
	 *
	 * @param obligations what must be done with its result
	 * @param revision the policy revision
	 * @param decisionId OPA's decision id, or {@code null}
	 */
	record Allow(Obligations obligations, String revision, String decisionId) implements Decision {

		public Allow {
			obligations = (obligations != null) ? obligations : Obligations.NONE;
			Objects.requireNonNull(revision, "revision");
		}

	}

	/**
	 * The action may not run.
	 *
	 * @param reasons machine-readable reasons, for example {@code not_owner}; never empty
	 * @param hint what the caller can do instead, written for an agent; may be
	 * {@code null}
	 * @param error for a fail-closed denial ({@value #POLICY_UNAVAILABLE}), what went
	 * wrong, for logs and the audit trail (not for the agent); otherwise {@code null}
	 * @param revision the policy revision
	 * @param decisionId OPA's decision id, or {@code null}
	 */
	record Deny(List<String> reasons, String hint, String error, String revision,
			String decisionId) implements Decision {

		public Deny {
			reasons = List.copyOf(reasons);
			if (reasons.isEmpty()) {
				throw new IllegalArgumentException("a denial needs a reason");
			}
			Objects.requireNonNull(revision, "revision");
		}

		/**
		 * A fail-closed denial: the policy could not decide.
		 * @param error what went wrong, for logs and audit
		 */
		static Deny unavailable(String error, String revision, String decisionId) {
			return new Deny(List.of(POLICY_UNAVAILABLE),
					"the policy engine could not decide, so nothing was run; try again in a minute, and tell the platform team if it keeps failing",
					Objects.requireNonNull(error, "error"), revision, decisionId);
		}

		/** Whether the policy could not decide (fail closed). */
		public boolean policyUnavailable() {
			return this.error != null;
		}

	}

	/**
	 * The action may run once one of the approvers approves it.
	 *
	 * @param approvers who may approve, catalog refs (usually the owning group); never
	 * empty
	 * @param reason why an approval is needed, for the approvers
	 * @param hint what the caller can do, written for an agent; may be {@code null}
	 * @param revision the policy revision
	 * @param decisionId OPA's decision id, or {@code null}
	 */
	record RequireApproval(List<String> approvers, String reason, String hint, String revision,
			String decisionId) implements Decision {

		public RequireApproval {
			approvers = List.copyOf(approvers);
			if (approvers.isEmpty()) {
				throw new IllegalArgumentException("an approval needs approvers");
			}
			Objects.requireNonNull(reason, "reason");
			Objects.requireNonNull(revision, "revision");
		}

	}

	/**
	 * What an allowed action must do with its result.
	 *
	 * @param redact paths of fields to remove from the result, dot-separated
	 * @param limit the most items a result may list, or {@code null} for the tool's own
	 * bound
	 */
	record Obligations(List<String> redact, Integer limit) {

		public static final Obligations NONE = new Obligations(List.of(), null);

		public Obligations {
			redact = (redact != null) ? List.copyOf(redact) : List.of();
			if (limit != null && limit < 1) {
				throw new IllegalArgumentException("limit must be positive");
			}
		}

	}

}
