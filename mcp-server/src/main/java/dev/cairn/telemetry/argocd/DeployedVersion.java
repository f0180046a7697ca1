package dev.cairn.telemetry.argocd;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * The version a deploy rolled out, read from what Argo CD recorded of it. Argo CD records
 * the source of each sync (an {@code ApplicationSource}, or several), not the images it
 * ran, so the version is the first of:
 * <ol>
 * <li>the tag of the service's image among the source's Kustomize image overrides
 * ({@code kustomize.images}: {@code [<name>=]<image>[:<tag>][@<digest>]});</li>
 * <li>the Helm parameter {@code image.tag} (or one ending in {@code .image.tag}), else
 * {@code image.tag} in the source's {@code helm.valuesObject};</li>
 * <li>the chart version ({@code targetRevision}) of a source that is a Helm chart;</li>
 * </ol>
 * and, for the deploy that is running now only, the tag of the service's image in the
 * application's {@code status.summary.images}. "The service's image" is the one whose
 * last path segment is the service's Kubernetes id or name, or the only image there is.
 * Plain manifests in Git name no version anywhere Argo CD keeps it: the version is then
 * unknown ({@code null}).
 */
final class DeployedVersion {

	private DeployedVersion() {
	}

	/** The version one recorded sync rolled out, or {@code null}. */
	static String ofSync(JsonNode record, Set<String> names) {
		for (JsonNode source : sources(record)) {
			String version = ofSource(source, names);
			if (version != null) {
				return version;
			}
		}
		return null;
	}

	/** The tag of the service's image among images now running, or {@code null}. */
	static String ofImages(JsonNode images, Set<String> names) {
		List<String> references = new ArrayList<>();
		for (JsonNode image : images) {
			String reference = image.asString(null);
			if (reference != null && !reference.isBlank()) {
				references.add(reference.trim());
			}
		}
		String image = pick(references, names);
		return (image != null) ? tag(image) : null;
	}

	private static List<JsonNode> sources(JsonNode record) {
		List<JsonNode> sources = new ArrayList<>();
		if (record.path("source").isObject()) {
			sources.add(record.path("source"));
		}
		for (JsonNode source : record.path("sources")) {
			if (source.isObject()) {
				sources.add(source);
			}
		}
		return sources;
	}

	private static String ofSource(JsonNode source, Set<String> names) {
		List<String> overrides = new ArrayList<>();
		for (JsonNode image : source.path("kustomize").path("images")) {
			String override = image.asString(null);
			if (override != null && !override.isBlank()) {
				overrides.add(override.trim());
			}
		}
		String image = pick(overrides, names);
		if (image != null && tag(image) != null) {
			return tag(image);
		}
		String helmTag = helmImageTag(source.path("helm"));
		if (helmTag != null) {
			return helmTag;
		}
		String chart = source.path("chart").asString(null);
		String chartVersion = source.path("targetRevision").asString(null);
		if (chart != null && !chart.isBlank() && chartVersion != null && !chartVersion.isBlank()) {
			return chartVersion.trim();
		}
		return null;
	}

	private static String helmImageTag(JsonNode helm) {
		String suffixed = null;
		for (JsonNode parameter : helm.path("parameters")) {
			String name = parameter.path("name").asString("");
			String value = parameter.path("value").asString(null);
			if (value == null || value.isBlank()) {
				continue;
			}
			if ("image.tag".equals(name)) {
				return value.trim();
			}
			if (suffixed == null && name.endsWith(".image.tag")) {
				suffixed = value.trim();
			}
		}
		if (suffixed != null) {
			return suffixed;
		}
		String fromValues = helm.path("valuesObject").path("image").path("tag").asString(null);
		return (fromValues != null && !fromValues.isBlank()) ? fromValues.trim() : null;
	}

	/**
	 * The image of the service among references (Kustomize overrides or plain images):
	 * the one named like the service, else the only one.
	 */
	private static String pick(List<String> references, Set<String> names) {
		for (String reference : references) {
			int equals = reference.indexOf('=');
			String overridden = (equals >= 0) ? reference.substring(0, equals) : null;
			String image = (equals >= 0) ? reference.substring(equals + 1) : reference;
			if ((overridden != null && names.contains(lastSegment(overridden))) || names.contains(lastSegment(image))) {
				return image;
			}
		}
		if (references.size() == 1) {
			String only = references.get(0);
			return only.substring(only.indexOf('=') + 1);
		}
		return null;
	}

	/** The repository's last segment, without tag or digest. */
	static String lastSegment(String image) {
		String name = stripDigest(image);
		int slash = name.lastIndexOf('/');
		String last = name.substring(slash + 1);
		int colon = last.indexOf(':');
		return (colon >= 0) ? last.substring(0, colon) : last;
	}

	/** The tag of an image reference, or {@code null} when it has none. */
	static String tag(String image) {
		String name = stripDigest(image);
		int slash = name.lastIndexOf('/');
		int colon = name.indexOf(':', slash + 1);
		if (colon < 0 || colon == name.length() - 1) {
			return null;
		}
		return name.substring(colon + 1);
	}

	private static String stripDigest(String image) {
		int at = image.indexOf('@');
		return (at >= 0) ? image.substring(0, at) : image;
	}

}
