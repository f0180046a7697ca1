package dev.cairn.telemetry.kubernetes;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;

import dev.cairn.telemetry.DeploymentSnapshot;
import dev.cairn.telemetry.DeploymentSnapshot.Revision;
import dev.cairn.telemetry.ServiceTarget;

/**
 * Reads a service's snapshot: the Deployment, then one bounded list call each for its
 * ReplicaSets and Pods (by the Deployment's selector), the namespace's Jobs (or those the
 * catalog's label selector matches) and the namespace's Events, filtered and ordered
 * here.
 */
final class SnapshotReader {

	private final Cluster cluster;

	private final Clock clock;

	SnapshotReader(Cluster cluster, Clock clock) {
		this.cluster = cluster;
		this.clock = clock;
	}

	Optional<DeploymentSnapshot> read(ServiceTarget target) {
		String namespace = this.cluster.namespace(target);
		Deployment deployment = this.cluster.deployment(target, namespace);
		if (deployment == null) {
			return Optional.empty();
		}
		Instant observedAt = this.clock.instant();
		String name = deployment.getMetadata().getName();
		KubernetesSettings.Limits limits = this.cluster.settings.limits();
		RevisionHistory history = RevisionHistory.of(deployment,
				this.cluster.list("listing the replica sets of deployment " + namespace + "/" + name,
						() -> this.cluster.client.apps()
							.replicaSets()
							.inNamespace(namespace)
							.withLabelSelector(deployment.getSpec().getSelector())
							.list(this.cluster.scan())));
		List<Pod> pods = pods(deployment, history);
		List<Job> jobs = jobs(target, namespace);
		List<DeploymentSnapshot.Event> events = events(deployment, history, pods, jobs);

		Revision current = history.current();
		Instant since = (current != null && current.createdAt() != null) ? current.createdAt()
				: KubeTimes.parse(deployment.getMetadata().getCreationTimestamp());
		return Optional.of(new DeploymentSnapshot(name, namespace, observedAt, Rollouts.of(deployment, since), current,
				history.previous(),
				pods.stream().limit(limits.pods()).map((pod) -> PodStates.of(pod, history.revisionOf(pod))).toList(),
				events, jobs.stream().limit(limits.jobs()).map(JobStates::of).toList()));
	}

	/** The pods of the deployment's revisions, newest first. */
	private List<Pod> pods(Deployment deployment, RevisionHistory history) {
		String namespace = deployment.getMetadata().getNamespace();
		List<Pod> pods = new ArrayList<>(this.cluster.list(
				"listing the pods of deployment " + namespace + "/" + deployment.getMetadata().getName(),
				() -> this.cluster.client.pods()
					.inNamespace(namespace)
					.withLabelSelector(deployment.getSpec().getSelector())
					.list(this.cluster.scan())));
		// A pod the selector matches but no revision owns is someone else's.
		pods.removeIf((pod) -> history.revisionOf(pod) == 0);
		pods.sort(Comparator
			.comparing((Pod pod) -> KubeTimes.parse(pod.getMetadata().getCreationTimestamp()),
					Comparator.nullsLast(Comparator.reverseOrder()))
			.thenComparing((Pod pod) -> pod.getMetadata().getName()));
		return pods;
	}

	/** The service's jobs, newest first. */
	private List<Job> jobs(ServiceTarget target, String namespace) {
		String selector = target.annotation(ServiceTarget.KUBERNETES_LABEL_SELECTOR, null);
		List<Job> jobs = new ArrayList<>(this.cluster.list("listing the jobs of namespace " + namespace,
				() -> (selector != null)
						? this.cluster.client.batch()
							.v1()
							.jobs()
							.inNamespace(namespace)
							.withLabelSelector(selector)
							.list(this.cluster.scan())
						: this.cluster.client.batch().v1().jobs().inNamespace(namespace).list(this.cluster.scan())));
		if (selector == null) {
			jobs.removeIf((job) -> !JobStates.belongsTo(job, target.kubernetesId()));
		}
		jobs.sort(Comparator.comparing(JobStates::started, Comparator.nullsLast(Comparator.reverseOrder()))
			.thenComparing((Job job) -> job.getMetadata().getName()));
		return jobs;
	}

	private List<DeploymentSnapshot.Event> events(Deployment deployment, RevisionHistory history, List<Pod> pods,
			List<Job> jobs) {
		String namespace = deployment.getMetadata().getNamespace();
		EventSelection selection = new EventSelection();
		selection.add("Deployment", deployment.getMetadata().getName());
		history.replicaSets().forEach((replicaSet) -> selection.add("ReplicaSet", replicaSet.getMetadata().getName()));
		pods.forEach((pod) -> selection.add("Pod", pod.getMetadata().getName()));
		jobs.forEach((job) -> selection.addJob(job.getMetadata().getName()));
		return selection.select(
				this.cluster.list("listing the events of namespace " + namespace,
						() -> this.cluster.client.v1().events().inNamespace(namespace).list(this.cluster.scan())),
				this.cluster.settings.limits().events());
	}

}
