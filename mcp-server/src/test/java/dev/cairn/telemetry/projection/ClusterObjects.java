package dev.cairn.telemetry.projection;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateTerminatedBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;

import dev.cairn.telemetry.DeploymentSnapshot;
import dev.cairn.telemetry.DeploymentSnapshot.Container;
import dev.cairn.telemetry.DeploymentSnapshot.Termination;

/**
 * Pods, Events and Jobs as a cluster's controllers and kubelet write them, made from a
 * snapshot's records. Times are written as the API writes {@code metav1.Time}: to the
 * second.
 */
final class ClusterObjects {

	static final String NAME_LABEL = "app.kubernetes.io/name";

	static final String COMPONENT_LABEL = "app.kubernetes.io/component";

	static final String TEMPLATE_HASH = "pod-template-hash";

	private ClusterObjects() {
	}

	/** RFC 3339 to the second, as the API server stores object times; or {@code null}. */
	static String time(Instant at) {
		return (at != null) ? at.truncatedTo(ChronoUnit.SECONDS).toString() : null;
	}

	static OwnerReference ownedBy(HasMetadata owner) {
		return new OwnerReferenceBuilder().withApiVersion(owner.getApiVersion())
			.withKind(owner.getKind())
			.withName(owner.getMetadata().getName())
			.withUid(owner.getMetadata().getUid())
			.withController(true)
			.withBlockOwnerDeletion(true)
			.build();
	}

	static List<io.fabric8.kubernetes.api.model.Container> specs(List<Container> containers) {
		List<io.fabric8.kubernetes.api.model.Container> specs = new ArrayList<>();
		for (Container container : containers) {
			specs.add(new ContainerBuilder().withName(container.name()).withImage(container.image()).build());
		}
		return specs;
	}

	/**
	 * The pod, labelled and owned like its revision's pods.
	 * @param owner its ReplicaSet, or {@code null} when the projection has none for it
	 */
	static Pod pod(DeploymentSnapshot.Pod pod, String namespace, Map<String, String> labels, HasMetadata owner) {
		PodBuilder builder = new PodBuilder().withNewMetadata()
			.withName(pod.name())
			.withNamespace(namespace)
			.withCreationTimestamp(time(pod.createdAt()))
			.withLabels(labels)
			.endMetadata();
		if (owner != null) {
			builder.editMetadata().withOwnerReferences(ownedBy(owner)).endMetadata();
		}
		String started = time(pod.createdAt());
		List<PodCondition> conditions = new ArrayList<>();
		conditions.add(condition("Ready", pod.ready() ? "True" : "False", pod.ready() ? null : "ContainersNotReady",
				null, started));
		conditions.add((pod.unschedulable() != null)
				? condition("PodScheduled", "False", "Unschedulable", pod.unschedulable(), started)
				: condition("PodScheduled", "True", null, null, started));
		return builder.withNewSpec()
			.withNodeName(pod.node())
			.withInitContainers(specs(pod.initContainers()))
			.withContainers(specs(pod.containers()))
			.endSpec()
			.withNewStatus()
			.withPhase(pod.phase())
			.withStartTime((pod.node() != null) ? started : null)
			.withConditions(conditions)
			.withInitContainerStatuses(statuses(pod.initContainers(), started))
			.withContainerStatuses(statuses(pod.containers(), started))
			.endStatus()
			.build();
	}

	private static PodCondition condition(String type, String status, String reason, String message, String since) {
		return new PodConditionBuilder().withType(type)
			.withStatus(status)
			.withReason(reason)
			.withMessage(message)
			.withLastTransitionTime(since)
			.build();
	}

	private static List<ContainerStatus> statuses(List<Container> containers, String started) {
		List<ContainerStatus> statuses = new ArrayList<>();
		for (Container container : containers) {
			ContainerStateBuilder state = new ContainerStateBuilder();
			switch (container.state()) {
				case RUNNING:
					state.withNewRunning(started);
					break;
				case TERMINATED:
					state.withTerminated(new ContainerStateTerminatedBuilder().withReason(container.reason())
						.withMessage(container.message())
						.withExitCode(container.exitCode())
						.build());
					break;
				default:
					state.withNewWaiting(container.message(), container.reason());
			}
			ContainerStatusBuilder status = new ContainerStatusBuilder().withName(container.name())
				.withImage(container.image())
				.withReady(container.ready())
				.withRestartCount(container.restarts())
				.withState(state.build());
			if (container.lastTermination() != null) {
				status.withNewLastState().withTerminated(terminated(container.lastTermination())).endLastState();
			}
			statuses.add(status.build());
		}
		return statuses;
	}

	private static ContainerStateTerminated terminated(Termination termination) {
		return new ContainerStateTerminatedBuilder().withReason(termination.reason())
			.withExitCode(termination.exitCode())
			.withMessage(termination.message())
			.withFinishedAt(time(termination.finishedAt()))
			.build();
	}

	/** A core event (count, first and last timestamp), named as the API names them. */
	static Event event(DeploymentSnapshot.Event event, String namespace, int index) {
		String component = "Pod".equals(event.objectKind()) ? "kubelet"
				: event.objectKind().toLowerCase(java.util.Locale.ROOT) + "-controller";
		return new EventBuilder().withNewMetadata()
			.withName(event.objectName() + "." + String.format("%016x", index))
			.withNamespace(namespace)
			.endMetadata()
			.withNewInvolvedObject()
			.withKind(event.objectKind())
			.withName(event.objectName())
			.withNamespace(namespace)
			.endInvolvedObject()
			.withType(event.type())
			.withReason(event.reason())
			.withMessage(event.message())
			.withCount(event.count())
			.withFirstTimestamp(time(event.firstSeen()))
			.withLastTimestamp(time(event.lastSeen()))
			.withNewSource()
			.withComponent(component)
			.endSource()
			.build();
	}

	/**
	 * A Job labelled as Helm charts label their hook Jobs: the service's name, and its
	 * purpose as the component.
	 */
	static Job job(DeploymentSnapshot.Job job, String namespace, String workload, Instant fallbackCreated) {
		Map<String, String> labels = new LinkedHashMap<>();
		labels.put(NAME_LABEL, workload);
		if (job.purpose() != null) {
			labels.put(COMPONENT_LABEL, job.purpose());
		}
		JobStatusBuilder status = new JobStatusBuilder().withStartTime(time(job.startedAt()))
			.withFailed(job.failedPods());
		switch (job.status()) {
			case FAILED:
				status.withActive(0)
					.withConditions(new JobConditionBuilder().withType("Failed")
						.withStatus("True")
						.withReason(job.reason())
						.withMessage(job.message())
						.withLastTransitionTime(time(job.finishedAt()))
						.build());
				break;
			case SUCCEEDED:
				status.withSucceeded(1)
					.withCompletionTime(time(job.finishedAt()))
					.withConditions(new JobConditionBuilder().withType("Complete")
						.withStatus("True")
						.withLastTransitionTime(time(job.finishedAt()))
						.build());
				break;
			default:
				status.withActive(1);
		}
		Instant created = (job.startedAt() != null) ? job.startedAt() : fallbackCreated;
		return new JobBuilder().withNewMetadata()
			.withName(job.name())
			.withNamespace(namespace)
			.withCreationTimestamp(time(created))
			.withLabels(labels)
			.endMetadata()
			.withNewSpec()
			.withBackoffLimit(Math.max(job.failedPods() - 1, 0))
			.withNewTemplate()
			.withNewSpec()
			.withRestartPolicy("Never")
			.addNewContainer()
			.withName("job")
			.withImage("job")
			.endContainer()
			.endSpec()
			.endTemplate()
			.endSpec()
			.withStatus(status.build())
			.build();
	}

}
