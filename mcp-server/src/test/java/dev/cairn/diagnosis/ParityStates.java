package dev.cairn.diagnosis;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import dev.cairn.telemetry.DeliveryStatus;
import dev.cairn.telemetry.DeployRecord;
import dev.cairn.telemetry.DeploymentSnapshot;
import dev.cairn.telemetry.DeploymentSnapshot.Container;
import dev.cairn.telemetry.DeploymentSnapshot.Event;
import dev.cairn.telemetry.DeploymentSnapshot.Pod;
import dev.cairn.telemetry.DeploymentSnapshot.Revision;
import dev.cairn.telemetry.DeploymentSnapshot.Rollout;
import dev.cairn.telemetry.DeploymentSnapshot.State;
import dev.cairn.telemetry.DeploymentSnapshot.Termination;
import dev.cairn.telemetry.LogLine;

/**
 * The pieces the parity scenarios are made of: {@code checkout-web} (namespace
 * {@code checkout} in the demo catalog) running 1.7.3 for days and rolling out 1.8.0, and
 * the pods, events, lines and deploys around it, shaped as a cluster and its tools report
 * them. Commits are full 40-digit SHAs, as CI and Argo CD know them. Times are whole
 * seconds before {@link #NOW}, a recent minute: a real Prometheus holds the scenarios'
 * metrics, and backfilled history must lie near the real present.
 */
final class ParityStates {

	static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MINUTES);

	static final String SERVICE = "checkout-web";

	static final String NAMESPACE = "checkout";

	static final String IMAGE = "registry.acme.dev/checkout-web";

	static final String OLD_COMMIT = "a1d3c5e7" + "0123456789abcdef0123456789abcdef";

	static final String NEW_COMMIT = "b2e4f6a8" + "fedcba9876543210fedcba9876543210";

	static final String OLD_HASH = "5d4b7c8f9";

	static final String NEW_HASH = "7f9c8d6b5";

	private ParityStates() {
	}

	static Instant ago(Duration duration) {
		return NOW.minus(duration);
	}

	static Instant minutesAgo(long minutes) {
		return NOW.minus(Duration.ofMinutes(minutes));
	}

	/** 1.7.3, deployed three days ago by bob. */
	static Revision old(int replicas) {
		return new Revision(6, "1.7.3", IMAGE + ":1.7.3", OLD_COMMIT, "bob", ago(Duration.ofDays(3)), replicas);
	}

	/** 1.8.0, by alice, deployed {@code minutes} ago. */
	static Revision next(long minutes, int replicas) {
		return new Revision(7, "1.8.0", IMAGE + ":1.8.0", NEW_COMMIT, "alice", minutesAgo(minutes), replicas);
	}

	static DeploymentSnapshot checkout(Rollout rollout, Revision current, Revision previous, List<Pod> pods,
			List<Event> events, List<DeploymentSnapshot.Job> jobs) {
		return new DeploymentSnapshot(SERVICE, NAMESPACE, NOW, rollout, current, previous, pods, events, jobs);
	}

	static Rollout rollout(DeploymentSnapshot.Phase phase, int desired, int updated, int ready, String message,
			Instant since) {
		return new Rollout(phase, desired, updated, ready, ready, Math.max(0, desired - ready), message, since);
	}

	/** A pod of checkout-web's revision, named as its ReplicaSet names them. */
	static String podName(Revision revision, String suffix) {
		return SERVICE + "-" + ((revision.number() == 7) ? NEW_HASH : OLD_HASH) + "-" + suffix;
	}

	/** A pod the scheduler placed on a node. */
	static Pod pod(Revision revision, String suffix, String phase, boolean ready, Container container) {
		return new Pod(podName(revision, suffix), revision.number(), phase, ready,
				"node-" + (Math.abs(suffix.hashCode()) % 3 + 1), null, revision.createdAt().plusSeconds(4), List.of(),
				List.of(container));
	}

	/** A pod the scheduler could not place, with its words. */
	static Pod unscheduled(Revision revision, String suffix, String why) {
		return new Pod(podName(revision, suffix), revision.number(), "Pending", false, null, why,
				revision.createdAt().plusSeconds(4), List.of(),
				List.of(new Container("app", revision.image(), false, 0, State.WAITING, null, null, null, null)));
	}

	/** A pod whose app container runs and is ready. */
	static Pod serving(Revision revision, String suffix) {
		return pod(revision, suffix, "Running", true,
				new Container("app", revision.image(), true, 0, State.RUNNING, null, null, null, null));
	}

	static Container waiting(Revision revision, String reason, String message, int restarts, Termination last) {
		return new Container("app", revision.image(), false, restarts, State.WAITING, reason, message, null, last);
	}

	static Event warning(String reason, String kind, String name, String message, int count, Instant first) {
		return new Event("Warning", reason, kind, name, message, count, first, minutesAgo(1));
	}

	static LogLine line(Instant at, String level, String pod, String message) {
		return new LogLine(at, level, pod, (pod != null) ? "app" : null, message);
	}

	static DeployRecord deploy(Revision revision, String message, String outcome) {
		return new DeployRecord(String.valueOf(revision.number()), revision.version(), revision.commit(),
				revision.author(), message, revision.createdAt(), outcome);
	}

	/** The two deploys: 1.8.0 (with its outcome) after 1.7.3. */
	static List<DeployRecord> history(Revision next, String outcome) {
		return List.of(deploy(next, "Call payment service directly", outcome),
				deploy(old(0), "Tidy checkout summary", "Succeeded"));
	}

	/** Argo CD's view after syncing {@code commit}. */
	static DeliveryStatus synced(String commit, String health, String healthMessage, Instant finished) {
		return new DeliveryStatus("checkout-web", "Synced", health, healthMessage, commit, "Succeeded",
				"successfully synced (all tasks run)", finished);
	}

}
