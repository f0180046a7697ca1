package dev.cairn.diagnosis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.cairn.telemetry.DeploymentSnapshot;
import dev.cairn.telemetry.LogLine;
import dev.cairn.telemetry.LogPage;
import dev.cairn.telemetry.NamedMetric;

/**
 * Error rate and p99 latency against their usual level. A rise that begins with the
 * rollout of the current version implicates that version (a regression, the root cause);
 * a rise that began at another time is a symptom whose cause lies elsewhere (a
 * dependency, say). The service's most frequent error lines since the rise are the
 * evidence of what fails.
 */
final class RegressionAnalyzer implements Analyzer {

	@Override
	public List<Finding> analyze(Observations seen, DeploymentSnapshot snapshot) {
		Instant rolloutAt = (snapshot.current() != null) ? snapshot.current().createdAt() : snapshot.rollout().since();
		List<Finding> findings = new ArrayList<>();
		Finding errors = judge(seen, snapshot, NamedMetric.ERROR_RATE, rolloutAt, "error",
				FindingCode.ERROR_RATE_REGRESSION, FindingCode.ERROR_RATE_HIGH);
		if (errors != null) {
			findings.add(errors);
		}
		Finding latency = judge(seen, snapshot, NamedMetric.LATENCY_P99, rolloutAt, "warn",
				FindingCode.LATENCY_REGRESSION, FindingCode.LATENCY_HIGH);
		if (latency != null) {
			findings.add(latency);
		}
		return findings;
	}

	private Finding judge(Observations seen, DeploymentSnapshot snapshot, NamedMetric metric, Instant rolloutAt,
			String level, FindingCode regression, FindingCode high) {
		Shift shift = Shift.of(seen, metric, rolloutAt);
		if (shift == null || !shift.rose()) {
			return null;
		}
		List<Finding.Evidence> evidence = new ArrayList<>();
		evidence.add(shift.evidence());
		evidence.addAll(frequentLines(seen, level, shift.onset()));
		boolean withRollout = Shift.recent(rolloutAt, seen.now()) && shift.startedWith(rolloutAt);
		if (withRollout && snapshot.current() != null) {
			String version = snapshot.current().version();
			return Finding.of(regression, seen.service(),
					shift.label() + " rose from " + shift.format(shift.baseline()) + " to " + shift.format(shift.now())
							+ " when " + version + " rolled out",
					evidence, Revisions.change(seen, snapshot.current()),
					CrashAnalyzer.rollBack(snapshot, snapshot.current(), "now")
							+ ", then fix the code path in the lines above before deploying again");
		}
		return Finding.of(high, seen.service(),
				shift.label() + " is " + shift.format(shift.now()) + " (usually " + shift.format(shift.baseline())
						+ ") since " + shift.onset() + ", not since a deploy of " + seen.service(),
				evidence, null,
				"look at what changed at " + shift.onset() + ": the services it depends on, its database, its traffic");
	}

	/** The two most frequent error lines since the onset, with their counts. */
	static List<Finding.Evidence> frequentLines(Observations seen, String level, Instant since) {
		LogPage page = seen.logs(level, null, since.minusSeconds(60), seen.now(), 500);
		if (page == null || page.lines().isEmpty()) {
			return List.of();
		}
		Map<String, int[]> counts = new LinkedHashMap<>();
		Map<String, LogLine> examples = new LinkedHashMap<>();
		for (LogLine line : page.lines()) {
			String shape = line.message().replaceAll("[0-9a-f]{6,}|\\d+", "#");
			counts.computeIfAbsent(shape, (key) -> new int[1])[0]++;
			examples.putIfAbsent(shape, line);
		}
		return counts.entrySet()
			.stream()
			.sorted((a, b) -> Integer.compare(b.getValue()[0], a.getValue()[0]))
			.limit(2)
			.map((entry) -> {
				LogLine line = examples.get(entry.getKey());
				return new Finding.Evidence("log", (line.pod() != null) ? "pod " + line.pod() : "log store",
						line.message().strip() + " (" + entry.getValue()[0] + ((page.truncated()) ? "+" : "")
								+ " such lines since " + since + ")",
						line.time());
			})
			.toList();
	}

}
