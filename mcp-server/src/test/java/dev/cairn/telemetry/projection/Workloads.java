package dev.cairn.telemetry.projection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;

import dev.cairn.telemetry.DeploymentSnapshot;
import dev.cairn.telemetry.DeploymentSnapshot.Container;
import dev.cairn.telemetry.DeploymentSnapshot.Phase;
import dev.cairn.telemetry.DeploymentSnapshot.Revision;
import dev.cairn.telemetry.DeploymentSnapshot.Rollout;

import static dev.cairn.telemetry.projection.ClusterObjects.TEMPLATE_HASH;
import static dev.cairn.telemetry.projection.ClusterObjects.time;

/**
 * The Deployment and its ReplicaSets as the deployment controller leaves them for a
 * snapshot's rollout: replica counts and the Progressing condition that says where the
 * rollout stands (ProgressDeadlineExceeded once it failed, NewReplicaSetAvailable once it
 * completed), and one ReplicaSet per revision stamped with its revision number and the
 * deploy's commit and author.
 *
 * <p>
 * The rollout's own words go into the Progressing condition, and the Available condition
 * carries none, so that the adapter reads back the snapshot's message and not one made up
 * here.
 */
final class Workloads {

	static final String REVISION = "deployment.kubernetes.io/revision";

	static final String DEFAULT_CONTAINER = "kubectl.kubernetes.io/default-container";

	private Workloads() {
	}

	static Map<String, String> selector(DeploymentSnapshot snapshot) {
		return Map.of(ClusterObjects.NAME_LABEL, snapshot.name());
	}

	/**
	 * The ReplicaSet name of a revision: the one its pods carry
	 * ({@code <deployment>-<hash>-<suffix>}), else one made from the revision number.
	 */
	static String replicaSetName(DeploymentSnapshot snapshot, int revision) {
		String prefix = snapshot.name() + "-";
		for (DeploymentSnapshot.Pod pod : snapshot.pods()) {
			int dash = pod.name().lastIndexOf('-');
			if (pod.revision() == revision && pod.name().startsWith(prefix) && dash > prefix.length()) {
				return pod.name().substring(0, dash);
			}
		}
		return prefix + Integer.toHexString((snapshot.name() + "#" + revision).hashCode() & 0x0fffffff);
	}

	static Deployment deployment(DeploymentSnapshot snapshot, String namespace) {
		Rollout rollout = snapshot.rollout();
		Revision current = snapshot.current();
		int old = (snapshot.previous() != null) ? snapshot.previous().replicas() : 0;
		int replicas = (rollout.phase() == Phase.COMPLETE) ? rollout.updated() : rollout.updated() + old;
		if (rollout.phase() == Phase.PROGRESSING && rollout.updated() >= rollout.desired()
				&& rollout.available() >= rollout.updated() && replicas <= rollout.updated()) {
			// Numbers that read as complete: an old replica still terminating is what
			// keeps such a rollout in progress.
			replicas = rollout.updated() + 1;
		}
		List<DeploymentCondition> conditions = new ArrayList<>();
		String since = time(rollout.since());
		conditions.add(condition("Available", (rollout.available() >= rollout.desired()) ? "True" : "False",
				(rollout.available() >= rollout.desired()) ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
				null, since));
		switch (rollout.phase()) {
			case FAILED:
				conditions.add(condition("Progressing", "False", "ProgressDeadlineExceeded", rollout.message(), since));
				break;
			case COMPLETE:
				conditions.add(condition("Progressing", "True", "NewReplicaSetAvailable", rollout.message(), since));
				break;
			case IDLE:
				conditions.add(condition("Progressing", "Unknown", "DeploymentPaused", rollout.message(), since));
				break;
			default:
				conditions.add(condition("Progressing", "True", "ReplicaSetUpdated", rollout.message(), since));
		}
		Instant created = oldest(rollout.since(), (current != null) ? current.createdAt() : null,
				(snapshot.previous() != null) ? snapshot.previous().createdAt() : null);
		return new DeploymentBuilder().withNewMetadata()
			.withName(snapshot.name())
			.withNamespace(namespace)
			.withCreationTimestamp(time((created != null) ? created : snapshot.observedAt()))
			.withLabels(selector(snapshot))
			.withGeneration(1L)
			.addToAnnotations(REVISION, String.valueOf((current != null) ? current.number() : 0))
			.endMetadata()
			.withNewSpec()
			.withReplicas(rollout.desired())
			.withPaused(rollout.phase() == Phase.IDLE && rollout.desired() > 0)
			.withNewSelector()
			.withMatchLabels(selector(snapshot))
			.endSelector()
			.withProgressDeadlineSeconds(600)
			.withNewTemplate()
			.withNewMetadata()
			.withLabels(selector(snapshot))
			.endMetadata()
			.withNewSpec()
			.withContainers(ClusterObjects.specs(List.of(main(snapshot, current))))
			.endSpec()
			.endTemplate()
			.endSpec()
			.withNewStatus()
			.withObservedGeneration(1L)
			.withReplicas(replicas)
			.withUpdatedReplicas(rollout.updated())
			.withReadyReplicas(rollout.ready())
			.withAvailableReplicas(rollout.available())
			.withUnavailableReplicas(rollout.unavailable())
			.withConditions(conditions)
			.endStatus()
			.build();
	}

	private static DeploymentCondition condition(String type, String status, String reason, String message,
			String since) {
		return new DeploymentConditionBuilder().withType(type)
			.withStatus(status)
			.withReason(reason)
			.withMessage(message)
			.withLastTransitionTime(since)
			.withLastUpdateTime(since)
			.build();
	}

	/**
	 * The revision's ReplicaSet; its pod template names the main container as the default
	 * one and holds the revision's image, so that the adapter reads the version from it.
	 */
	static ReplicaSet replicaSet(DeploymentSnapshot snapshot, Deployment owner, Revision revision, String namespace) {
		String name = replicaSetName(snapshot, revision.number());
		String hash = name.substring(snapshot.name().length() + 1);
		Map<String, String> labels = new LinkedHashMap<>(selector(snapshot));
		labels.put(TEMPLATE_HASH, hash);
		Map<String, String> annotations = new LinkedHashMap<>();
		Container main = main(snapshot, revision);
		annotations.put(DEFAULT_CONTAINER, main.name());
		putIfSet(annotations, "cairn.dev/commit", revision.commit());
		putIfSet(annotations, "cairn.dev/author", revision.author());
		Map<String, String> templateLabels = new LinkedHashMap<>(labels);
		putIfSet(templateLabels, "app.kubernetes.io/version", revision.version());
		List<Container> containers = new ArrayList<>();
		containers.add(main);
		for (Container other : podOf(snapshot, revision.number()).map(DeploymentSnapshot.Pod::containers)
			.orElse(List.of())) {
			if (!other.name().equals(main.name())) {
				containers.add(other);
			}
		}
		return new ReplicaSetBuilder().withNewMetadata()
			.withName(name)
			.withNamespace(namespace)
			.withCreationTimestamp(time(revision.createdAt()))
			.withLabels(labels)
			.addToAnnotations(REVISION, String.valueOf(revision.number()))
			.withOwnerReferences(ClusterObjects.ownedBy(owner))
			.endMetadata()
			.withNewSpec()
			.withReplicas(revision.replicas())
			.withNewSelector()
			.withMatchLabels(labels)
			.endSelector()
			.withNewTemplate()
			.withNewMetadata()
			.withLabels(templateLabels)
			.withAnnotations(annotations)
			.endMetadata()
			.withNewSpec()
			.withContainers(ClusterObjects.specs(containers))
			.endSpec()
			.endTemplate()
			.endSpec()
			.withNewStatus()
			.withReplicas(revision.replicas())
			.withObservedGeneration(1L)
			.endStatus()
			.build();
	}

	/**
	 * The revision's main container: the pod's container running the revision's image,
	 * else its first, with the revision's image; {@code app} when no pod shows one.
	 */
	private static Container main(DeploymentSnapshot snapshot, Revision revision) {
		String image = (revision != null) ? revision.image() : null;
		List<Container> containers = (revision != null)
				? podOf(snapshot, revision.number()).map(DeploymentSnapshot.Pod::containers).orElse(List.of())
				: List.of();
		String name = containers.isEmpty() ? "app" : containers.get(0).name();
		for (Container container : containers) {
			if (image != null && image.equals(container.image())) {
				name = container.name();
				break;
			}
		}
		return new Container(name, image, false, 0, DeploymentSnapshot.State.WAITING, null, null, null, null);
	}

	private static java.util.Optional<DeploymentSnapshot.Pod> podOf(DeploymentSnapshot snapshot, int revision) {
		return snapshot.pods().stream().filter((pod) -> pod.revision() == revision).findFirst();
	}

	private static void putIfSet(Map<String, String> map, String key, String value) {
		if (value != null) {
			map.put(key, value);
		}
	}

	private static Instant oldest(Instant... instants) {
		Instant oldest = null;
		for (Instant instant : instants) {
			if (instant != null && (oldest == null || instant.isBefore(oldest))) {
				oldest = instant;
			}
		}
		return oldest;
	}

}
