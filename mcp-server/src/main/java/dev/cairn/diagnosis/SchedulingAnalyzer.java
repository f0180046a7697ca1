package dev.cairn.diagnosis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.cairn.telemetry.DeploymentSnapshot;
import dev.cairn.telemetry.DeploymentSnapshot.Event;
import dev.cairn.telemetry.DeploymentSnapshot.Pod;
import dev.cairn.telemetry.DeploymentSnapshot.Revision;

/**
 * Pods the scheduler cannot place: Pending with the PodScheduled condition's reason, or
 * {@code FailedScheduling} events. The scheduler's message says what is short (cpu,
 * memory, a node matching the selector, a volume, a toleration).
 */
final class SchedulingAnalyzer implements Analyzer {

	@Override
	public List<Finding> analyze(Observations seen, DeploymentSnapshot snapshot) {
		List<Finding.Evidence> evidence = new ArrayList<>();
		Revision revision = null;
		String reason = null;
		int pending = 0;
		for (Pod pod : Revisions.podsToJudge(snapshot)) {
			if (!"Pending".equals(pod.phase()) || pod.node() != null) {
				continue;
			}
			String message = pod.unschedulable();
			Event failed = Revisions.eventsAbout(snapshot, pod.name())
				.stream()
				.filter((event) -> "FailedScheduling".equals(event.reason()))
				.findFirst()
				.orElse(null);
			if (message == null && failed == null) {
				continue;
			}
			pending++;
			reason = (reason != null) ? reason : (message != null) ? message : failed.message();
			revision = (revision != null) ? revision : Revisions.of(snapshot, pod);
			if (evidence.size() < 4) {
				evidence.add(new Finding.Evidence("pod", "pod " + pod.name(), "pod " + pod.name()
						+ ": Pending, not scheduled: " + ((message != null) ? message : "(see event)"),
						pod.createdAt()));
				if (failed != null) {
					evidence.add(new Finding.Evidence("event", "pod " + pod.name(), Revisions.describe(failed),
							failed.lastSeen()));
				}
			}
		}
		if (pending == 0) {
			return List.of();
		}
		String shortOf = shortOf(reason);
		return List.of(Finding.of(FindingCode.POD_UNSCHEDULABLE, seen.service(),
				pending + " pod" + ((pending == 1) ? "" : "s") + ((revision != null) ? " of " + revision.version() : "")
						+ " cannot be scheduled: " + shortOf,
				evidence, Revisions.change(seen, revision), remedy(reason, snapshot, revision)));
	}

	private static String shortOf(String message) {
		String lower = message.toLowerCase(Locale.ROOT);
		if (lower.contains("insufficient memory") && lower.contains("insufficient cpu")) {
			return "no node has enough free cpu and memory for the pod's requests";
		}
		if (lower.contains("insufficient memory")) {
			return "no node has enough free memory for the pod's requests";
		}
		if (lower.contains("insufficient cpu")) {
			return "no node has enough free cpu for the pod's requests";
		}
		if (lower.contains("affinity") || lower.contains("selector")) {
			return "no node matches the pod's node selector or affinity";
		}
		if (lower.contains("taint")) {
			return "every fitting node has a taint the pod does not tolerate";
		}
		if (lower.contains("persistentvolumeclaim") || lower.contains("volume")) {
			return "a volume the pod needs cannot be bound";
		}
		return CrashAnalyzer.abbreviate(message.strip());
	}

	private static String remedy(String message, DeploymentSnapshot snapshot, Revision revision) {
		String lower = message.toLowerCase(Locale.ROOT);
		String fix;
		if (lower.contains("insufficient")) {
			fix = "lower the resource requests this version asks for, or add capacity to the cluster";
		}
		else if (lower.contains("affinity") || lower.contains("selector")) {
			fix = "fix the node selector or affinity in the manifests, or label nodes to match";
		}
		else if (lower.contains("taint")) {
			fix = "add the toleration the target nodes need, or schedule elsewhere";
		}
		else {
			fix = "resolve what the scheduler reports";
		}
		return fix + "; " + CrashAnalyzer.rollBack(snapshot, revision, "to restore the old replica count");
	}

}
