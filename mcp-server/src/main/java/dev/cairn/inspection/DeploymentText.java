package dev.cairn.inspection;

import java.util.List;
import java.util.Locale;

import dev.cairn.telemetry.DeliveryStatus;
import dev.cairn.telemetry.DeploymentSnapshot;

/**
 * The text of a {@link DeploymentAnswer}: one line per fact, pods with their containers
 * indented beneath them, long backend messages cut.
 */
final class DeploymentText {

	/** Backend messages longer than this are cut in the text (never in the structure). */
	static final int MAX_MESSAGE = 300;

	private final StringBuilder text = new StringBuilder();

	private DeploymentText() {
	}

	static String of(DeploymentAnswer answer) {
		DeploymentText out = new DeploymentText();
		String about = answer.service() + " in " + answer.environment();
		if (!answer.deployed()) {
			out.text.append(about)
				.append(" is not deployed: the cluster has no workload named ")
				.append(answer.workload())
				.append((answer.namespace() != null) ? " in namespace " + answer.namespace() : "")
				.append(" (the backstage.io/kubernetes-id annotation, else the service's name).");
		}
		else {
			out.deployment(about, answer);
		}
		out.delivery(answer.delivery());
		if (answer.notes() != null) {
			answer.notes().forEach((note) -> out.text.append("\nNote: ").append(note));
		}
		return out.text.toString();
	}

	private void deployment(String about, DeploymentAnswer answer) {
		DeploymentSnapshot.Rollout rollout = answer.rollout();
		this.text.append(about)
			.append(": workload ")
			.append((answer.namespace() != null) ? answer.namespace() + "/" : "")
			.append(answer.workload())
			.append(", read ")
			.append(answer.observedAt());
		this.text.append("\nrollout: ")
			.append(rollout.phase())
			.append(", ")
			.append(rollout.desired())
			.append(" desired, ")
			.append(rollout.updated())
			.append(" updated, ")
			.append(rollout.ready())
			.append(" ready, ")
			.append(rollout.available())
			.append(" available, ")
			.append(rollout.unavailable())
			.append(" unavailable");
		if (rollout.since() != null) {
			this.text.append(", since ").append(rollout.since());
		}
		if (rollout.message() != null) {
			this.text.append("\n  message: ").append(cut(rollout.message()));
		}
		revision("current", answer.current());
		revision("previous", answer.previous());
		pods(answer);
		events(answer);
		jobs(answer);
	}

	private void revision(String which, DeploymentSnapshot.Revision revision) {
		this.text.append('\n').append(which).append(": ");
		if (revision == null) {
			this.text.append("current".equals(which) ? "unknown" : "none (first deploy)");
			return;
		}
		this.text.append("revision ").append(revision.number());
		append(", version ", revision.version());
		append(", image ", revision.image());
		append(", commit ", revision.commit());
		append(" by ", revision.author());
		append(", deployed ", revision.createdAt());
		this.text.append(", ").append(revision.replicas()).append(" replicas");
	}

	private void pods(DeploymentAnswer answer) {
		this.text.append("\npods (").append(answer.podCount());
		if (answer.podsTruncated() != null) {
			this.text.append(", showing ").append(answer.pods().size());
		}
		this.text.append(answer.podCount() == 0 ? ")" : ", unhealthy first):");
		for (DeploymentSnapshot.Pod pod : answer.pods()) {
			this.text.append("\n- ")
				.append(pod.name())
				.append(" (revision ")
				.append(pod.revision())
				.append(") ")
				.append(pod.phase())
				.append(pod.ready() ? ", ready" : ", not ready");
			if (pod.node() != null) {
				this.text.append(", on ").append(pod.node());
			}
			else if (pod.unschedulable() != null) {
				this.text.append(", unscheduled: ").append(cut(pod.unschedulable()));
			}
			pod.initContainers().forEach((container) -> container("init container", container));
			pod.containers().forEach((container) -> container("container", container));
		}
		truncation(answer.podsTruncated());
	}

	private void container(String kind, DeploymentSnapshot.Container container) {
		this.text.append("\n  - ")
			.append(kind)
			.append(' ')
			.append(container.name())
			.append(": ")
			.append(container.state().name().toLowerCase(Locale.ROOT));
		append(" ", container.reason());
		if (container.exitCode() != null) {
			this.text.append(" (exit ").append(container.exitCode()).append(')');
		}
		if (container.message() != null) {
			this.text.append(": ").append(cut(container.message()));
		}
		this.text.append(container.ready() ? ", ready" : ", not ready")
			.append(", restarts ")
			.append(container.restarts());
		DeploymentSnapshot.Termination last = container.lastTermination();
		if (last != null) {
			this.text.append("; last terminated ")
				.append((last.reason() != null) ? last.reason() : "")
				.append(" (exit ")
				.append(last.exitCode())
				.append(')');
			append(" at ", last.finishedAt());
			if (last.message() != null) {
				this.text.append(": ").append(cut(last.message()));
			}
		}
	}

	private void events(DeploymentAnswer answer) {
		if (answer.eventCount() == 0) {
			this.text.append("\nevents: none recent");
			return;
		}
		this.text.append("\nevents (").append(answer.eventCount());
		if (answer.eventsTruncated() != null) {
			this.text.append(", showing ").append(answer.events().size());
		}
		this.text.append(", warnings first, then newest):");
		for (DeploymentSnapshot.Event event : answer.events()) {
			this.text.append("\n- ").append(event.type()).append(' ').append(event.reason());
			this.text.append(' ').append(event.objectKind()).append('/').append(event.objectName());
			if (event.count() > 1) {
				this.text.append(" x").append(event.count());
			}
			append(", last ", event.lastSeen());
			this.text.append(": ").append(cut(event.message()));
		}
		truncation(answer.eventsTruncated());
	}

	private void jobs(DeploymentAnswer answer) {
		List<DeploymentSnapshot.Job> jobs = answer.jobs();
		if (jobs.isEmpty()) {
			return;
		}
		this.text.append("\njobs (newest first):");
		for (DeploymentSnapshot.Job job : jobs) {
			this.text.append("\n- ").append(job.name());
			append(" (", job.purpose());
			this.text.append((job.purpose() != null) ? "): " : ": ").append(job.status());
			append(" ", job.reason());
			if (job.message() != null) {
				this.text.append(": ").append(cut(job.message()));
			}
			if (job.failedPods() > 0) {
				this.text.append(", ").append(job.failedPods()).append(" failed pods");
			}
			append(", started ", job.startedAt());
			append(", finished ", job.finishedAt());
		}
		truncation(answer.jobsTruncated());
	}

	private void delivery(DeliveryStatus delivery) {
		if (delivery == null) {
			return;
		}
		this.text.append("\ndelivery: application ")
			.append(delivery.application())
			.append(", sync ")
			.append(delivery.sync())
			.append(", health ")
			.append(delivery.health());
		if (delivery.healthMessage() != null) {
			this.text.append(" (").append(cut(delivery.healthMessage())).append(')');
		}
		append(", revision ", delivery.revision());
		if (delivery.operation() != null) {
			this.text.append("; last operation ").append(delivery.operation());
			append(" at ", delivery.operationFinishedAt());
			if (delivery.operationMessage() != null) {
				this.text.append(": ").append(cut(delivery.operationMessage()));
			}
		}
	}

	private void truncation(String truncated) {
		if (truncated != null) {
			this.text.append("\n(").append(truncated).append(')');
		}
	}

	private void append(String prefix, Object value) {
		if (value != null) {
			this.text.append(prefix).append(value);
		}
	}

	static String cut(String message) {
		String line = message.replaceAll("\\s+", " ").trim();
		return (line.length() > MAX_MESSAGE) ? line.substring(0, MAX_MESSAGE) + "..." : line;
	}

}
