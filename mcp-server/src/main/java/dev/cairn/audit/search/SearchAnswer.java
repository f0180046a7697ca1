package dev.cairn.audit.search;

import java.util.List;

import dev.cairn.audit.AuditPage;
import dev.cairn.audit.AuditedCall;

/**
 * One page of audited calls, newest first, and its text for agents.
 *
 * @param total how many calls match
 * @param items the page
 * @param truncated {@code "truncated, N more: ..."} when more match than are shown
 * @param nextBeforeSeq what to pass as {@code beforeSeq} for the next (older) page
 */
record SearchAnswer(long total, List<AuditedCall> items, String truncated, Long nextBeforeSeq) {

	static SearchAnswer of(AuditPage page, Long beforeSeq) {
		String truncated = null;
		if (page.nextBeforeSeq() != null) {
			truncated = "truncated: " + page.total() + " calls match in all"
					+ ((beforeSeq != null) ? " (" + page.items().size() + " shown here, before seq " + beforeSeq + ")"
							: ", " + (page.total() - page.items().size()) + " more")
					+ ": call again with beforeSeq=" + page.nextBeforeSeq() + " for older ones, or narrow the filters";
		}
		return new SearchAnswer(page.total(), page.items(), truncated, page.nextBeforeSeq());
	}

	String toText() {
		StringBuilder text = new StringBuilder();
		if (this.items.isEmpty()) {
			text.append((this.total == 0) ? "No audited calls match." : "No more audited calls match.");
		}
		else {
			text.append(this.total)
				.append((this.total == 1) ? " audited call matches" : " audited calls match")
				.append(" (newest first):");
			for (AuditedCall call : this.items) {
				text.append("\n- ").append(line(call));
			}
		}
		if (this.truncated != null) {
			text.append("\n(").append(this.truncated).append(')');
		}
		return text.toString();
	}

	private static String line(AuditedCall call) {
		StringBuilder line = new StringBuilder();
		line.append('#').append(call.seq()).append(' ').append(call.at()).append(' ');
		line.append((call.principal() != null) ? call.principal() : "(unidentified)");
		if (call.onBehalfOf() != null) {
			line.append(" for ").append(call.onBehalfOf());
		}
		if (call.agentClient() != null) {
			line.append(" via ").append(call.agentClient());
		}
		line.append(" [").append(call.channel()).append("] ").append(call.tool());
		if (call.target() != null) {
			line.append(" on ").append(call.target());
		}
		line.append(": ").append(call.decision());
		if (!call.reasons().isEmpty()) {
			line.append(" (").append(String.join("; ", call.reasons())).append(')');
		}
		line.append(" -> ").append((call.outcome() != null) ? call.outcome() : "no outcome recorded");
		if (call.latencyMicros() != null) {
			line.append(String.format(java.util.Locale.ROOT, " in %.1f ms", call.latencyMicros() / 1000.0));
		}
		if (call.outcomeDetail() != null) {
			String detail = call.outcomeDetail();
			line.append(": ").append((detail.length() > 200) ? detail.substring(0, 199) + "…" : detail);
		}
		return line.toString();
	}

}
