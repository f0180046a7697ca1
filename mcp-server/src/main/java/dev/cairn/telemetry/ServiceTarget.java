package dev.cairn.telemetry;

import java.util.Map;
import java.util.Objects;

/**
 * The service and environment a question is about, with the catalog annotations that tell
 * adapters where the service lives in their backend ({@code backstage.io/kubernetes-id},
 * {@code backstage.io/kubernetes-namespace}, {@code argocd/app-name},
 * {@code github.com/project-slug}, ...).
 *
 * @param service the component's name in the catalog, for example {@code checkout-api}
 * @param environment the environment, for example {@code production}
 * @param annotations the component's annotations; empty when it has none
 */
public record ServiceTarget(String service, String environment, Map<String, String> annotations) {

	public static final String KUBERNETES_ID = "backstage.io/kubernetes-id";

	public static final String KUBERNETES_NAMESPACE = "backstage.io/kubernetes-namespace";

	public static final String KUBERNETES_LABEL_SELECTOR = "backstage.io/kubernetes-label-selector";

	public static final String ARGOCD_APP_NAME = "argocd/app-name";

	public static final String GITHUB_PROJECT_SLUG = "github.com/project-slug";

	public ServiceTarget {
		Objects.requireNonNull(service, "service");
		Objects.requireNonNull(environment, "environment");
		annotations = (annotations != null) ? Map.copyOf(annotations) : Map.of();
	}

	public ServiceTarget(String service, String environment) {
		this(service, environment, Map.of());
	}

	/** The annotation's value, or the fallback when the component does not carry it. */
	public String annotation(String key, String fallback) {
		String value = this.annotations.get(key);
		return (value != null && !value.isBlank()) ? value.trim() : fallback;
	}

	/**
	 * The name workloads carry in Kubernetes: the kubernetes-id annotation, else the
	 * service name.
	 */
	public String kubernetesId() {
		return annotation(KUBERNETES_ID, this.service);
	}

	@Override
	public String toString() {
		return this.service + " in " + this.environment;
	}

}
