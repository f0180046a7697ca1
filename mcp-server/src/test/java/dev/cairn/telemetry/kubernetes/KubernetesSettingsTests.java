package dev.cairn.telemetry.kubernetes;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cairn.telemetry.BackendException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The ways to reach a cluster, and what the settings default to.
 */
class KubernetesSettingsTests {

	private static final String TOKEN = "kubeconfig-token-0123456789";

	@Test
	void connectsThroughTheChosenContextOfAKubeconfig(@TempDir Path dir) throws IOException {
		try (FakeCluster cluster = new FakeCluster()) {
			Path kubeconfig = dir.resolve("config");
			Files.writeString(kubeconfig, """
					apiVersion: v1
					kind: Config
					current-context: elsewhere
					clusters:
					- name: fake
					  cluster:
					    server: %s
					- name: nowhere
					  cluster:
					    server: http://127.0.0.1:9
					users:
					- name: cairn
					  user:
					    token: %s
					contexts:
					- name: shop-prod
					  context:
					    cluster: fake
					    user: cairn
					    namespace: shop
					- name: elsewhere
					  context:
					    cluster: nowhere
					    user: cairn
					""".formatted(cluster.url(), TOKEN));
			cluster.add(Shop.deployment(1, "1.8.0", 1, Shop.deploymentStatus(1, 1, 1, 1)));

			try (KubernetesDeploymentStates states = new KubernetesDeploymentStates(
					KubernetesSettings.kubeconfig(kubeconfig, "shop-prod"))) {
				assertThat(states.snapshot(Shop.target())).isPresent();
				assertThat(states.backend()).isEqualTo("Kubernetes (context shop-prod)");
				assertThat(cluster.server().getLastRequest().getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
			}
			catch (InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
		}
	}

	@Test
	void aKubeconfigThatCannotBeReadIsNamed(@TempDir Path dir) {
		Path missing = dir.resolve("no-such-config");

		assertThatExceptionOfType(BackendException.class)
			.isThrownBy(() -> new KubernetesDeploymentStates(KubernetesSettings.kubeconfig(missing, "shop-prod")))
			.withMessageStartingWith("Kubernetes (context shop-prod): could not load the kubeconfig");
	}

	@Test
	void fillsInDefaults() {
		KubernetesSettings settings = KubernetesSettings.apiServer(URI.create("https://k8s.example.com:6443"), " ");

		assertThat(settings.token()).isNull();
		assertThat(settings.defaultNamespace()).isEqualTo("default");
		assertThat(settings.requestTimeout()).hasSeconds(10);
		assertThat(settings.limits()).isEqualTo(KubernetesSettings.Limits.DEFAULTS);
		assertThatIllegalArgumentException().isThrownBy(() -> new KubernetesSettings.Limits(50, 10, 50, 0, 2000, 1024))
			.withMessage("limits.scan must be at least 1, got 0");
	}

}
