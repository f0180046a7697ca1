package dev.cairn.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.cairn.telemetry.DeploymentSnapshot.Event;

/**
 * The events Kubernetes would hold about a deployment at a moment: the Deployment scaling
 * its replica sets, the replica sets creating and deleting pods, the scheduler and the
 * kubelet on each pod (with the counts repeated events reach), and a migration Job giving
 * up. Events older than an hour are gone, as in a cluster, and so are those about pods
 * that no longer exist.
 */
final class SandboxEvents {

	static final int LIMIT = 200;

	private final Deployment deployment;

	private final Workload workload;

	private final Instant now;

	private final Instant cutoff;

	private final List<Event> events = new ArrayList<>();

	private SandboxEvents(Deployment deployment, Instant now) {
		this.deployment = deployment;
		this.workload = deployment.workload();
		this.now = now;
		this.cutoff = now.minus(Timing.EVENT_TTL);
	}

	static List<Event> of(Deployment deployment, Instant now, List<PodLife> alive, Map<PodLife, List<Run>> runs) {
		SandboxEvents events = new SandboxEvents(deployment, now);
		events.scaling();
		for (PodLife pod : alive) {
			new PodEvents(events.workload, pod, runs.get(pod), now).addTo(events);
		}
		MigrationJob migration = deployment.failedMigration(now);
		if (migration != null) {
			for (MigrationJob.Attempt attempt : migration.attempts()) {
				events.add("Normal", "SuccessfulCreate", "Job", migration.name(), "Created pod: " + attempt.pod(), 1,
						attempt.start().minusSeconds(1), attempt.start().minusSeconds(1));
			}
			events.add("Warning", "BackoffLimitExceeded", "Job", migration.name(),
					"Job has reached the specified backoff limit", 1, migration.failedAt(), migration.failedAt());
		}
		List<Event> sorted = new ArrayList<>(events.events);
		sorted.sort(Comparator.comparing(Event::lastSeen).reversed().thenComparing(Event::objectName));
		return (sorted.size() > LIMIT) ? List.copyOf(sorted.subList(0, LIMIT)) : sorted;
	}

	void add(String type, String reason, String kind, String name, String message, int count, Instant first,
			Instant last) {
		if (count > 0 && !last.isBefore(this.cutoff) && !first.isAfter(this.now)) {
			this.events.add(new Event(type, reason, kind, name, message, count, first, last));
		}
	}

	/** The Deployment's scaling and the replica sets' pod creations and deletions. */
	private void scaling() {
		Set<String> scaledUp = new LinkedHashSet<>();
		for (PodLife pod : this.deployment.pods()) {
			if (inWindow(pod.createdAt())) {
				add("Normal", "SuccessfulCreate", "ReplicaSet", pod.replicaSet(), "Created pod: " + pod.name(), 1,
						pod.createdAt(), pod.createdAt());
				if (scaledUp.add(pod.replicaSet() + "@" + pod.createdAt())) {
					int after = alive(pod.replicaSet(), pod.createdAt());
					int created = createdAt(pod.replicaSet(), pod.createdAt());
					add("Normal", "ScalingReplicaSet", "Deployment", this.workload.name(),
							"Scaled up replica set " + pod.replicaSet() + " to " + after + " from " + (after - created),
							1, pod.createdAt(), pod.createdAt());
				}
			}
			if (pod.deletedAt() != null && inWindow(pod.deletedAt())) {
				add("Normal", "SuccessfulDelete", "ReplicaSet", pod.replicaSet(), "Deleted pod: " + pod.name(), 1,
						pod.deletedAt(), pod.deletedAt());
				int before = alive(pod.replicaSet(), pod.deletedAt().minusMillis(1));
				add("Normal", "ScalingReplicaSet", "Deployment", this.workload.name(),
						"Scaled down replica set " + pod.replicaSet() + " to " + (before - 1) + " from " + before, 1,
						pod.deletedAt(), pod.deletedAt());
			}
		}
	}

	private boolean inWindow(Instant time) {
		return !time.isBefore(this.cutoff) && !time.isAfter(this.now);
	}

	private int alive(String replicaSet, Instant time) {
		int count = 0;
		for (PodLife pod : this.deployment.pods()) {
			count += (pod.replicaSet().equals(replicaSet) && pod.aliveAt(time)) ? 1 : 0;
		}
		return count;
	}

	private int createdAt(String replicaSet, Instant time) {
		int count = 0;
		for (PodLife pod : this.deployment.pods()) {
			count += (pod.replicaSet().equals(replicaSet) && pod.createdAt().equals(time)) ? 1 : 0;
		}
		return count;
	}

	/** Seconds between two times, at least 0. */
	static long seconds(Instant from, Instant to) {
		return Math.max(0, Duration.between(from, to).getSeconds());
	}

}
