package dev.cairn.telemetry.prometheus;

import java.net.URI;
import java.util.Map;

import dev.cairn.telemetry.NamedMetric;
import dev.cairn.telemetry.ServiceTarget;
import dev.cairn.telemetry.http.BackendText;
import dev.cairn.telemetry.http.HttpAuth;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * PromQL templates: where placeholders may stand, how values are escaped, and the
 * defaults every named metric starts from.
 */
class PrometheusTemplatesTests {

	private static final ServiceTarget CHECKOUT = new ServiceTarget("checkout", "production",
			Map.of(ServiceTarget.KUBERNETES_ID, "checkout-api", ServiceTarget.KUBERNETES_NAMESPACE, "shop"));

	@Test
	void rendersTheServicesNamespaceAndWorkload() {
		PromQlTemplate template = PromQlTemplate
			.parse("up{namespace=\"$namespace\", pod=~\"$workload_regex-.*\", job=\"$workload\", "
					+ "service=\"$service\", env=\"$environment\"}");
		assertThat(template.render(CHECKOUT, "default")).isEqualTo("up{namespace=\"shop\", pod=~\"checkout-api-.*\", "
				+ "job=\"checkout-api\", service=\"checkout\", env=\"production\"}");
	}

	@Test
	void fallsBackToTheDefaultNamespaceAndTheServiceName() {
		PromQlTemplate template = PromQlTemplate.parse("up{namespace=\"$namespace\", job=\"$workload\"}");
		assertThat(template.render(new ServiceTarget("billing", "staging"), "apps"))
			.isEqualTo("up{namespace=\"apps\", job=\"billing\"}");
	}

	@Test
	void escapesValuesForPromQlStrings() {
		assertThat(BackendText.goStringContent("a\"b\\c\nd\te\u0001")).isEqualTo("a\\\"b\\\\c\\nd\\te\\x01");
		assertThat(BackendText.goStringContent("grüße-✓")).isEqualTo("grüße-✓");
	}

	@Test
	void escapesRegularExpressionMetacharacters() {
		assertThat(PromQlTemplate.escapeRegex("api.v2+(beta)|x*[0]{1}^$?\\"))
			.isEqualTo("api\\.v2\\+\\(beta\\)\\|x\\*\\[0\\]\\{1\\}\\^\\$\\?\\\\");
		// the regex escapes are escaped again for the string literal around them
		PromQlTemplate template = PromQlTemplate.parse("up{pod=~\"$workload_regex\"}");
		ServiceTarget dotted = new ServiceTarget("a.b", "prod");
		assertThat(template.render(dotted, "default")).isEqualTo("up{pod=~\"a\\\\.b\"}");
	}

	@Test
	void aPlaceholderOutsideADoubleQuotedStringIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> PromQlTemplate.parse("up{namespace=$namespace}"))
			.withMessageContaining("$namespace must stand inside a double-quoted string");
		assertThatIllegalArgumentException().isThrownBy(() -> PromQlTemplate.parse("up{namespace='$namespace'}"))
			.withMessageContaining("double-quoted");
		assertThatIllegalArgumentException().isThrownBy(() -> PromQlTemplate.parse("up{namespace=`$namespace`}"))
			.withMessageContaining("double-quoted");
		// an escaped quote does not end the string
		assertThatIllegalArgumentException().isThrownBy(() -> PromQlTemplate.parse("up{a=\"\\\"\"} $namespace"))
			.withMessageContaining("double-quoted");
	}

	@Test
	void anEscapedQuoteKeepsThePlaceholderInsideItsString() {
		PromQlTemplate template = PromQlTemplate.parse("up{a=\"x\\\"$workload\"}");
		assertThat(template.render(CHECKOUT, "default")).isEqualTo("up{a=\"x\\\"checkout-api\"}");
	}

	@Test
	void anUnknownPlaceholderIsRefusedWithTheKnownOnes() {
		assertThatIllegalArgumentException().isThrownBy(() -> PromQlTemplate.parse("up{a=\"$namespce\"}"))
			.withMessageContaining("unknown placeholder $namespce")
			.withMessageContaining("$workload_regex");
	}

	@Test
	void commentsAndRegexAnchorsAreLeftAlone() {
		PromQlTemplate template = PromQlTemplate.parse("up{a=~\"x$\"} # not $namespace\n");
		assertThat(template.render(CHECKOUT, "default")).isEqualTo("up{a=~\"x$\"} # not $namespace\n");
	}

	@Test
	void everyDefaultTemplateParsesAndNamesTheService() {
		PrometheusSettings settings = PrometheusSettings.of(URI.create("http://prometheus:9090"));
		assertThat(settings.queries()).containsOnlyKeys(NamedMetric.values());
		settings.queries()
			.forEach((metric, template) -> assertThat(PromQlTemplate.parse(template).render(CHECKOUT, "default"))
				.as(metric.wireName())
				.contains("namespace=\"shop\"", "pod=~\"checkout-api-[a-z0-9]+(-[a-z0-9]+)?\"")
				.doesNotContain("$"));
	}

	@Test
	void aConfiguredTemplateReplacesOnlyItsMetric() {
		PrometheusSettings settings = PrometheusSettings.of(URI.create("http://prometheus:9090"))
			.withQuery(NamedMetric.CPU, "sum(rate(process_cpu_seconds_total{job=\"$workload\"}[5m]))");
		assertThat(settings.queries().get(NamedMetric.CPU))
			.isEqualTo("sum(rate(process_cpu_seconds_total{job=\"$workload\"}[5m]))");
		assertThat(settings.queries().get(NamedMetric.MEMORY))
			.isEqualTo(PrometheusSettings.DEFAULT_QUERIES.get(NamedMetric.MEMORY));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> settings.withQuery(NamedMetric.CPU, "rate(x{job=$workload}[5m])"))
			.withMessageContaining("double-quoted");
	}

	@Test
	void settingsShowNoSecret() {
		PrometheusSettings settings = PrometheusSettings.of(URI.create("http://admin:hunter2@prometheus:9090/prom"))
			.withAuth(HttpAuth.bearer("tok-123"));
		assertThat(settings.toString()).contains("http://prometheus:9090/prom", "bearer ****")
			.doesNotContain("hunter2")
			.doesNotContain("tok-123");
	}

}
