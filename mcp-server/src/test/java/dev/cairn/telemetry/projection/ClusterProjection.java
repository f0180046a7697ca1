package dev.cairn.telemetry.projection;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;

import dev.cairn.telemetry.BackendException;
import dev.cairn.telemetry.DeploymentSnapshot;
import dev.cairn.telemetry.DeploymentSnapshot.Container;
import dev.cairn.telemetry.DeploymentSnapshot.Revision;
import dev.cairn.telemetry.DeploymentStates;
import dev.cairn.telemetry.ServiceTarget;
import dev.cairn.telemetry.kubernetes.FakeCluster;
import dev.cairn.telemetry.kubernetes.KubernetesDeploymentStates;

/**
 * A fabric8 mock API server (CRUD mode) holding, for each service the source has
 * deployed, the objects a cluster would hold in that state: the Deployment, a ReplicaSet
 * per revision (current, previous, and older ones pods still run), the Pods, Events and
 * Jobs; and every container's log, current and previous instance, served as the kubelet
 * serves them.
 *
 * <p>
 * What the real adapter cannot read back the same way, by design of the API: times are
 * kept to the second; a pod of a revision newer than the previous one but not the current
 * one has no ReplicaSet here and is dropped; events about objects that are not the
 * service's are not selected.
 */
public final class ClusterProjection implements AutoCloseable {

	/** As many lines of each container log as the kubelet is asked for at most. */
	static final int LOG_LINES = 2000;

	private final FakeCluster cluster = new FakeCluster();

	private final KubeletLogs logs = new KubeletLogs();

	private final List<String> notes = new ArrayList<>();

	private KubernetesDeploymentStates states;

	private ClusterProjection() {
		this.cluster.route(this.logs::answer);
	}

	/**
	 * Projects what {@code source} says of each target (those not deployed are left out).
	 */
	public static ClusterProjection of(DeploymentStates source, List<ServiceTarget> targets) {
		ClusterProjection projection = new ClusterProjection();
		try {
			for (ServiceTarget target : targets) {
				DeploymentSnapshot snapshot;
				try {
					snapshot = source.snapshot(target).orElse(null);
				}
				catch (BackendException ex) {
					projection.notes.add("no snapshot of " + target + ": " + ex.getMessage());
					continue;
				}
				if (snapshot != null) {
					projection.add(source, target, snapshot);
				}
			}
		}
		catch (RuntimeException ex) {
			projection.close();
			throw ex;
		}
		return projection;
	}

	private void add(DeploymentStates source, ServiceTarget target, DeploymentSnapshot snapshot) {
		String namespace = (snapshot.namespace() != null) ? snapshot.namespace()
				: target.annotation(ServiceTarget.KUBERNETES_NAMESPACE, "default");
		Deployment deployment = this.cluster.add(Workloads.deployment(snapshot, namespace));
		Map<Integer, ReplicaSet> replicaSets = new HashMap<>();
		for (Revision revision : revisions(snapshot)) {
			replicaSets.put(revision.number(),
					this.cluster.add(Workloads.replicaSet(snapshot, deployment, revision, namespace)));
		}
		for (DeploymentSnapshot.Pod pod : snapshot.pods()) {
			ReplicaSet owner = replicaSets.get(pod.revision());
			if (owner == null) {
				this.notes.add("pod " + pod.name() + " of revision " + pod.revision() + " has no ReplicaSet here");
			}
			Map<String, String> labels = new LinkedHashMap<>(Workloads.selector(snapshot));
			if (owner != null) {
				labels.put(ClusterObjects.TEMPLATE_HASH,
						owner.getMetadata().getLabels().get(ClusterObjects.TEMPLATE_HASH));
			}
			this.cluster.add(ClusterObjects.pod(pod, namespace, labels, owner));
			for (List<Container> group : List.of(pod.initContainers(), pod.containers())) {
				for (Container container : group) {
					for (boolean previous : new boolean[] { false, true }) {
						this.logs.keep(namespace, pod.name(), container.name(), previous,
								() -> source.containerLog(target, pod.name(), container.name(), previous, LOG_LINES));
					}
				}
			}
		}
		int index = 0;
		for (DeploymentSnapshot.Event event : snapshot.events()) {
			this.cluster.add(ClusterObjects.event(event, namespace, index++));
		}
		Instant fallback = snapshot.observedAt();
		for (DeploymentSnapshot.Job job : snapshot.jobs()) {
			this.cluster.add(ClusterObjects.job(job, namespace, target.kubernetesId(), fallback));
		}
	}

	/**
	 * Current and previous, and any older revision that pods still run (numbered below
	 * the previous one, so that it stays older in the history).
	 */
	private static List<Revision> revisions(DeploymentSnapshot snapshot) {
		List<Revision> revisions = new ArrayList<>();
		if (snapshot.current() != null) {
			revisions.add(snapshot.current());
		}
		if (snapshot.previous() != null) {
			revisions.add(snapshot.previous());
			for (DeploymentSnapshot.Pod pod : snapshot.pods()) {
				boolean older = pod.revision() > 0 && pod.revision() < snapshot.previous().number();
				if (older && revisions.stream().noneMatch((revision) -> revision.number() == pod.revision())) {
					revisions.add(new Revision(pod.revision(), null, null, null, null, null, 0));
				}
			}
		}
		return revisions;
	}

	/** The real adapter, pointed at this cluster, with the diagnosis' clock. */
	public synchronized KubernetesDeploymentStates states(Clock clock) {
		if (this.states == null) {
			this.states = this.cluster.states(clock);
		}
		return this.states;
	}

	/** What could not be projected, for a failing test's message. */
	public List<String> notes() {
		return List.copyOf(this.notes);
	}

	@Override
	public void close() {
		if (this.states != null) {
			this.states.close();
		}
		this.cluster.close();
	}

}
