package dev.cairn.goldenpath;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rendered Kubernetes manifests are what Kubernetes accepts: each parses into
 * fabric8's model with no field left over (a misspelt or misplaced field would land in
 * {@code additionalProperties}), and the Deployment has limits, probes and a non-root,
 * read-only, capability-free security context.
 */
class SkeletonManifestTests {

	private final KubernetesSerialization serialization = new KubernetesSerialization();

	@ParameterizedTest
	@ValueSource(strings = { "spring-boot-service", "go-service", "typescript-service" })
	void theDeploymentIsHardenedAndBounded(String template) {
		RenderedTree tree = new Renderer().render(GoldenPathFixtures.template(template),
				GoldenPathFixtures.fraudScorer());
		Deployment deployment = parse(tree, "deploy/base/deployment.yaml", Deployment.class);
		assertThat(deployment.getMetadata().getName()).isEqualTo("fraud-scorer");
		assertThat(deployment.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();
		List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
		assertThat(containers).isNotEmpty().allSatisfy((container) -> {
			assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
			assertThat(container.getResources().getLimits()).containsKeys("cpu", "memory");
			assertThat(container.getReadinessProbe().getHttpGet().getPath()).isNotBlank();
			assertThat(container.getLivenessProbe().getHttpGet().getPath()).isNotBlank();
			assertThat(container.getSecurityContext().getRunAsNonRoot()).isTrue();
			assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
			assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
			assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
		});
		Service service = parse(tree, "deploy/base/service.yaml", Service.class);
		assertThat(service.getSpec().getSelector()).containsEntry("app.kubernetes.io/name", "fraud-scorer");
		for (String environment : List.of("staging", "production")) {
			String overlay = "deploy/overlays/" + environment + "/";
			Deployment patch = parse(tree, overlay + "deployment-patch.yaml", Deployment.class);
			assertThat(patch.getMetadata().getName()).isEqualTo("fraud-scorer");
			Map<String, Object> kustomization = new Yaml().load(tree.file(overlay + "kustomization.yaml").text());
			assertThat(kustomization).containsEntry("resources", List.of("../../base"));
		}
		Map<String, Object> base = new Yaml().load(tree.file("deploy/base/kustomization.yaml").text());
		for (Object resource : (List<?>) base.get("resources")) {
			assertThat(tree.paths()).contains("deploy/base/" + resource);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "spring-boot-service", "go-service", "typescript-service" })
	@SuppressWarnings("unchecked")
	void catalogInfoDashboardAndAlertsParse(String template) {
		RenderedTree tree = new Renderer().render(GoldenPathFixtures.template(template),
				GoldenPathFixtures.fraudScorer());
		Map<String, Object> entity = new Yaml().load(tree.file("catalog-info.yaml").text());
		assertThat(entity).containsEntry("kind", "Component");
		assertThat((Map<String, Object>) entity.get("spec")).containsEntry("owner", "group:default/team-risk")
			.containsEntry("system", "risk")
			.containsEntry("dependsOn", List.of("resource:default/fraud-scorer-db"));
		Map<String, Object> alerts = new Yaml().load(tree.file("observability/alerts.yaml").text());
		List<Map<String, Object>> rules = (List<Map<String, Object>>) ((Map<?, ?>) ((List<?>) alerts.get("groups"))
			.get(0)).get("rules");
		assertThat(rules).extracting((rule) -> rule.get("alert"))
			.containsExactly("FraudScorerHighErrorRate", "FraudScorerHighLatency");
		Map<?, ?> dashboard = this.serialization.unmarshal(tree.file("observability/dashboard.json").text(), Map.class);
		assertThat((List<?>) dashboard.get("panels")).hasSizeGreaterThanOrEqualTo(3);
		Map<String, Object> ci = new Yaml().load(tree.file(".github/workflows/ci.yaml").text());
		assertThat(((Map<String, Object>) ci.get("jobs")).keySet()).containsExactly("build");
	}

	@org.junit.jupiter.api.Test
	void theCheckCatchesAFieldKubernetesDoesNotKnow() {
		Deployment deployment = this.serialization.unmarshal("""
				apiVersion: apps/v1
				kind: Deployment
				metadata: {name: x}
				spec:
				  template:
				    spec:
				      containers:
				        - name: app
				          readOnlyRootFilesystem: true
				""", Deployment.class);
		List<String> leftOver = new ArrayList<>();
		collectUnknownFields(deployment, "Deployment", leftOver);
		assertThat(leftOver).containsExactly("Deployment.Spec.Template.Spec.Containers[0]: [readOnlyRootFilesystem]");
	}

	private <T> T parse(RenderedTree tree, String path, Class<T> type) {
		T object = this.serialization.unmarshal(tree.file(path).text(), type);
		List<String> leftOver = new ArrayList<>();
		collectUnknownFields(object, type.getSimpleName(), leftOver);
		assertThat(leftOver).as(path + ": fields Kubernetes does not know").isEmpty();
		return object;
	}

	/** Walks fabric8 model objects for fields that did not bind. */
	private static void collectUnknownFields(Object object, String where, List<String> out) {
		if (object == null) {
			return;
		}
		if (object instanceof List<?> list) {
			for (int i = 0; i < list.size(); i++) {
				collectUnknownFields(list.get(i), where + "[" + i + "]", out);
			}
			return;
		}
		if (object instanceof Map<?, ?> map) {
			map.forEach((key, value) -> collectUnknownFields(value, where + "." + key, out));
			return;
		}
		if (!object.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
			return;
		}
		for (Method method : object.getClass().getMethods()) {
			if (method.getParameterCount() != 0 || !method.getName().startsWith("get")
					|| method.getDeclaringClass() == Object.class) {
				continue;
			}
			try {
				Object value = method.invoke(object);
				if (method.getName().equals("getAdditionalProperties")) {
					if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
						out.add(where + ": " + extra.keySet());
					}
				}
				else {
					collectUnknownFields(value, where + "." + method.getName().substring(3), out);
				}
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException(ex);
			}
		}
	}

}
