package dev.cairn.diagnosis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import dev.cairn.telemetry.DeployRecord;
import dev.cairn.telemetry.DeploymentSnapshot;
import dev.cairn.telemetry.DeploymentSnapshot.Container;
import dev.cairn.telemetry.DeploymentSnapshot.Pod;
import dev.cairn.telemetry.DeploymentSnapshot.Revision;

/**
 * Reading a snapshot the way the analyzers need it: which revision a pod belongs to, the
 * deploy that made a revision, and a container's state in a line.
 */
final class Revisions {

	private Revisions() {
	}

	/** The revision a pod runs, or {@code null} when the snapshot does not name it. */
	static Revision of(DeploymentSnapshot snapshot, Pod pod) {
		if (snapshot.current() != null && snapshot.current().number() == pod.revision()) {
			return snapshot.current();
		}
		if (snapshot.previous() != null && snapshot.previous().number() == pod.revision()) {
			return snapshot.previous();
		}
		return null;
	}

	/**
	 * The deploy that made a revision, with the commit message from the delivery history
	 * when it has the same version or commit.
	 */
	static Finding.Change change(Observations seen, Revision revision) {
		if (revision == null) {
			return null;
		}
		String message = null;
		for (DeployRecord record : seen.history()) {
			if ((revision.commit() != null && revision.commit().equals(record.commit()))
					|| (revision.version() != null && revision.version().equals(record.version()))) {
				message = record.message();
				break;
			}
		}
		return new Finding.Change(seen.service(), revision.version(), revision.commit(), revision.author(),
				revision.createdAt(), message);
	}

	/** The deploy a delivery record describes. */
	static Finding.Change change(Observations seen, DeployRecord record) {
		return new Finding.Change(seen.service(), record.version(), record.commit(), record.author(),
				record.deployedAt(), record.message());
	}

	/** The pods to judge: the current revision's when it has any, else all. */
	static List<Pod> podsToJudge(DeploymentSnapshot snapshot) {
		if (snapshot.current() == null) {
			return snapshot.pods();
		}
		List<Pod> current = new ArrayList<>();
		for (Pod pod : snapshot.pods()) {
			if (pod.revision() == snapshot.current().number()) {
				current.add(pod);
			}
		}
		return current.isEmpty() ? snapshot.pods() : current;
	}

	/** Every container of a pod, init containers first. */
	static List<Container> containers(Pod pod) {
		List<Container> all = new ArrayList<>(pod.initContainers());
		all.addAll(pod.containers());
		return all;
	}

	/**
	 * A container's state in one line:
	 * {@code app: waiting (CrashLoopBackOff), 7 restarts, ...}.
	 */
	static String describe(Pod pod, Container container) {
		StringBuilder text = new StringBuilder();
		text.append("pod ").append(pod.name()).append(", container ").append(container.name()).append(": ");
		text.append(container.state().name().toLowerCase(Locale.ROOT));
		if (container.reason() != null) {
			text.append(" (").append(container.reason()).append(')');
		}
		if (container.message() != null && !container.message().isBlank()) {
			text.append(": ").append(container.message().strip());
		}
		text.append(", ").append(container.restarts()).append(container.restarts() == 1 ? " restart" : " restarts");
		if (!container.ready() && container.state() == DeploymentSnapshot.State.RUNNING) {
			text.append(", not ready");
		}
		if (container.lastTermination() != null) {
			DeploymentSnapshot.Termination last = container.lastTermination();
			text.append("; last exit ").append(last.exitCode()).append(" (").append(last.reason()).append(')');
			if (last.finishedAt() != null) {
				text.append(" at ").append(last.finishedAt());
			}
		}
		return text.toString();
	}

	/** The events about one object, newest first. */
	static List<DeploymentSnapshot.Event> eventsAbout(DeploymentSnapshot snapshot, String objectName) {
		return snapshot.events().stream().filter((event) -> Objects.equals(event.objectName(), objectName)).toList();
	}

	/** An event in a line: {@code Warning BackOff (x12, last 10:02:11Z): message}. */
	static String describe(DeploymentSnapshot.Event event) {
		return event.type() + " " + event.reason() + " on " + event.objectKind() + " " + event.objectName() + " (x"
				+ event.count() + ((event.lastSeen() != null) ? ", last " + event.lastSeen() : "") + "): "
				+ ((event.message() != null) ? event.message().strip() : "");
	}

	/** "12 min" or "3 h": how long ago, for a headline. */
	static String ago(Instant then, Instant now) {
		Duration elapsed = Duration.between(then, now);
		if (elapsed.isNegative()) {
			return "just now";
		}
		if (elapsed.toMinutes() < 120) {
			return elapsed.toMinutes() + " min ago";
		}
		if (elapsed.toHours() < 48) {
			return elapsed.toHours() + " h ago";
		}
		return elapsed.toDays() + " days ago";
	}

}
