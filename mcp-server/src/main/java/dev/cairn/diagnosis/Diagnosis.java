package dev.cairn.diagnosis;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The answer to "why is my deploy failing?": a verdict, the findings ranked root cause
 * before symptom, who owns the service and who is on call, and what could not be
 * consulted.
 *
 * @param service the service asked about
 * @param environment the environment
 * @param verdict failing, degraded, healthy, ...
 * @param headline one line that answers the question
 * @param findings ranked: root causes first, then symptoms, then notes
 * @param current the version running or being rolled out, or {@code null}
 * @param owner the service's owner (entity ref), or {@code null}
 * @param onCall who is on call for it
 * @param consulted the backends read, for example {@code sandbox (staging)}
 * @param gaps what could not be read, and what that leaves unchecked
 * @param observedAt when the state was read
 */
public record Diagnosis(String service, String environment, Verdict verdict, String headline, List<Finding> findings,
		String current, String owner, OnCallSummary onCall, List<String> consulted, List<String> gaps,
		Instant observedAt) {

	public Diagnosis {
		Objects.requireNonNull(verdict, "verdict");
		findings = (findings != null) ? List.copyOf(findings) : List.of();
		consulted = (consulted != null) ? List.copyOf(consulted) : List.of();
		gaps = (gaps != null) ? List.copyOf(gaps) : List.of();
	}

	/** The first root cause, if any. */
	public Finding rootCause() {
		return this.findings.stream()
			.filter((finding) -> finding.role() == FindingCode.Role.ROOT_CAUSE)
			.findFirst()
			.orElse(null);
	}

	/** Where the service stands. */
	public enum Verdict {

		/** Something is broken: a root cause was found. */
		FAILING,
		/** Symptoms without a root cause the analyzers recognise. */
		DEGRADED,
		/** Rolled out, ready, no errors beyond the usual. */
		HEALTHY,
		/** A rollout is under way and nothing is wrong yet. */
		ROLLING_OUT,
		/** The service is not deployed in the environment. */
		NOT_DEPLOYED,
		/** The deployment state could not be read. */
		UNKNOWN

	}

	/**
	 * Who is on call, from the catalog.
	 *
	 * @param now who is on call now (name), or {@code null}
	 * @param email their email, or {@code null}
	 * @param until when they hand over, or {@code null}
	 * @param next who takes over, or {@code null}
	 * @param pagerDuty the service's PagerDuty service id, or {@code null}
	 * @param note what is missing when the catalog cannot say, or {@code null}
	 */
	public record OnCallSummary(String now, String email, Instant until, String next, String pagerDuty, String note) {

	}

}
