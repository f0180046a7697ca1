package dev.cairn.telemetry.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;

import dev.cairn.telemetry.EnvironmentBackends;
import dev.cairn.telemetry.TelemetryBackends;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code application.yaml} of the README's "Real backends" builds what it says, with
 * the files it names replaced by ones that exist here.
 */
class TelemetryReadmeExampleTests {

	@Test
	void theReadmeExampleBuildsEveryBackendItConfigures(@TempDir Path folder) throws IOException {
		List<PropertySource<?>> example = new YamlPropertySourceLoader().load("README example",
				new ByteArrayResource(readmeYaml().getBytes(StandardCharsets.UTF_8)));
		Path kubeconfig = folder.resolve("config");
		Files.writeString(kubeconfig, """
				apiVersion: v1
				kind: Config
				clusters:
				- name: staging
				  cluster:
				    server: https://staging.k8s.example.com:6443
				users:
				- name: cairn
				  user:
				    token: staging-token
				contexts:
				- name: staging
				  context:
				    cluster: staging
				    user: cairn
				current-context: staging
				""");
		new ApplicationContextRunner().withUserConfiguration(TelemetryConfiguration.class)
			.withInitializer((context) -> example.forEach(context.getEnvironment().getPropertySources()::addLast))
			.withPropertyValues("CAIRN_K8S_PRODUCTION_TOKEN=k8s-0123456789", "CAIRN_PROMETHEUS_TOKEN=prom-0123456789",
					"CAIRN_LOKI_PASSWORD=loki-0123456789", "CAIRN_ARGOCD_TOKEN=argo-0123456789",
					"CAIRN_GITHUB_TOKEN=gh-0123456789",
					// The CA file and the kubeconfig the example names are not on this
					// machine.
					"cairn.telemetry.environments.production.kubernetes.ca-file=",
					"cairn.telemetry.environments.staging.kubernetes.kubeconfig=" + kubeconfig)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				TelemetryBackends backends = context.getBean(TelemetryBackends.class);
				assertThat(backends.environments()).containsExactly("production", "staging");
				EnvironmentBackends production = backends.forEnvironment("production");
				assertThat(production.deploymentStates()).isPresent();
				assertThat(production.metricStore()).isPresent();
				assertThat(production.logStore()).isPresent();
				assertThat(production.deliverySystem()).isPresent();
				assertThat(production.ciSystem()).isPresent();
				EnvironmentBackends staging = backends.forEnvironment("staging");
				assertThat(staging.deploymentStates()).isPresent();
				assertThat(staging.metricStore()).isPresent();
				assertThat(staging.logStore()).isEmpty();
				assertThat(staging.deliverySystem()).isEmpty();
			});
	}

	/** The first {@code yaml} block after the "Real backends" heading. */
	static String readmeYaml() throws IOException {
		String readme = Files.readString(Path.of("../README.md"));
		int section = readme.indexOf("## Real backends");
		assertThat(section).as("the README's Real backends section").isNotNegative();
		int start = readme.indexOf("```yaml\n", section) + "```yaml\n".length();
		return readme.substring(start, readme.indexOf("```", start));
	}

}
