package dev.cairn.diagnosis;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.cairn.catalog.EntityRef;
import dev.cairn.catalog.OnCall;
import dev.cairn.inspection.ServiceTargets;
import dev.cairn.telemetry.DeploymentSnapshot;
import dev.cairn.telemetry.NamedMetric;

import org.springframework.stereotype.Component;

/**
 * Answers "why is my deploy failing?" for one service in one environment: reads one
 * snapshot of the deployment and its surroundings, runs every analyzer over it, and ranks
 * what they find, root causes first. Deterministic: nothing here guesses, and a model
 * that narrates the answer later may only restate these findings.
 */
@Component
public class Diagnoser {

	private static final List<Analyzer> ANALYZERS = List.of(new DeliveryAnalyzer(), new ImagePullAnalyzer(),
			new CrashAnalyzer(), new SchedulingAnalyzer(), new ProbeAnalyzer(), new RegressionAnalyzer(),
			new RolloutAnalyzer());

	private static final Comparator<Finding> RANK = Comparator
		.comparingInt((Finding finding) -> finding.role().ordinal())
		.thenComparingInt((finding) -> finding.code().ordinal());

	private final Clock clock;

	public Diagnoser(Clock clock) {
		this.clock = clock;
	}

	public Diagnosis diagnose(ServiceTargets.Resolved resolved) {
		Instant now = this.clock.instant();
		Observations seen = new Observations(resolved.target(), resolved.backends(), now);
		String service = resolved.target().service();
		String environment = resolved.target().environment();
		EntityRef ownerRef = resolved.catalog().ownerOf(resolved.entity());
		String owner = (ownerRef != null) ? ownerRef.toString() : null;
		Diagnosis.OnCallSummary onCall = onCall(OnCall.of(resolved.catalog(), resolved.entity(), this.clock));
		DeploymentSnapshot snapshot = seen.snapshot().orElse(null);
		if (snapshot == null) {
			boolean unknown = !seen.deploymentsReadable();
			String headline = unknown ? "the deployment state of " + service + " in " + environment
					+ " cannot be read: " + seen.gaps().get(0) : service + " is not deployed in " + environment;
			return new Diagnosis(service, environment,
					unknown ? Diagnosis.Verdict.UNKNOWN : Diagnosis.Verdict.NOT_DEPLOYED, headline, List.of(), null,
					owner, onCall, seen.consulted(), seen.gaps(), now);
		}
		List<Finding> findings = new ArrayList<>();
		for (Analyzer analyzer : ANALYZERS) {
			findings.addAll(analyzer.analyze(seen, snapshot));
		}
		boolean symptomatic = findings.stream()
			.anyMatch((finding) -> finding.code() == FindingCode.ERROR_RATE_HIGH
					|| finding.code() == FindingCode.LATENCY_HIGH);
		findings.addAll(new DependencyAnalyzer(resolved.catalog(), this.clock).analyze(seen, resolved.entity(),
				resolved.backends(), symptomatic));
		List<Finding> ranked = merge(superseded(findings, snapshot));
		Diagnosis.Verdict verdict = verdict(ranked);
		String current = (snapshot.current() != null) ? snapshot.current().version() : null;
		return new Diagnosis(service, environment, verdict, headline(seen, snapshot, verdict, ranked), ranked, current,
				owner, onCall, seen.consulted(), seen.gaps(), now);
	}

	/**
	 * While a newer version rolls out, a cause found in the pods of the version it
	 * replaces is what the rollout is fixing: still a symptom, no longer the root cause.
	 */
	private static List<Finding> superseded(List<Finding> findings, DeploymentSnapshot snapshot) {
		if (snapshot.rollout().phase() != DeploymentSnapshot.Phase.PROGRESSING || snapshot.current() == null) {
			return findings;
		}
		String rolling = snapshot.current().version();
		List<Finding> out = new ArrayList<>();
		for (Finding finding : findings) {
			boolean older = finding.role() == FindingCode.Role.ROOT_CAUSE && finding.change() != null
					&& finding.change().version() != null && !finding.change().version().equals(rolling)
					&& finding.code() != FindingCode.DEPENDENCY_FAILING;
			out.add(older ? new Finding(finding.code(), FindingCode.Role.SYMPTOM, finding.service(),
					finding.summary() + " (in " + finding.change().version() + ", which the rollout of " + rolling
							+ " replaces)",
					finding.evidence(), finding.change(), finding.remediation(), finding.contact()) : finding);
		}
		return out;
	}

	/** One finding per code and service, ranked. */
	private static List<Finding> merge(List<Finding> findings) {
		Map<String, Finding> byCode = new LinkedHashMap<>();
		for (Finding finding : findings) {
			byCode.putIfAbsent(finding.code() + " " + finding.service(), finding);
		}
		List<Finding> ranked = new ArrayList<>(byCode.values());
		ranked.sort(RANK);
		return ranked;
	}

	private static Diagnosis.Verdict verdict(List<Finding> findings) {
		if (findings.stream().anyMatch((finding) -> finding.role() == FindingCode.Role.ROOT_CAUSE)) {
			return Diagnosis.Verdict.FAILING;
		}
		if (findings.stream().anyMatch((finding) -> finding.role() == FindingCode.Role.SYMPTOM)) {
			return Diagnosis.Verdict.DEGRADED;
		}
		if (findings.stream().anyMatch((finding) -> finding.code() == FindingCode.ROLLOUT_IN_PROGRESS)) {
			return Diagnosis.Verdict.ROLLING_OUT;
		}
		return Diagnosis.Verdict.HEALTHY;
	}

	private static String headline(Observations seen, DeploymentSnapshot snapshot, Diagnosis.Verdict verdict,
			List<Finding> findings) {
		String who = seen.service() + " in " + seen.target().environment();
		switch (verdict) {
			case FAILING:
			case DEGRADED:
				Finding first = findings.get(0);
				String about = first.service().equals(seen.service()) ? "" : " (in " + first.service() + ")";
				return who + " is " + verdict.name().toLowerCase(java.util.Locale.ROOT) + ": " + first.code().wireName()
						+ about + ": " + first.summary();
			case ROLLING_OUT:
				return who + " is rolling out: " + findings.get(0).summary();
			default:
				return who + " is healthy: " + vitals(seen, snapshot);
		}
	}

	/**
	 * "2.3.1 rolled out 3 days ago, 3/3 ready, error rate 0.3%, p99 120 ms, no warning
	 * events".
	 */
	private static String vitals(Observations seen, DeploymentSnapshot snapshot) {
		StringBuilder text = new StringBuilder();
		if (snapshot.current() != null) {
			text.append(snapshot.current().version());
			if (snapshot.current().createdAt() != null) {
				text.append(" rolled out ").append(Revisions.ago(snapshot.current().createdAt(), seen.now()));
			}
			text.append(", ");
		}
		text.append(snapshot.rollout().ready()).append('/').append(snapshot.rollout().desired()).append(" ready");
		Instant rolloutAt = (snapshot.current() != null) ? snapshot.current().createdAt() : null;
		Shift errors = Shift.of(seen, NamedMetric.ERROR_RATE, rolloutAt);
		if (errors != null) {
			text.append(", error rate ").append(errors.format(errors.now()));
		}
		Shift latency = Shift.of(seen, NamedMetric.LATENCY_P99, rolloutAt);
		if (latency != null) {
			text.append(", p99 ").append(latency.format(latency.now()));
		}
		long warnings = snapshot.events().stream().filter(DeploymentSnapshot.Event::warning).count();
		text.append((warnings == 0) ? ", no warning events" : ", " + warnings + " warning events");
		return text.toString();
	}

	private static Diagnosis.OnCallSummary onCall(OnCall onCall) {
		return new Diagnosis.OnCallSummary(name(onCall.current()),
				(onCall.current() != null) ? onCall.current().email() : null, onCall.handoverAt(), name(onCall.next()),
				onCall.pagerDutyServiceId(), onCall.note());
	}

	static String name(OnCall.Person person) {
		if (person == null) {
			return null;
		}
		return (person.name() != null) ? person.name() : person.ref();
	}

}
