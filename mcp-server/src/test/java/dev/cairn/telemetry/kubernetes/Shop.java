package dev.cairn.telemetry.kubernetes;

import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateTerminatedBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.MicroTimeBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;

import dev.cairn.telemetry.ServiceTarget;

/**
 * The shop's {@code checkout-api} as a cluster reports it: a Deployment with an Envoy
 * sidecar listed before the app container, ReplicaSets stamped with their revision and
 * {@code pod-template-hash}, Pods owned by them, and the events and Jobs around them,
 * with the field shapes and messages the API server, the kubelet and the controllers
 * produce.
 */
final class Shop {

	static final String NAMESPACE = "shop";

	static final String SERVICE = "checkout-api";

	static final String REGISTRY = "registry.example.com/shop/checkout-api";

	static final String ENVOY = "envoyproxy/envoy:v1.31.2";

	static final Map<String, String> SELECTOR = Map.of("app.kubernetes.io/name", SERVICE);

	private Shop() {
	}

	static ServiceTarget target() {
		return new ServiceTarget(SERVICE, "production",
				Map.of(ServiceTarget.KUBERNETES_ID, SERVICE, ServiceTarget.KUBERNETES_NAMESPACE, NAMESPACE));
	}

	// ---- Deployment ---------------------------------------------------------------

	static Deployment deployment(int replicas, String tag, int revision, DeploymentStatus status) {
		return new DeploymentBuilder().withNewMetadata()
			.withName(SERVICE)
			.withNamespace(NAMESPACE)
			.withCreationTimestamp("2026-01-15T10:00:00Z")
			.addToLabels(SELECTOR)
			.addToLabels("app.kubernetes.io/part-of", "shop")
			.addToAnnotations("deployment.kubernetes.io/revision", String.valueOf(revision))
			.endMetadata()
			.withNewSpec()
			.withReplicas(replicas)
			.withNewSelector()
			.withMatchLabels(SELECTOR)
			.endSelector()
			.withProgressDeadlineSeconds(600)
			.withRevisionHistoryLimit(10)
			.withNewStrategy()
			.withType("RollingUpdate")
			.withNewRollingUpdate()
			.withMaxSurge(new IntOrString("25%"))
			.withMaxUnavailable(new IntOrString("25%"))
			.endRollingUpdate()
			.endStrategy()
			.withNewTemplate()
			.withNewMetadata()
			.addToLabels(SELECTOR)
			.endMetadata()
			.withNewSpec()
			.withContainers(containers(tag))
			.endSpec()
			.endTemplate()
			.endSpec()
			.withStatus(status)
			.build();
	}

	static DeploymentStatus deploymentStatus(int replicas, int updated, int ready, int available,
			DeploymentCondition... conditions) {
		return new DeploymentStatusBuilder().withObservedGeneration(1L)
			.withReplicas(replicas)
			.withUpdatedReplicas(updated)
			.withReadyReplicas(ready)
			.withAvailableReplicas(available)
			.withUnavailableReplicas(Math.max(0, replicas - available))
			.withConditions(conditions)
			.build();
	}

	static DeploymentCondition available(boolean status, String since) {
		return new DeploymentConditionBuilder().withType("Available")
			.withStatus(status ? "True" : "False")
			.withReason(status ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable")
			.withMessage(
					status ? "Deployment has minimum availability." : "Deployment does not have minimum availability.")
			.withLastTransitionTime(since)
			.withLastUpdateTime(since)
			.build();
	}

	static DeploymentCondition progressing(String status, String reason, String message, String since) {
		return new DeploymentConditionBuilder().withType("Progressing")
			.withStatus(status)
			.withReason(reason)
			.withMessage(message)
			.withLastTransitionTime(since)
			.withLastUpdateTime(since)
			.build();
	}

	// ---- ReplicaSets ----------------------------------------------------------------

	static ReplicaSet replicaSet(Deployment owner, int revision, String hash, String tag, String commit, String author,
			int replicas, String created) {
		return new ReplicaSetBuilder().withNewMetadata()
			.withName(SERVICE + "-" + hash)
			.withNamespace(NAMESPACE)
			.withCreationTimestamp(created)
			.addToLabels(SELECTOR)
			.addToLabels("pod-template-hash", hash)
			.addToAnnotations("deployment.kubernetes.io/revision", String.valueOf(revision))
			.addToAnnotations("deployment.kubernetes.io/desired-replicas", "3")
			.addToAnnotations("deployment.kubernetes.io/max-replicas", "4")
			.withOwnerReferences(new OwnerReferenceBuilder().withApiVersion("apps/v1")
				.withKind("Deployment")
				.withName(owner.getMetadata().getName())
				.withUid(owner.getMetadata().getUid())
				.withController(true)
				.withBlockOwnerDeletion(true)
				.build())
			.endMetadata()
			.withNewSpec()
			.withReplicas(replicas)
			.withNewSelector()
			.withMatchLabels(Map.of("app.kubernetes.io/name", SERVICE, "pod-template-hash", hash))
			.endSelector()
			.withNewTemplate()
			.withNewMetadata()
			.addToLabels(SELECTOR)
			.addToLabels("pod-template-hash", hash)
			.addToAnnotations("cairn.dev/commit", commit)
			.addToAnnotations("cairn.dev/author", author)
			.endMetadata()
			.withNewSpec()
			.withContainers(containers(tag))
			.endSpec()
			.endTemplate()
			.endSpec()
			.withNewStatus()
			.withReplicas(replicas)
			.withFullyLabeledReplicas(replicas)
			.withObservedGeneration(1L)
			.endStatus()
			.build();
	}

	private static List<Container> containers(String tag) {
		return List.of(new ContainerBuilder().withName("envoy").withImage(ENVOY).build(),
				new ContainerBuilder().withName(SERVICE)
					.withImage(REGISTRY + ":" + tag)
					.addNewPort()
					.withContainerPort(8080)
					.withName("http")
					.endPort()
					.withNewReadinessProbe()
					.withNewHttpGet()
					.withPath("/ready")
					.withPort(new IntOrString("http"))
					.endHttpGet()
					.withPeriodSeconds(5)
					.endReadinessProbe()
					.build());
	}

	// ---- Pods ---------------------------------------------------------------------

	static Pod pod(ReplicaSet owner, String suffix, String created, String node, PodStatus status) {
		return new PodBuilder().withNewMetadata()
			.withName(owner.getMetadata().getName() + "-" + suffix)
			.withNamespace(NAMESPACE)
			.withCreationTimestamp(created)
			.withLabels(owner.getSpec().getTemplate().getMetadata().getLabels())
			.withAnnotations(owner.getSpec().getTemplate().getMetadata().getAnnotations())
			.withOwnerReferences(new OwnerReferenceBuilder().withApiVersion("apps/v1")
				.withKind("ReplicaSet")
				.withName(owner.getMetadata().getName())
				.withUid(owner.getMetadata().getUid())
				.withController(true)
				.withBlockOwnerDeletion(true)
				.build())
			.endMetadata()
			.withNewSpecLike(owner.getSpec().getTemplate().getSpec())
			.withNodeName(node)
			.endSpec()
			.withStatus(status)
			.build();
	}

	/** A pod whose containers all run and pass their readiness probes. */
	static PodStatus healthy(String tag, String started) {
		return podStatus("Running", true, started, running("envoy", ENVOY, true, 0, started),
				running(SERVICE, REGISTRY + ":" + tag, true, 0, started));
	}

	static PodStatus podStatus(String phase, boolean ready, String started, ContainerStatus... containers) {
		String readyStatus = ready ? "True" : "False";
		return new PodStatusBuilder().withPhase(phase)
			.withHostIP("10.0.3.12")
			.withPodIP("10.244.2.17")
			.withQosClass("Burstable")
			.withStartTime(started)
			.withConditions(condition("PodReadyToStartContainers", "True", null, null, started),
					condition("Initialized", "True", null, null, started),
					condition("Ready", readyStatus, ready ? null : "ContainersNotReady",
							ready ? null : "containers with unready status: [" + SERVICE + "]", started),
					condition("ContainersReady", readyStatus, ready ? null : "ContainersNotReady",
							ready ? null : "containers with unready status: [" + SERVICE + "]", started),
					condition("PodScheduled", "True", null, null, started))
			.withContainerStatuses(containers)
			.build();
	}

	static PodCondition condition(String type, String status, String reason, String message, String since) {
		return new PodConditionBuilder().withType(type)
			.withStatus(status)
			.withReason(reason)
			.withMessage(message)
			.withLastTransitionTime(since)
			.build();
	}

	static ContainerStatus running(String name, String image, boolean ready, int restarts, String started) {
		return new ContainerStatusBuilder().withName(name)
			.withImage(image)
			.withImageID(image.startsWith("registry") ? "registry.example.com/shop/checkout-api@sha256:4f1c0e"
					: "docker.io/envoyproxy/envoy@sha256:9a7e11")
			.withContainerID("containerd://" + Integer.toHexString((name + started).hashCode()))
			.withReady(ready)
			.withStarted(true)
			.withRestartCount(restarts)
			.withNewState()
			.withNewRunning(started)
			.endState()
			.build();
	}

	static ContainerStatus waiting(String name, String image, String reason, String message, int restarts,
			ContainerStateTerminated last) {
		ContainerStatusBuilder builder = new ContainerStatusBuilder().withName(name)
			.withImage(image)
			.withImageID("")
			.withReady(false)
			.withStarted(false)
			.withRestartCount(restarts)
			.withNewState()
			.withNewWaiting(message, reason)
			.endState();
		if (last != null) {
			builder.withNewLastState().withTerminated(last).endLastState();
		}
		return builder.build();
	}

	static ContainerStateTerminated terminated(String reason, int exitCode, String started, String finished) {
		return new ContainerStateTerminatedBuilder().withReason(reason)
			.withExitCode(exitCode)
			.withStartedAt(started)
			.withFinishedAt(finished)
			.withContainerID("containerd://5b2f9e0c1d")
			.build();
	}

	// ---- Events -------------------------------------------------------------------

	/** An event in the core shape: count, firstTimestamp, lastTimestamp. */
	static Event event(String kind, String name, String type, String reason, String message, int count, String first,
			String last, String component) {
		return new EventBuilder().withNewMetadata()
			.withName(name + "." + Long.toHexString((reason + message + first).hashCode() & 0xffffffffL))
			.withNamespace(NAMESPACE)
			.endMetadata()
			.withNewInvolvedObject()
			.withApiVersion("Pod".equals(kind) ? "v1" : "Job".equals(kind) ? "batch/v1" : "apps/v1")
			.withKind(kind)
			.withName(name)
			.withNamespace(NAMESPACE)
			.endInvolvedObject()
			.withType(type)
			.withReason(reason)
			.withMessage(message)
			.withCount(count)
			.withFirstTimestamp(first)
			.withLastTimestamp(last)
			.withNewSource()
			.withComponent(component)
			.endSource()
			.withReportingComponent(component)
			.build();
	}

	/**
	 * An event as newer components record it (events.k8s.io), read through the core API:
	 * no count or first/last timestamps, an eventTime and, once repeated, a series.
	 */
	static Event seriesEvent(String kind, String name, String type, String reason, String message, String eventTime,
			Integer seriesCount, String lastObserved, String controller) {
		EventBuilder builder = new EventBuilder().withNewMetadata()
			.withName(name + "." + Long.toHexString((reason + eventTime).hashCode() & 0xffffffffL))
			.withNamespace(NAMESPACE)
			.endMetadata()
			.withNewInvolvedObject()
			.withApiVersion("v1")
			.withKind(kind)
			.withName(name)
			.withNamespace(NAMESPACE)
			.endInvolvedObject()
			.withType(type)
			.withReason(reason)
			.withMessage(message)
			.withEventTime(new MicroTimeBuilder().withTime(eventTime).build())
			.withReportingComponent(controller)
			.withReportingInstance(controller + "-node-1")
			.withAction("Scheduling");
		if (seriesCount != null) {
			builder.withNewSeries()
				.withCount(seriesCount)
				.withLastObservedTime(new MicroTimeBuilder().withTime(lastObserved).build())
				.endSeries();
		}
		return builder.build();
	}

	// ---- Jobs ---------------------------------------------------------------------

	static Job job(String name, String instance, String component, String created, JobStatus status) {
		return new JobBuilder().withNewMetadata()
			.withName(name)
			.withNamespace(NAMESPACE)
			.withCreationTimestamp(created)
			.addToLabels("app.kubernetes.io/instance", instance)
			.addToLabels("app.kubernetes.io/component", component)
			.addToLabels("app.kubernetes.io/managed-by", "Helm")
			.addToAnnotations("helm.sh/hook", "pre-upgrade")
			.endMetadata()
			.withNewSpec()
			.withBackoffLimit(2)
			.withNewTemplate()
			.withNewSpec()
			.withRestartPolicy("Never")
			.addNewContainer()
			.withName("migrate")
			.withImage(REGISTRY + "-migrations:1.8.0")
			.endContainer()
			.endSpec()
			.endTemplate()
			.endSpec()
			.withStatus(status)
			.build();
	}

	static JobStatus jobFailed(String started, String failedAt) {
		return new JobStatusBuilder().withStartTime(started)
			.withFailed(3)
			.withActive(0)
			.withConditions(
					jobCondition("FailureTarget", "BackoffLimitExceeded", "Job has reached the specified backoff limit",
							failedAt),
					jobCondition("Failed", "BackoffLimitExceeded", "Job has reached the specified backoff limit",
							failedAt))
			.build();
	}

	static JobStatus jobSucceeded(String started, String completed) {
		return new JobStatusBuilder().withStartTime(started)
			.withCompletionTime(completed)
			.withSucceeded(1)
			.withConditions(jobCondition("SuccessCriteriaMet", null, null, completed),
					jobCondition("Complete", null, null, completed))
			.build();
	}

	private static JobCondition jobCondition(String type, String reason, String message, String at) {
		return new JobConditionBuilder().withType(type)
			.withStatus("True")
			.withReason(reason)
			.withMessage(message)
			.withLastProbeTime(at)
			.withLastTransitionTime(at)
			.build();
	}

}
