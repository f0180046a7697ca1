package dev.cairn.telemetry.kubernetes;

import java.io.IOException;
import java.io.Reader;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClientException;

import dev.cairn.telemetry.BackendException;
import dev.cairn.telemetry.LogPage;
import dev.cairn.telemetry.ServiceTarget;

/**
 * Reads a container's log, for pods of the service only: the Deployment's, those labelled
 * with the service's Kubernetes id (its Jobs' pods), or those the catalog's label
 * selector matches. Names are checked before they go into a URL.
 */
final class ContainerLogs {

	private static final Pattern POD_NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");

	private static final Pattern CONTAINER_NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

	private final Cluster cluster;

	private final Clock clock;

	private final String backend;

	ContainerLogs(Cluster cluster, Clock clock, String backend) {
		this.cluster = cluster;
		this.clock = clock;
		this.backend = backend;
	}

	LogPage read(ServiceTarget target, String pod, String container, boolean previous, int maxLines) {
		if (pod == null || !POD_NAME.matcher(pod).matches()) {
			throw new IllegalArgumentException("'" + pod + "' is not a pod name");
		}
		if (container != null && !container.isBlank() && !CONTAINER_NAME.matcher(container).matches()) {
			throw new IllegalArgumentException("'" + container + "' is not a container name");
		}
		if (maxLines < 1) {
			throw new IllegalArgumentException("maxLines must be at least 1, got " + maxLines);
		}
		String namespace = this.cluster.namespace(target);
		Pod found = this.cluster.get("reading pod " + namespace + "/" + pod,
				() -> this.cluster.client.pods().inNamespace(namespace).withName(pod).get());
		if (found == null) {
			throw new IllegalArgumentException("there is no pod " + pod + " in namespace " + namespace
					+ "; pods are replaced by every rollout, take a current name from the deployment's state");
		}
		if (!belongsTo(found, target, namespace)) {
			throw new IllegalArgumentException(
					"pod " + pod + " in namespace " + namespace + " is not one of " + target.service() + "'s pods");
		}
		String chosen = containerOf(found, container);
		KubernetesSettings.Limits limits = this.cluster.settings.limits();
		int lines = Math.min(maxLines, limits.logLines());
		String what = "reading the " + (previous ? "previous instance's " : "") + "log of container " + chosen
				+ " in pod " + namespace + "/" + pod;
		ContainerLogReader reader = new ContainerLogReader(lines, limits.logBytes(), 32L * limits.logBytes());
		ContainerLogReader.Result result;
		// One line more than asked: receiving it is how we know the log was cut.
		try (Reader text = new PodLogRequest(this.cluster.client, this.cluster.settings.requestTimeout())
			.open(namespace, pod, chosen, previous, lines + 1)) {
			result = reader.read(text, pod, chosen, this.clock.instant());
		}
		catch (KubernetesClientException ex) {
			throw this.cluster.failures.of(what, ex);
		}
		catch (IOException ex) {
			throw new BackendException(this.backend, this.cluster.failures.mask(what + ": the log stream broke off ("
					+ ex.getClass().getSimpleName() + ": " + ex.getMessage() + ")"), ex);
		}
		String query = "kubectl logs --namespace " + namespace + " " + pod + " --container " + chosen
				+ " --timestamps --tail=" + lines + (previous ? " --previous" : "");
		return new LogPage(result.lines(), result.truncated(), query, this.backend);
	}

	private boolean belongsTo(Pod pod, ServiceTarget target, String namespace) {
		Map<String, String> labels = RevisionHistory.labels(pod.getMetadata());
		for (String key : JobStates.SERVICE_LABELS) {
			if (target.kubernetesId().equals(labels.get(key))) {
				return true;
			}
		}
		String selector = target.annotation(ServiceTarget.KUBERNETES_LABEL_SELECTOR, null);
		if (selector != null && LabelSelectors.matches(selector, labels)) {
			return true;
		}
		Deployment deployment = this.cluster.deployment(target, namespace);
		return deployment != null && LabelSelectors.matches(deployment.getSpec().getSelector(), labels);
	}

	/** The container asked for, or the pod's default one when none was named. */
	private static String containerOf(Pod pod, String container) {
		List<String> names = new ArrayList<>();
		if (pod.getSpec() != null) {
			for (List<Container> group : Arrays.asList(pod.getSpec().getContainers(),
					pod.getSpec().getInitContainers())) {
				if (group != null) {
					group.forEach((candidate) -> names.add(candidate.getName()));
				}
			}
		}
		if (container == null || container.isBlank()) {
			String preferred = RevisionHistory.annotations(pod.getMetadata()).get(RevisionHistory.DEFAULT_CONTAINER);
			if (preferred != null && names.contains(preferred)) {
				return preferred;
			}
			if (!names.isEmpty()) {
				return names.get(0);
			}
			throw new IllegalArgumentException("pod " + pod.getMetadata().getName() + " has no containers");
		}
		if (!names.contains(container)) {
			throw new IllegalArgumentException("pod " + pod.getMetadata().getName() + " has no container " + container
					+ "; its containers are " + String.join(", ", names));
		}
		return container;
	}

}
