package dev.cairn.audit;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The decision taken on a call, as the audit trail records it.
 *
 * @param verdict what was decided
 * @param reasons why, in words a reader of the trail understands; never {@code null}
 * @param policyRevision the revision of the policy that decided, or {@code null} when no
 * policy was consulted (the gateway refused the call itself, or no engine is configured)
 */
public record Decision(Verdict verdict, List<String> reasons, String policyRevision) {

	public Decision {
		Objects.requireNonNull(verdict, "verdict");
		reasons = (reasons != null) ? List.copyOf(reasons) : List.of();
	}

	public static Decision allow(String reason, String policyRevision) {
		return new Decision(Verdict.ALLOW, List.of(reason), policyRevision);
	}

	public static Decision deny(String reason, String policyRevision) {
		return new Decision(Verdict.DENY, List.of(reason), policyRevision);
	}

	/**
	 * A policy decision as the trail records it: a fail-closed denial is a policy error
	 * with what went wrong; an approval lists its approvers; the revision carries OPA's
	 * decision id when there is one.
	 */
	public static Decision of(dev.cairn.policy.Decision decision) {
		String revision = (decision.decisionId() != null)
				? decision.revision() + " (decision " + decision.decisionId() + ")" : decision.revision();
		if (decision instanceof dev.cairn.policy.Decision.Allow allow) {
			List<String> reasons = new java.util.ArrayList<>(List.of("allowed by policy"));
			if (!allow.obligations().redact().isEmpty()) {
				reasons.add("redact: " + String.join(", ", allow.obligations().redact()));
			}
			if (allow.obligations().limit() != null) {
				reasons.add("limit: " + allow.obligations().limit());
			}
			return new Decision(Verdict.ALLOW, reasons, revision);
		}
		if (decision instanceof dev.cairn.policy.Decision.Deny deny) {
			if (deny.policyUnavailable()) {
				List<String> reasons = new java.util.ArrayList<>(deny.reasons());
				reasons.add(deny.error());
				return new Decision(Verdict.POLICY_ERROR, reasons, revision);
			}
			return new Decision(Verdict.DENY, deny.reasons(), revision);
		}
		dev.cairn.policy.Decision.RequireApproval approval = (dev.cairn.policy.Decision.RequireApproval) decision;
		return new Decision(Verdict.APPROVAL_REQUIRED,
				List.of(approval.reason(), "approvers: " + String.join(", ", approval.approvers())), revision);
	}

	/** What a decision can be. */
	public enum Verdict {

		ALLOW, DENY, APPROVAL_REQUIRED, POLICY_ERROR;

		/** The name stored and shown: {@code allow}, {@code approval_required}, ... */
		public String wireName() {
			return name().toLowerCase(Locale.ROOT);
		}

		/** The verdict with this wire name, or {@code null}. */
		public static Verdict fromWireName(String name) {
			for (Verdict verdict : values()) {
				if (verdict.wireName().equals(name)) {
					return verdict;
				}
			}
			return null;
		}

	}

}
