package dev.cairn.diagnosis;

import java.util.List;

/**
 * A diagnosis as text for an agent or a developer: the headline, who owns the service and
 * who is on call, then each finding with its evidence, the change that introduced it and
 * the fix; and what could not be consulted.
 */
final class DiagnosisText {

	private static final int EVIDENCE_PER_FINDING = 5;

	private DiagnosisText() {
	}

	static String of(Diagnosis diagnosis) {
		StringBuilder text = new StringBuilder();
		text.append(diagnosis.verdict().name()).append(": ").append(diagnosis.headline()).append('\n');
		text.append("Owner: ").append((diagnosis.owner() != null) ? diagnosis.owner() : "(none in the catalog)");
		Diagnosis.OnCallSummary onCall = diagnosis.onCall();
		if (onCall != null && onCall.now() != null) {
			text.append("; on call: ").append(onCall.now());
			if (onCall.email() != null) {
				text.append(" <").append(onCall.email()).append('>');
			}
			if (onCall.until() != null) {
				text.append(" until ").append(onCall.until());
			}
		}
		else if (onCall != null && onCall.note() != null) {
			text.append("; on call: unknown (").append(onCall.note()).append(')');
		}
		if (onCall != null && onCall.pagerDuty() != null) {
			text.append("; PagerDuty ").append(onCall.pagerDuty());
		}
		text.append('\n');
		List<Finding> findings = diagnosis.findings();
		for (int i = 0; i < findings.size(); i++) {
			Finding finding = findings.get(i);
			text.append('\n')
				.append(i + 1)
				.append(". [")
				.append(finding.role().wireName())
				.append("] ")
				.append(finding.code().wireName());
			if (!finding.service().equals(diagnosis.service())) {
				text.append(" (").append(finding.service()).append(')');
			}
			text.append(": ").append(finding.summary()).append('\n');
			int shown = 0;
			for (Finding.Evidence evidence : finding.evidence()) {
				if (shown++ == EVIDENCE_PER_FINDING) {
					text.append("   - (").append(finding.evidence().size() - EVIDENCE_PER_FINDING).append(" more)\n");
					break;
				}
				text.append("   - ").append(evidence.kind()).append(": ").append(evidence.text());
				if (evidence.source() != null && !evidence.text().contains(evidence.source().replace("pod ", ""))) {
					text.append(" [").append(evidence.source()).append(']');
				}
				text.append('\n');
			}
			Finding.Change change = finding.change();
			if (change != null) {
				text.append("   Change: ").append(change.service()).append(' ').append(change.version());
				if (change.commit() != null) {
					text.append(", commit ").append(ImagePullAnalyzer.shortCommit(change.commit()));
				}
				if (change.author() != null) {
					text.append(" by ").append(change.author());
				}
				if (change.at() != null) {
					text.append(", deployed ").append(change.at());
				}
				if (change.message() != null) {
					text.append(": \"").append(change.message()).append('"');
				}
				text.append('\n');
			}
			if (finding.contact() != null && finding.contact().owner() != null) {
				text.append("   Owner of ").append(finding.service()).append(": ").append(finding.contact().owner());
				if (finding.contact().onCall() != null) {
					text.append(", on call ").append(finding.contact().onCall());
				}
				text.append('\n');
			}
			if (finding.remediation() != null) {
				text.append("   Fix: ").append(finding.remediation()).append('\n');
			}
		}
		if (!diagnosis.gaps().isEmpty()) {
			text.append("\nNot consulted:\n");
			diagnosis.gaps().forEach((gap) -> text.append("- ").append(gap).append('\n'));
		}
		if (!diagnosis.consulted().isEmpty()) {
			text.append("\nConsulted: ").append(String.join(", ", diagnosis.consulted())).append('\n');
		}
		return text.toString();
	}

}
