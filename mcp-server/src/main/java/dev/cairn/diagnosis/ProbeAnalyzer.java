package dev.cairn.diagnosis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.cairn.telemetry.DeploymentSnapshot;
import dev.cairn.telemetry.DeploymentSnapshot.Event;
import dev.cairn.telemetry.DeploymentSnapshot.Pod;
import dev.cairn.telemetry.DeploymentSnapshot.Revision;
import dev.cairn.telemetry.LogLine;
import dev.cairn.telemetry.LogPage;

/**
 * Failing probes, read from the kubelet's {@code Unhealthy} events: a readiness probe
 * that fails keeps running pods out of service; a liveness probe that fails gets the
 * container restarted. The service's own warnings from those pods say why.
 */
final class ProbeAnalyzer implements Analyzer {

	private static final String READINESS = "Readiness probe failed";

	private static final String LIVENESS = "Liveness probe failed";

	@Override
	public List<Finding> analyze(Observations seen, DeploymentSnapshot snapshot) {
		List<Finding> findings = new ArrayList<>();
		Finding readiness = probe(seen, snapshot, READINESS, FindingCode.READINESS_PROBE_FAILING);
		if (readiness != null) {
			findings.add(readiness);
		}
		Finding liveness = probe(seen, snapshot, LIVENESS, FindingCode.LIVENESS_PROBE_FAILING);
		if (liveness != null) {
			findings.add(liveness);
		}
		return findings;
	}

	/** Whether a pod's restarts come from its liveness probe. */
	static boolean livenessKills(DeploymentSnapshot snapshot, Pod pod) {
		return Revisions.eventsAbout(snapshot, pod.name())
			.stream()
			.anyMatch((event) -> "Unhealthy".equals(event.reason()) && event.message() != null
					&& event.message().startsWith(LIVENESS));
	}

	private Finding probe(Observations seen, DeploymentSnapshot snapshot, String words, FindingCode code) {
		List<Finding.Evidence> evidence = new ArrayList<>();
		Set<String> podNames = new LinkedHashSet<>();
		Revision revision = null;
		Instant since = null;
		for (Pod pod : Revisions.podsToJudge(snapshot)) {
			for (Event event : Revisions.eventsAbout(snapshot, pod.name())) {
				if (!"Unhealthy".equals(event.reason()) || event.message() == null
						|| !event.message().startsWith(words)) {
					continue;
				}
				boolean notReady = pod.containers().stream().anyMatch((container) -> !container.ready());
				if (code == FindingCode.READINESS_PROBE_FAILING && !notReady) {
					continue;
				}
				if (podNames.add(pod.name()) && podNames.size() <= 3) {
					evidence.add(new Finding.Evidence("event", "pod " + pod.name(), Revisions.describe(event),
							event.lastSeen()));
					pod.containers()
						.stream()
						.filter((container) -> !container.ready() || container.restarts() > 0)
						.findFirst()
						.ifPresent((container) -> evidence.add(new Finding.Evidence("pod", "pod " + pod.name(),
								Revisions.describe(pod, container), null)));
				}
				revision = (revision != null) ? revision : Revisions.of(snapshot, pod);
				since = (since == null || (event.firstSeen() != null && event.firstSeen().isBefore(since)))
						? event.firstSeen() : since;
			}
		}
		if (podNames.isEmpty()) {
			return null;
		}
		String why = why(seen, podNames, (since != null) ? since : snapshot.rollout().since());
		if (why != null) {
			evidence.add(0, new Finding.Evidence("log", "log store", why, null));
		}
		String probe = (code == FindingCode.READINESS_PROBE_FAILING) ? "readiness" : "liveness";
		String effect = (code == FindingCode.READINESS_PROBE_FAILING)
				? "so they get no traffic and the rollout cannot finish" : "so the kubelet restarts them";
		return Finding.of(code, seen.service(),
				"the " + probe + " probe fails on " + podNames.size() + " pod" + ((podNames.size() == 1) ? "" : "s")
						+ ((revision != null) ? " of " + revision.version() : "") + ", " + effect
						+ ((why != null) ? ": " + CrashAnalyzer.abbreviate(why) : ""),
				evidence, Revisions.change(seen, revision),
				"check the health endpoint the probe calls against what the new version serves (path, port, the "
						+ "checks in its health group); "
						+ CrashAnalyzer.rollBack(snapshot, revision, "if it cannot be fixed quickly"));
	}

	/** The newest warning or error the failing pods logged, which usually says why. */
	private String why(Observations seen, Set<String> podNames, Instant since) {
		Instant from = (since != null) ? since.minusSeconds(60) : seen.now().minusSeconds(3600);
		LogPage page = seen.logs("warn", null, from, seen.now(), 200);
		if (page == null) {
			return null;
		}
		for (LogLine line : page.lines()) {
			if (line.pod() == null || podNames.contains(line.pod())) {
				return line.message().strip();
			}
		}
		return null;
	}

}
