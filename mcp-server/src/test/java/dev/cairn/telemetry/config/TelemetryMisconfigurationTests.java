package dev.cairn.telemetry.config;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.cairn.telemetry.NamedMetric;
import dev.cairn.telemetry.prometheus.PrometheusSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each mistake in {@code cairn.telemetry.*} stops the start with a message that names the
 * property holding it.
 */
class TelemetryMisconfigurationTests {

	private static final String PRODUCTION = "cairn.telemetry.environments.production.";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(TelemetryConfiguration.class)
		.withPropertyValues("cairn.telemetry.source=backends");

	@Test
	void backendsWithoutAnyEnvironmentFail() {
		assertFailure(new String[0], "cairn.telemetry.environments: cairn.telemetry.source=backends needs at least "
				+ "one environment, for example cairn.telemetry.environments.production.prometheus.url=");
	}

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource(delimiter = '|',
			textBlock = """
							prometheus.url | prometheus:9090 | prometheus.url: must be an http(s) URL such as http://prometheus:9090, not prometheus:9090
							prometheus.url | http://prom etheus:9090 | prometheus.url: is not a URL (Illegal character in authority at index 7)
							prometheus.url | http://prometheus:9090/?x=1 | prometheus.url: must be a base URL without a query or fragment
							prometheus.queries.errors | sum(up) | prometheus.queries.errors: there is no metric named errors; the metrics are error_rate, latency_p99, request_rate, cpu, memory, restarts
							prometheus.queries.error_rate | sum(rate(x{namespace=$namespace}[5m])) | prometheus.queries.error_rate: placeholder $namespace must stand inside a double-quoted string
							prometheus.queries.cpu | sum(x{pod="$pod"}) | prometheus.queries.cpu: unknown placeholder $pod
							prometheus.timeout | 0s | prometheus.timeout: must be positive, such as 10s, not PT0S
							loki.url | ftp://loki:3100 | loki.url: must be an http(s) URL such as http://loki:3100
					loki.url | cairn:s3cret@loki:3100 | loki.url: must be an http(s) URL such as http://loki:3100, not ****@loki:3100
							loki.selector.app-name | $workload | loki.selector.app-name: "app-name" is not a Loki label name
							loki.selector.app | $pod | loki.selector.app: unknown placeholder $pod
							loki.level-label | detected-level | loki.level-label: "detected-level" is not a Loki label name
							argocd.url | argocd.example.com | argocd.url: must be an http(s) URL such as https://argocd.example.com
							argocd.app-name-template | {name}-prod | argocd.app-name-template: unknown placeholder {name}; use {service}, {environment} or {app}
							kubernetes.api-server | //k8s:6443 | kubernetes.api-server: must be an http(s) URL
							kubernetes.token | abc | kubernetes.token: is sent only to api-server, which is not set
							kubernetes.kubeconfig | /nonexistent/kubeconfig | kubernetes.kubeconfig: no readable file at /nonexistent/kubeconfig
							kubernetes.trust-certs | true | kubernetes.trust-certs: is used only with api-server
							""")
	void aBadValueNamesItsProperty(String property, String value, String expected) {
		String base = property.startsWith("prometheus") ? "prometheus.url=http://prometheus:9090"
				: property.startsWith("loki") ? "loki.url=http://loki:3100" : property.startsWith("argocd")
						? "argocd.url=https://argocd.example.com" : "kubernetes.namespace=shop";
		assertFailure(new String[] { PRODUCTION + base, PRODUCTION + property + "=" + value },
				"cairn.telemetry.environments.production." + expected);
	}

	@Test
	void aTokenAndBasicCredentialsTogetherFail() {
		assertFailure(
				new String[] { PRODUCTION + "loki.url=http://loki:3100", PRODUCTION + "loki.token=t0123456789",
						PRODUCTION + "loki.username=cairn" },
				PRODUCTION + "loki.token: set either token or username and password, not both");
		assertFailure(
				new String[] { PRODUCTION + "prometheus.url=http://p:9090", PRODUCTION + "prometheus.password=x" },
				PRODUCTION + "prometheus.password: is set without " + PRODUCTION + "prometheus.username");
	}

	@Test
	void aSectionWithoutItsUrlNamesTheUrl() {
		assertFailure(new String[] { PRODUCTION + "prometheus.timeout=5s" },
				PRODUCTION + "prometheus.url: is required; for example http://prometheus:9090");
	}

	@Test
	void aMisspeltPropertyIsNamedRatherThanIgnored() {
		assertFailure(new String[] { PRODUCTION + "promethus.url=http://prometheus:9090" },
				PRODUCTION + "promethus.url: is not a telemetry property; an environment has kubernetes, prometheus, "
						+ "loki and argocd sections");
		assertFailure(new String[] { PRODUCTION + "prometheus.url=http://p:9090", PRODUCTION + "prometheus.uri=x" },
				PRODUCTION + "prometheus.uri: is not a telemetry property");
		assertFailure(new String[] { PRODUCTION + "prometheus.url=http://p:9090", "cairn.telemetry.github.tokn=x" },
				"cairn.telemetry.github.tokn: is not a property of cairn.telemetry.github");
	}

	@Test
	void anApiServerWithAKubeconfigFails() {
		assertFailure(new String[] { PRODUCTION + "kubernetes.api-server=https://k8s:6443",
				PRODUCTION + "kubernetes.context=prod" }, PRODUCTION + "kubernetes.context: names a context");
	}

	@Test
	void aGitHubApiUrlIsChecked() {
		assertFailure(
				new String[] { PRODUCTION + "prometheus.url=http://p:9090",
						"cairn.telemetry.github.api-url=github.example.com" },
				"cairn.telemetry.github.api-url: must be an http(s) URL");
	}

	@Test
	void everyProblemIsReportedAtOnce() {
		assertFailure(
				new String[] { PRODUCTION + "prometheus.url=nope",
						"cairn.telemetry.environments.staging.loki.url=nope" },
				"2 problems in the telemetry configuration: " + PRODUCTION + "prometheus.url: must be an http(s) URL",
				"; cairn.telemetry.environments.staging.loki.url: must be an http(s) URL");
	}

	@Test
	void aQueryTemplateReplacesTheDefaultForItsMetricOnly() {
		Problems problems = new Problems();
		PrometheusSettings settings = BackendSettings.prometheus("p",
				new TelemetryProperties.Prometheus("http://prometheus:9090", null, null, null, null, null,
						Map.of("latency-p99", "max(latency{namespace=\"$namespace\"})")),
				"shop", problems);
		assertThat(problems.isEmpty()).isTrue();
		assertThat(settings.queries().get(NamedMetric.LATENCY_P99)).isEqualTo("max(latency{namespace=\"$namespace\"})");
		assertThat(settings.queries().get(NamedMetric.ERROR_RATE))
			.isEqualTo(PrometheusSettings.DEFAULT_QUERIES.get(NamedMetric.ERROR_RATE));
		assertThat(settings.defaultNamespace()).isEqualTo("shop");
	}

	private void assertFailure(String[] properties, String... expected) {
		this.runner.withPropertyValues(properties).run((context) -> {
			assertThat(context).hasFailed();
			String message = TelemetryConfigurationTests.rootMessage(context.getStartupFailure());
			for (String part : expected) {
				assertThat(message).contains(part);
			}
		});
	}

}
