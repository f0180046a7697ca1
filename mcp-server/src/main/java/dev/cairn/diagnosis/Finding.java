package dev.cairn.diagnosis;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One thing the diagnosis found, with what shows it and what to do.
 *
 * @param code what went wrong
 * @param role root cause, symptom or note (the code's)
 * @param service the service it is about: the one asked about, or a dependency
 * @param summary one line
 * @param evidence what shows it, strongest first
 * @param change the deploy that introduced it, or {@code null} when no change did
 * @param remediation what to do about it
 * @param contact who owns the service it is about, when that is another service than the
 * one asked about; else {@code null}
 */
public record Finding(FindingCode code, FindingCode.Role role, String service, String summary, List<Evidence> evidence,
		Change change, String remediation, Contact contact) {

	public Finding {
		Objects.requireNonNull(code, "code");
		Objects.requireNonNull(summary, "summary");
		role = (role != null) ? role : code.role();
		evidence = (evidence != null) ? List.copyOf(evidence) : List.of();
	}

	static Finding of(FindingCode code, String service, String summary, List<Evidence> evidence, Change change,
			String remediation) {
		return new Finding(code, code.role(), service, summary, evidence, change, remediation, null);
	}

	Finding withContact(Contact newContact) {
		return new Finding(this.code, this.role, this.service, this.summary, this.evidence, this.change,
				this.remediation, newContact);
	}

	/**
	 * One fact behind a finding.
	 *
	 * @param kind pod, event, log, metric, job, build, delivery or revision
	 * @param source where it was read, for example {@code pod checkout-web-7d9f-x2k4p} or
	 * {@code Prometheus (production)}
	 * @param text the fact itself: the pod state, the event's message, the log line, the
	 * metric's values
	 * @param at when it was observed or happened, or {@code null}
	 */
	public record Evidence(String kind, String source, String text, Instant at) {

		public Evidence {
			Objects.requireNonNull(kind, "kind");
			Objects.requireNonNull(text, "text");
		}

	}

	/**
	 * The deploy that introduced a finding.
	 *
	 * @param service the service deployed
	 * @param version the version (image tag)
	 * @param commit the source commit, or {@code null}
	 * @param author who made it, or {@code null}
	 * @param at when it was deployed
	 * @param message the commit's first line, or {@code null}
	 */
	public record Change(String service, String version, String commit, String author, Instant at, String message) {

	}

	/**
	 * Who to talk to about another service.
	 *
	 * @param owner the owner's entity ref
	 * @param onCall who is on call now, or {@code null}
	 * @param onCallEmail their email, or {@code null}
	 */
	public record Contact(String owner, String onCall, String onCallEmail) {

	}

}
