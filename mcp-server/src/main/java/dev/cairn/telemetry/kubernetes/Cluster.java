package dev.cairn.telemetry.kubernetes;

import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import dev.cairn.telemetry.ServiceTarget;

/**
 * One cluster as the readers here use it: the client, the settings, bounded list calls,
 * and failures already translated. A 404 reads as absent (a missing Deployment, or a
 * namespace that does not exist).
 */
final class Cluster {

	final KubernetesClient client;

	final KubernetesSettings settings;

	final KubernetesFailures failures;

	Cluster(KubernetesClient client, KubernetesSettings settings, KubernetesFailures failures) {
		this.client = client;
		this.settings = settings;
		this.failures = failures;
	}

	/** The service's namespace: the catalog's annotation, else the settings' default. */
	String namespace(ServiceTarget target) {
		return target.annotation(ServiceTarget.KUBERNETES_NAMESPACE, this.settings.defaultNamespace());
	}

	/**
	 * The service's Deployment: named by its Kubernetes id, else (when the catalog gives
	 * a label selector) the first by name that the selector matches; {@code null} when
	 * none.
	 */
	Deployment deployment(ServiceTarget target, String namespace) {
		String id = target.kubernetesId();
		Deployment deployment = get("reading deployment " + namespace + "/" + id,
				() -> this.client.apps().deployments().inNamespace(namespace).withName(id).get());
		String selector = target.annotation(ServiceTarget.KUBERNETES_LABEL_SELECTOR, null);
		if (deployment != null || selector == null) {
			return deployment;
		}
		return list("listing the deployments of namespace " + namespace + " matching " + selector,
				() -> this.client.apps().deployments().inNamespace(namespace).withLabelSelector(selector).list(scan()))
			.stream()
			.min(Comparator.comparing((Deployment candidate) -> candidate.getMetadata().getName()))
			.orElse(null);
	}

	/** A list call's options: at most {@link KubernetesSettings.Limits#scan()} items. */
	ListOptions scan() {
		return new ListOptionsBuilder().withLimit((long) this.settings.limits().scan()).build();
	}

	/**
	 * @param what what is being read, for the failure's message
	 */
	<T> T get(String what, Supplier<T> call) {
		try {
			return call.get();
		}
		catch (KubernetesClientException ex) {
			if (ex.getCode() == 404) {
				return null;
			}
			throw this.failures.of(what, ex);
		}
	}

	<T extends HasMetadata> List<T> list(String what, Supplier<? extends KubernetesResourceList<T>> call) {
		KubernetesResourceList<T> result = get(what, call);
		return (result != null && result.getItems() != null) ? result.getItems() : List.of();
	}

}
