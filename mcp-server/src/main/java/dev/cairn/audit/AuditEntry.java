package dev.cairn.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One stored entry of the trail, exactly as its columns hold it. A {@code decided} entry
 * is written before a call runs; a {@code completed} entry after, pointing at the first
 * with {@code decidedSeq}. Strings are kept as stored (no enums) so that the verifier
 * reads whatever a tampered row holds.
 * <p>
 * {@link #canonical()} is what the entry's MAC covers: every field, in a fixed order,
 * each length-prefixed so that no two different entries serialize alike.
 */
record AuditEntry(long seq, String type, Instant at, String requestId, String principal, String principalKind,
		String agentClient, String onBehalfOf, String channel, String tool, String target, String argumentsDigest,
		String arguments, String decision, String reasons, String policyRevision, Long decidedSeq, String outcome,
		String outcomeDetail, Long latencyMicros, String prevHash, String hash) {

	static final String DECIDED = "decided";

	static final String COMPLETED = "completed";

	/** The previous hash of the first entry. */
	static final String GENESIS = "0".repeat(64);

	AuditEntry {
		// Both databases keep microseconds; the MAC must cover what comes back.
		at = (at != null) ? at.truncatedTo(ChronoUnit.MICROS) : null;
	}

	/** This entry placed in the chain. */
	AuditEntry sealed(long seq, String prevHash, String hash) {
		return new AuditEntry(seq, this.type, this.at, this.requestId, this.principal, this.principalKind,
				this.agentClient, this.onBehalfOf, this.channel, this.tool, this.target, this.argumentsDigest,
				this.arguments, this.decision, this.reasons, this.policyRevision, this.decidedSeq, this.outcome,
				this.outcomeDetail, this.latencyMicros, prevHash, hash);
	}

	/** The bytes the MAC covers for this entry at sequence {@code seq}. */
	byte[] canonical(long seq) {
		StringBuilder out = new StringBuilder(512);
		out.append("cairn.audit.entry.v1\n");
		field(out, "seq", Long.toString(seq));
		field(out, "type", this.type);
		field(out, "at", (this.at != null) ? Long.toString(epochMicros(this.at)) : null);
		field(out, "request_id", this.requestId);
		field(out, "principal", this.principal);
		field(out, "principal_kind", this.principalKind);
		field(out, "agent_client", this.agentClient);
		field(out, "on_behalf_of", this.onBehalfOf);
		field(out, "channel", this.channel);
		field(out, "tool", this.tool);
		field(out, "target", this.target);
		field(out, "arguments_digest", this.argumentsDigest);
		field(out, "arguments", this.arguments);
		field(out, "decision", this.decision);
		field(out, "reasons", this.reasons);
		field(out, "policy_revision", this.policyRevision);
		field(out, "decided_seq", (this.decidedSeq != null) ? this.decidedSeq.toString() : null);
		field(out, "outcome", this.outcome);
		field(out, "outcome_detail", this.outcomeDetail);
		field(out, "latency_micros", (this.latencyMicros != null) ? this.latencyMicros.toString() : null);
		field(out, "prev_hash", this.prevHash);
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	static long epochMicros(Instant at) {
		return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000);
	}

	private static void field(StringBuilder out, String name, String value) {
		out.append(name).append('=');
		if (value == null) {
			out.append('~');
		}
		else {
			// Length in UTF-16 units: unambiguous, and cheaper than encoding twice.
			out.append(value.length()).append(':').append(value);
		}
		out.append('\n');
	}

}
