package dev.cairn.telemetry.argocd;

import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Versions read from the sources Argo CD records for each sync, in the shapes Argo CD
 * writes them.
 */
class DeployedVersionTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Set<String> NAMES = Set.of("checkout-api");

	private static JsonNode json(String text) {
		return JSON.readTree(text);
	}

	@Test
	void readsTheServicesKustomizeImageAmongOthers() {
		JsonNode record = json("""
				{"source": {"repoURL": "https://github.com/acme/deploy-config.git", "path": "overlays/prod",
				  "kustomize": {"images": ["docker.io/library/redis:7.2",
				    "checkout-api=registry.acme.example:5000/team/checkout-api:2.14.1@sha256:0f3a",
				    "busybox:1.36"]}}}""");
		assertThat(DeployedVersion.ofSync(record, NAMES)).isEqualTo("2.14.1");
	}

	@Test
	void readsTheOnlyImageWhateverItsName() {
		assertThat(DeployedVersion.ofSync(json("""
				{"source": {"kustomize": {"images": ["ghcr.io/acme/storefront:9.1.0"]}}}"""), NAMES))
			.isEqualTo("9.1.0");
	}

	@Test
	void readsHelmParametersThenValues() {
		assertThat(DeployedVersion.ofSync(json("""
				{"source": {"helm": {"parameters": [{"name": "replicaCount", "value": "3"},
				  {"name": "app.image.tag", "value": "1.2.3"}]}}}"""), NAMES)).isEqualTo("1.2.3");
		assertThat(DeployedVersion.ofSync(json("""
				{"source": {"helm": {"parameters": [{"name": "app.image.tag", "value": "1.2.3"},
				  {"name": "image.tag", "value": "1.2.4"}]}}}"""), NAMES)).isEqualTo("1.2.4");
		assertThat(DeployedVersion.ofSync(json("""
				{"source": {"helm": {"valuesObject": {"image": {"repository": "ghcr.io/acme/checkout-api",
				  "tag": "sha-4f1c2ab"}}}}}"""), NAMES)).isEqualTo("sha-4f1c2ab");
	}

	@Test
	void aHelmChartsVersionIsTheVersion() {
		assertThat(DeployedVersion.ofSync(json("""
				{"source": {"repoURL": "https://charts.acme.example", "chart": "checkout-api",
				  "targetRevision": "4.0.2"}}"""), NAMES)).isEqualTo("4.0.2");
	}

	@Test
	void readsEachSourceOfAMultiSourceApplication() {
		assertThat(DeployedVersion.ofSync(json("""
				{"sources": [{"repoURL": "https://github.com/acme/values.git", "ref": "values"},
				  {"repoURL": "https://charts.acme.example", "chart": "checkout-api", "targetRevision": "4.1.0",
				   "helm": {"valueFiles": ["$values/prod.yaml"]}}]}"""), NAMES)).isEqualTo("4.1.0");
	}

	@Test
	void plainManifestsNameNoVersion() {
		assertThat(DeployedVersion.ofSync(json("""
				{"source": {"repoURL": "https://github.com/acme/deploy-config.git", "path": "apps/checkout",
				  "targetRevision": "main"}}"""), NAMES)).isNull();
		assertThat(DeployedVersion.ofImages(json("""
				["docker.io/istio/proxyv2:1.22.3", "ghcr.io/acme/other:1.0"]"""), NAMES)).isNull();
		assertThat(DeployedVersion.ofImages(json("[\"ghcr.io/acme/checkout-api@sha256:0f3a\"]"), NAMES)).isNull();
	}

}
