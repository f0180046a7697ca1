package dev.cairn.goldenpath;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * How a service's manifests sit in the GitOps repository: the rendered
 * {@code deploy/base} and the environment's overlay, under {@code <system>/<service>/},
 * the environment's sync reading {@code <system>/<service>/overlays/<environment>}. A
 * deploy of a version other than {@code latest} pins the overlay's image tag. The run
 * engine writes exactly this.
 */
final class GitOpsLayout {

	static final String BASE = "deploy/base";

	private GitOpsLayout() {
	}

	static PlannedEffect.GitOpsDeployment deployment(Map<String, Object> inputs, RenderedTree tree, GitLocations git,
			String author) {
		String service = Planner.string(inputs, "service", null);
		String environment = Planner.string(inputs, "environment", null);
		String overlay = Planner.string(inputs, "path", "deploy/overlays/" + environment).replaceAll("/+$", "");
		String version = Planner.string(inputs, "version", "latest");
		String namespace = String.valueOf(tree.parameters().get("system"));
		String prefix = namespace + "/" + service + "/";
		TreeMap<String, RenderedFile> files = new TreeMap<>();
		tree.files().forEach((path, file) -> {
			if (path.startsWith(BASE + "/") || path.startsWith(overlay + "/")) {
				String target = prefix + path.substring("deploy/".length());
				byte[] content = file.content();
				if (path.equals(overlay + "/kustomization.yaml") && !version.equals("latest")) {
					content = file.text()
						.replace("newTag: latest", "newTag: " + quoted(version))
						.getBytes(StandardCharsets.UTF_8);
				}
				files.put(target, new RenderedFile(target, content, file.executable()));
			}
		});
		String syncPath = prefix + overlay.substring(overlay.startsWith("deploy/") ? "deploy/".length() : 0);
		String message = "Deploy " + service + " " + version + " to " + environment;
		PlannedCommit commit = CommitPlanner.adding(git.gitops(), message, author, files);
		return new PlannedEffect.GitOpsDeployment(service, environment, namespace, git.gitops(), syncPath, version,
				commit, healthChecks(tree, service, namespace, syncPath));
	}

	private static String quoted(String version) {
		return version.matches("[A-Za-z0-9._-]+") ? version : "\"" + version.replace("\"", "") + "\"";
	}

	/**
	 * The sync, the rollout, then each container's probes as the manifests declare them.
	 */
	static List<String> healthChecks(RenderedTree tree, String service, String namespace, String syncPath) {
		List<String> checks = new ArrayList<>();
		checks.add("GitOps sync of " + syncPath + " reaches the new commit");
		checks.add("Deployment " + namespace + "/" + service + " rolled out with every replica available");
		RenderedFile deployment = tree.file(BASE + "/deployment.yaml");
		if (deployment == null) {
			return checks;
		}
		Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(deployment.text());
		for (Object container : list(at(document, "spec", "template", "spec", "containers"))) {
			for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
				Object path = at(container, probe, "httpGet", "path");
				if (path != null) {
					checks.add(probe.replace("Probe", "") + " probe GET " + path + " on port "
							+ at(container, probe, "httpGet", "port") + " of container " + at(container, "name"));
				}
			}
		}
		return checks;
	}

	private static Object at(Object node, String... keys) {
		Object current = node;
		for (String key : keys) {
			if (!(current instanceof Map<?, ?> map)) {
				return null;
			}
			current = map.get(key);
		}
		return current;
	}

	private static List<?> list(Object value) {
		return (value instanceof List<?> list) ? list : List.of();
	}

}
