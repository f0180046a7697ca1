package dev.cairn.telemetry.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.cairn.telemetry.EnvironmentBackends;
import dev.cairn.telemetry.TelemetryBackends;
import dev.cairn.telemetry.argocd.ArgoCdDelivery;
import dev.cairn.telemetry.github.GitHubActionsBuilds;
import dev.cairn.telemetry.kubernetes.KubernetesDeploymentStates;
import dev.cairn.telemetry.loki.LokiLogs;
import dev.cairn.telemetry.prometheus.PrometheusMetrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@code cairn.telemetry.source=backends}: a full configuration builds every adapter per
 * environment, and the secrets in it show nowhere.
 */
@ExtendWith(OutputCaptureExtension.class)
class TelemetryConfigurationTests {

	static final String TOKEN = "k8s-token-0123456789abcdef";

	static final String PASSWORD = "loki-password-0123456789";

	static final String ARGO_TOKEN = "argo-token-0123456789abcdef";

	static final String GITHUB_TOKEN = "gh-token-0123456789abcdef";

	static final String PROMETHEUS_TOKEN = "prom-token-0123456789abcdef";

	final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(TelemetryConfiguration.class);

	static String[] fullConfiguration() {
		String p = "cairn.telemetry.environments.production.";
		String s = "cairn.telemetry.environments.staging.";
		return new String[] { "cairn.telemetry.source=backends",
				p + "kubernetes.api-server=https://k8s.example.com:6443", p + "kubernetes.token=" + TOKEN,
				p + "kubernetes.namespace=shop", p + "kubernetes.timeout=5s",
				p + "prometheus.url=http://prometheus:9090", p + "prometheus.token=" + PROMETHEUS_TOKEN,
				p + "prometheus.queries.error_rate=sum(rate(errors_total{namespace=\"$namespace\"}[5m]))",
				p + "loki.url=http://loki:3100", p + "loki.username=cairn", p + "loki.password=" + PASSWORD,
				p + "loki.tenant=acme", p + "loki.selector.namespace=$namespace", p + "loki.selector.app=$workload",
				p + "loki.level-label=detected_level", p + "argocd.url=https://argocd.example.com",
				p + "argocd.token=" + ARGO_TOKEN, p + "argocd.app-name-template={service}-prod",
				p + "argocd.project=shop", s + "prometheus.url=http://prometheus.staging:9090",
				"cairn.telemetry.github.token=" + GITHUB_TOKEN, "cairn.telemetry.github.timeout=20s" };
	}

	@Test
	void aFullConfigurationBuildsTheConfiguredAdaptersOfEachEnvironmentInOrder(CapturedOutput output) {
		this.runner.withPropertyValues(fullConfiguration()).run((context) -> {
			assertThat(context).hasNotFailed();
			TelemetryBackends backends = context.getBean(TelemetryBackends.class);
			assertThat(backends.environments()).containsExactly("production", "staging");
			EnvironmentBackends production = backends.forEnvironment("production");
			assertThat(production.deployments()).isInstanceOf(KubernetesDeploymentStates.class);
			assertThat(production.metrics()).isInstanceOf(PrometheusMetrics.class);
			assertThat(production.logs()).isInstanceOf(LokiLogs.class);
			assertThat(production.delivery()).isInstanceOf(ArgoCdDelivery.class);
			assertThat(production.builds()).isInstanceOf(GitHubActionsBuilds.class);
			EnvironmentBackends staging = backends.forEnvironment("staging");
			assertThat(staging.deployments()).isNull();
			assertThat(staging.logs()).isNull();
			assertThat(staging.delivery()).isNull();
			assertThat(staging.metrics()).isInstanceOf(PrometheusMetrics.class);
			assertThat(staging.builds()).isSameAs(production.builds());
			assertThat(backends.toString())
				.contains("production: deployments Kubernetes (https://k8s.example.com:6443)")
				.contains("metrics Prometheus (http://prometheus:9090)")
				.contains("logs Loki (http://loki:3100)")
				.contains("delivery Argo CD (https://argocd.example.com)")
				.contains("staging: metrics Prometheus (http://prometheus.staging:9090)");
		});
		assertThat(output).contains("Telemetry from the configured backends:");
		assertNoSecretIn(output.toString());
	}

	@Test
	void anUnknownEnvironmentIsAnErrorNamingTheConfiguredOnes() {
		this.runner.withPropertyValues(fullConfiguration()).run((context) -> {
			TelemetryBackends backends = context.getBean(TelemetryBackends.class);
			assertThatIllegalArgumentException().isThrownBy(() -> backends.forEnvironment("qa"))
				.withMessage("no telemetry backends are configured for environment 'qa'; "
						+ "the configured environments are production, staging");
		});
	}

	@Test
	void theSandboxIsTheDefaultAndThenNothingHereIsBuilt() {
		this.runner.withPropertyValues("cairn.telemetry.environments.production.prometheus.url=http://p:9090")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(TelemetryBackends.class));
	}

	@Test
	void secretsNeverShowInThePropertiesText() {
		this.runner.withPropertyValues(fullConfiguration()).run((context) -> {
			String text = context.getBean(TelemetryProperties.class).toString();
			assertThat(text).contains("token=(set)")
				.contains("password=(set)")
				.contains("https://k8s.example.com:6443");
			assertNoSecretIn(text);
		});
	}

	@Test
	void aFailedStartQuotesNoSecret(CapturedOutput output) {
		List<String> properties = new ArrayList<>(List.of(fullConfiguration()));
		properties.add("cairn.telemetry.environments.production.loki.url=http://cairn:" + PASSWORD + "@loki:3100");
		this.runner.withPropertyValues(properties.toArray(String[]::new)).run((context) -> {
			assertThat(context).hasFailed();
			String message = context.getStartupFailure().getMessage() + rootMessage(context.getStartupFailure());
			assertThat(message)
				.contains("cairn.telemetry.environments.production.loki.url: must not carry credentials");
			assertNoSecretIn(message);
		});
		assertNoSecretIn(output.toString());
	}

	@Test
	void aKubeconfigFileAndContextConnectLikeKubectl(@TempDir Path folder) throws IOException {
		Path kubeconfig = folder.resolve("config");
		Files.writeString(kubeconfig, """
				apiVersion: v1
				kind: Config
				clusters:
				- name: prod
				  cluster:
				    server: https://prod.k8s.example.com:6443
				users:
				- name: cairn
				  user:
				    token: %s
				contexts:
				- name: prod
				  context:
				    cluster: prod
				    user: cairn
				current-context: prod
				""".formatted(TOKEN));
		this.runner
			.withPropertyValues("cairn.telemetry.source=backends",
					"cairn.telemetry.environments.production.kubernetes.kubeconfig=" + kubeconfig,
					"cairn.telemetry.environments.production.kubernetes.context=prod")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				EnvironmentBackends production = context.getBean(TelemetryBackends.class).forEnvironment("production");
				assertThat(((KubernetesDeploymentStates) production.deployments()).backend())
					.isEqualTo("Kubernetes (context prod)");
				assertThat(production.metrics()).isNull();
				assertThat(context.getBean(TelemetryBackends.class).toString()).doesNotContain(TOKEN);
			});
	}

	@Test
	void closingReleasesEveryResourceEvenWhenOneFails() {
		List<String> closed = new ArrayList<>();
		AutoCloseable first = () -> closed.add("first");
		AutoCloseable failing = () -> {
			closed.add("failing");
			throw new IOException("boom");
		};
		AutoCloseable last = () -> closed.add("last");
		new ConfiguredBackends(java.util.Map.of(), java.util.Map.of(), List.of(first, failing, last)).close();
		assertThat(closed).containsExactly("last", "failing", "first");
	}

	static void assertNoSecretIn(String text) {
		assertThat(text).doesNotContain(TOKEN)
			.doesNotContain(PASSWORD)
			.doesNotContain(ARGO_TOKEN)
			.doesNotContain(GITHUB_TOKEN)
			.doesNotContain(PROMETHEUS_TOKEN);
	}

	static String rootMessage(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		return String.valueOf(root.getMessage());
	}

}
