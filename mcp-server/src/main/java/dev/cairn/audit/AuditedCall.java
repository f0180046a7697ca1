package dev.cairn.audit;

import java.time.Instant;
import java.util.List;

/**
 * One call as search shows it: its decided entry joined with its completed entry, if any.
 * Arguments are the redacted copy.
 *
 * @param seq the decided entry's sequence
 * @param completedSeq the completed entry's sequence, or {@code null} while none exists
 * @param outcome {@code null} while no completed entry exists
 * @param latencyMicros from arrival to completion
 */
public record AuditedCall(long seq, Long completedSeq, Instant at, String requestId, String principal,
		String principalKind, String agentClient, String onBehalfOf, String channel, String tool, String target,
		String argumentsDigest, Object arguments, String decision, List<String> reasons, String policyRevision,
		String outcome, String outcomeDetail, Long latencyMicros) {
}
