package dev.cairn.diagnosis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.cairn.telemetry.DeploymentSnapshot;
import dev.cairn.telemetry.DeploymentSnapshot.Container;
import dev.cairn.telemetry.DeploymentSnapshot.Pod;
import dev.cairn.telemetry.DeploymentSnapshot.Revision;
import dev.cairn.telemetry.LogLine;
import dev.cairn.telemetry.LogPage;

/**
 * Containers that keep exiting: killed for memory (OOMKilled), stopped at start by a
 * missing configuration value or secret (read from the crashed instance's last lines, or
 * the kubelet's CreateContainerConfigError), or exiting with an error for another reason
 * (the last error line is the evidence). Restarts caused by a failing liveness probe are
 * left to {@link ProbeAnalyzer}.
 */
final class CrashAnalyzer implements Analyzer {

	private static final int EVIDENCE_PODS = 3;

	@Override
	public List<Finding> analyze(Observations seen, DeploymentSnapshot snapshot) {
		Map<String, Finding> byKind = new LinkedHashMap<>();
		for (Pod pod : Revisions.podsToJudge(snapshot)) {
			if (ProbeAnalyzer.livenessKills(snapshot, pod)) {
				continue;
			}
			for (Container container : Revisions.containers(pod)) {
				Finding finding = judge(seen, snapshot, pod, container);
				if (finding != null) {
					byKind.merge(finding.code().name(), finding, CrashAnalyzer::morePods);
				}
			}
		}
		return new ArrayList<>(byKind.values());
	}

	private Finding judge(Observations seen, DeploymentSnapshot snapshot, Pod pod, Container container) {
		Revision revision = Revisions.of(snapshot, pod);
		String state = Revisions.describe(pod, container);
		if ("CreateContainerConfigError".equals(container.reason())) {
			String key = MissingConfig.keyIn(container.message());
			return Finding.of(FindingCode.CONFIG_MISSING, seen.service(),
					container.name() + " cannot start: " + ((key != null) ? key + " is missing" : container.message()),
					List.of(new Finding.Evidence("pod", "pod " + pod.name(), state, null)),
					Revisions.change(seen, revision), configRemedy(seen, key, snapshot, revision));
		}
		boolean oom = "OOMKilled".equals(container.reason())
				|| (container.lastTermination() != null && "OOMKilled".equals(container.lastTermination().reason()));
		if (oom) {
			return Finding.of(FindingCode.OOM_KILLED, seen.service(),
					container.name() + " is killed for exceeding its memory limit (OOMKilled, exit 137), "
							+ container.restarts() + " restarts",
					List.of(new Finding.Evidence("pod", "pod " + pod.name(), state,
							(container.lastTermination() != null) ? container.lastTermination().finishedAt() : null)),
					Revisions.change(seen, revision), oomRemedy(snapshot, revision));
		}
		boolean crashing = "CrashLoopBackOff".equals(container.reason()) || (container.restarts() >= 3
				&& container.lastTermination() != null && container.lastTermination().exitCode() != 0);
		if (!crashing) {
			return null;
		}
		List<Finding.Evidence> evidence = new ArrayList<>();
		evidence.add(new Finding.Evidence("pod", "pod " + pod.name(), state, null));
		LogPage last = seen.previousLog(pod.name(), container.name());
		String source = "log of the previous instance of " + container.name() + " in " + pod.name();
		for (LogLine line : (last != null) ? last.lines() : List.<LogLine>of()) {
			String key = MissingConfig.keyIn(line.message());
			if (key != null) {
				evidence.add(0, new Finding.Evidence("log", source, line.message().strip(), line.time()));
				return Finding.of(FindingCode.CONFIG_MISSING, seen.service(),
						container.name() + " exits at start: configuration value " + key + " is not set", evidence,
						Revisions.change(seen, revision), configRemedy(seen, key, snapshot, revision));
			}
		}
		LogLine cause = lastErrorLine(last);
		if (cause != null) {
			evidence.add(new Finding.Evidence("log", source, cause.message().strip(), cause.time()));
		}
		int exit = (container.lastTermination() != null) ? container.lastTermination().exitCode() : 1;
		return Finding.of(FindingCode.CRASH_LOOP, seen.service(),
				container.name() + " keeps exiting with code " + exit + " (" + container.restarts() + " restarts)"
						+ ((cause != null) ? ": " + abbreviate(cause.message().strip()) : ""),
				evidence, Revisions.change(seen, revision),
				"read the crashed instance's last lines (logs_query with level error); "
						+ rollBack(snapshot, revision, "while the cause is fixed"));
	}

	/** The newest line that reads like an error, else the newest line. */
	static LogLine lastErrorLine(LogPage page) {
		if (page == null || page.lines().isEmpty()) {
			return null;
		}
		for (LogLine line : page.lines()) {
			String lower = line.message().toLowerCase(Locale.ROOT);
			boolean levelled = line.level() != null
					&& (line.level().equalsIgnoreCase("error") || line.level().equalsIgnoreCase("fatal"));
			if (levelled || lower.contains("error") || lower.contains("fatal") || lower.contains("exception")
					|| lower.contains("panic")) {
				return line;
			}
		}
		return page.lines().get(0);
	}

	private static String configRemedy(Observations seen, String key, DeploymentSnapshot snapshot, Revision revision) {
		String what = (key != null) ? key : "the missing value";
		return "set " + what + " in the ConfigMap or Secret that " + seen.service() + " reads in "
				+ seen.target().environment() + " (or drop the new requirement), then restart the rollout; "
				+ rollBack(snapshot, revision, "until then");
	}

	private static String oomRemedy(DeploymentSnapshot snapshot, Revision revision) {
		return "compare memory use of the new version with the old (metrics_query memory), fix the leak or raise the "
				+ "memory limit; " + rollBack(snapshot, revision, "meanwhile");
	}

	/**
	 * "roll back to 2.3.1 (deployment_rollback) until then", when there is an older
	 * revision.
	 */
	static String rollBack(DeploymentSnapshot snapshot, Revision revision, String when) {
		Revision previous = snapshot.previous();
		if (previous == null || revision == null || previous.number() == revision.number()) {
			return "redeploy a working version " + when;
		}
		return "roll back to " + previous.version() + " (deployment_rollback) " + when;
	}

	static String abbreviate(String text) {
		return (text.length() <= 160) ? text : text.substring(0, 157) + "...";
	}

	private static Finding morePods(Finding first, Finding second) {
		if (first.evidence().size() >= EVIDENCE_PODS * 2) {
			return first;
		}
		List<Finding.Evidence> evidence = new ArrayList<>(first.evidence());
		second.evidence().stream().filter((item) -> "pod".equals(item.kind())).findFirst().ifPresent(evidence::add);
		return new Finding(first.code(), first.role(), first.service(), first.summary(), evidence, first.change(),
				first.remediation(), first.contact());
	}

}
