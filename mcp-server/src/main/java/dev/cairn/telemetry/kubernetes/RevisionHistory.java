package dev.cairn.telemetry.kubernetes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;

import dev.cairn.telemetry.DeploymentSnapshot.Revision;

/**
 * A Deployment's revisions: the ReplicaSets it owns, ordered by the
 * {@code deployment.kubernetes.io/revision} annotation the deployment controller stamps
 * on them, and the pods that belong to each.
 *
 * <p>
 * What a revision says about the change it deployed is read from the ReplicaSet's pod
 * template first, then from the ReplicaSet itself (which carries the Deployment's
 * annotations of its time):
 * <ul>
 * <li>version: the main container's image tag; when the image has no tag or
 * {@code latest}, the {@code app.kubernetes.io/version} label or the
 * {@code org.opencontainers.image.version} annotation</li>
 * <li>commit: {@code cairn.dev/commit}, else
 * {@code org.opencontainers.image.revision}</li>
 * <li>author: {@code cairn.dev/author}</li>
 * </ul>
 * The main container is the one named by {@code kubectl.kubernetes.io/default-container},
 * else the one named like the workload, else the first.
 */
final class RevisionHistory {

	static final String REVISION = "deployment.kubernetes.io/revision";

	static final String POD_TEMPLATE_HASH = "pod-template-hash";

	static final String DEFAULT_CONTAINER = "kubectl.kubernetes.io/default-container";

	static final List<String> COMMIT_KEYS = List.of("cairn.dev/commit", "org.opencontainers.image.revision");

	static final List<String> AUTHOR_KEYS = List.of("cairn.dev/author");

	static final List<String> VERSION_KEYS = List.of("app.kubernetes.io/version", "org.opencontainers.image.version");

	private final List<ReplicaSet> newestFirst;

	private final Map<String, Integer> revisionByName = new HashMap<>();

	private final Map<String, Integer> revisionByHash = new HashMap<>();

	private final String workload;

	private RevisionHistory(List<ReplicaSet> newestFirst, String workload) {
		this.newestFirst = newestFirst;
		this.workload = workload;
		for (ReplicaSet replicaSet : newestFirst) {
			int number = number(replicaSet);
			this.revisionByName.put(replicaSet.getMetadata().getName(), number);
			String hash = labels(replicaSet.getMetadata()).get(POD_TEMPLATE_HASH);
			if (hash != null) {
				this.revisionByHash.putIfAbsent(hash, number);
			}
		}
	}

	/** The revisions among the replica sets: those the deployment controls. */
	static RevisionHistory of(Deployment deployment, List<ReplicaSet> replicaSets) {
		List<ReplicaSet> owned = new ArrayList<>();
		for (ReplicaSet replicaSet : replicaSets) {
			if (ownedBy(replicaSet, deployment)) {
				owned.add(replicaSet);
			}
		}
		owned.sort(Comparator.comparingInt(RevisionHistory::number)
			.reversed()
			.thenComparing((ReplicaSet replicaSet) -> replicaSet.getMetadata().getName()));
		return new RevisionHistory(List.copyOf(owned), deployment.getMetadata().getName());
	}

	List<ReplicaSet> replicaSets() {
		return this.newestFirst;
	}

	/** The newest revision, the one a rollout brings up, or {@code null}. */
	Revision current() {
		return (this.newestFirst.size() > 0) ? revision(this.newestFirst.get(0)) : null;
	}

	/** The revision before the current one, or {@code null}. */
	Revision previous() {
		return (this.newestFirst.size() > 1) ? revision(this.newestFirst.get(1)) : null;
	}

	/**
	 * The revision the pod belongs to (by its owning ReplicaSet, else its
	 * {@code pod-template-hash} label), or 0 when it belongs to none of them.
	 */
	int revisionOf(Pod pod) {
		for (OwnerReference owner : owners(pod.getMetadata())) {
			if ("ReplicaSet".equals(owner.getKind()) && this.revisionByName.containsKey(owner.getName())) {
				return this.revisionByName.get(owner.getName());
			}
		}
		String hash = labels(pod.getMetadata()).get(POD_TEMPLATE_HASH);
		return (hash != null) ? this.revisionByHash.getOrDefault(hash, 0) : 0;
	}

	private Revision revision(ReplicaSet replicaSet) {
		PodTemplateSpec template = replicaSet.getSpec().getTemplate();
		ObjectMeta templateMeta = (template != null && template.getMetadata() != null) ? template.getMetadata()
				: new ObjectMeta();
		ObjectMeta meta = replicaSet.getMetadata();
		Container main = mainContainer(template, this.workload);
		String image = (main != null) ? main.getImage() : null;
		String tag = ImageReference.tag(image);
		String version = (tag != null && !"latest".equals(tag)) ? tag : lookup(VERSION_KEYS, templateMeta, meta);
		if (version == null) {
			version = (tag != null) ? tag : ImageReference.shortDigest(image);
		}
		Integer replicas = (replicaSet.getStatus() != null) ? replicaSet.getStatus().getReplicas() : null;
		if (replicas == null) {
			replicas = replicaSet.getSpec().getReplicas();
		}
		return new Revision(number(replicaSet), version, image, lookup(COMMIT_KEYS, templateMeta, meta),
				lookup(AUTHOR_KEYS, templateMeta, meta), KubeTimes.parse(meta.getCreationTimestamp()),
				(replicas != null) ? replicas : 0);
	}

	/** The container whose image is the service's version. */
	static Container mainContainer(PodTemplateSpec template, String workload) {
		if (template == null || template.getSpec() == null || template.getSpec().getContainers() == null
				|| template.getSpec().getContainers().isEmpty()) {
			return null;
		}
		List<Container> containers = template.getSpec().getContainers();
		String preferred = (template.getMetadata() != null) ? annotations(template.getMetadata()).get(DEFAULT_CONTAINER)
				: null;
		for (String name : new String[] { preferred, workload }) {
			for (Container container : containers) {
				if (name != null && name.equals(container.getName())) {
					return container;
				}
			}
		}
		return containers.get(0);
	}

	private static String lookup(List<String> keys, ObjectMeta templateMeta, ObjectMeta meta) {
		for (ObjectMeta source : List.of(templateMeta, meta)) {
			for (String key : keys) {
				String value = annotations(source).get(key);
				if (value == null) {
					value = labels(source).get(key);
				}
				if (value != null && !value.isBlank()) {
					return value.trim();
				}
			}
		}
		return null;
	}

	static int number(ReplicaSet replicaSet) {
		String value = annotations(replicaSet.getMetadata()).get(REVISION);
		try {
			return (value != null) ? Integer.parseInt(value.trim()) : 0;
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	static boolean ownedBy(HasMetadata object, HasMetadata owner) {
		String uid = owner.getMetadata().getUid();
		for (OwnerReference reference : owners(object.getMetadata())) {
			if (!owner.getKind().equals(reference.getKind())) {
				continue;
			}
			if (uid != null && reference.getUid() != null) {
				if (uid.equals(reference.getUid())) {
					return true;
				}
			}
			else if (owner.getMetadata().getName().equals(reference.getName())) {
				return true;
			}
		}
		return false;
	}

	static List<OwnerReference> owners(ObjectMeta meta) {
		return (meta != null && meta.getOwnerReferences() != null) ? meta.getOwnerReferences() : List.of();
	}

	static Map<String, String> labels(ObjectMeta meta) {
		return (meta != null && meta.getLabels() != null) ? meta.getLabels() : Map.of();
	}

	static Map<String, String> annotations(ObjectMeta meta) {
		return (meta != null && meta.getAnnotations() != null) ? meta.getAnnotations() : Map.of();
	}

}
