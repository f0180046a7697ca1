package dev.cairn.inspection;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cairn.mcp.ToolInputException;
import dev.cairn.mcp.ToolResult;
import dev.cairn.telemetry.BackendException;
import dev.cairn.telemetry.EnvironmentBackends;
import dev.cairn.telemetry.MetricQuery;
import dev.cairn.telemetry.MetricResult;
import dev.cairn.telemetry.Metrics;
import dev.cairn.telemetry.NamedMetric;

import static dev.cairn.inspection.InspectionFixture.NOW;
import static dev.cairn.inspection.InspectionFixture.context;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MetricsQueryToolTests {

	@TempDir
	Path folder;

	final List<MetricQuery> asked = new ArrayList<>();

	MetricsQueryTool tool(Function<MetricQuery, MetricResult> answer) {
		Metrics metrics = (query) -> {
			this.asked.add(query);
			return answer.apply(query);
		};
		return new MetricsQueryTool(
				InspectionFixture.targets(this.folder,
						new EnvironmentBackends("production", null, null, metrics, null, null)),
				InspectionFixture.CLOCK);
	}

	static MetricsQueryTool.Input input(MetricsQueryTool.Metric metric, String promql, String since, String until,
			String step) {
		return new MetricsQueryTool.Input("checkout-api", "production", metric, promql, since, until, step);
	}

	static MetricResult.Series series(Map<String, String> labels, int points, double base) {
		List<MetricResult.Point> all = new ArrayList<>();
		for (int i = points - 1; i >= 0; i--) {
			all.add(new MetricResult.Point(NOW.minusSeconds(60L * i), base + (points - 1 - i) / 1000.0));
		}
		return new MetricResult.Series(labels, all);
	}

	@Test
	void aNamedMetricIsAnInstantQueryByDefault() {
		ToolResult result = tool((query) -> new MetricResult(
				List.of(new MetricResult.Series(Map.of(), List.of(new MetricResult.Point(NOW, 0.0123456)))),
				"sum(rate(errors[5m]))", "ratio", "Prometheus (production)"))
			.call(input(MetricsQueryTool.Metric.error_rate, null, null, null, null), context(null));
		MetricQuery query = this.asked.get(0);
		assertThat(query.metric()).isEqualTo(NamedMetric.ERROR_RATE);
		assertThat(query.isRange()).isFalse();
		assertThat(query.to()).isEqualTo(NOW);
		assertThat(result.text()).isEqualTo("error_rate (ratio) of checkout-api in production from Prometheus "
				+ "(production), at 2026-11-21T10:00:00Z:\nquery: sum(rate(errors[5m]))\n- {}: 0.01235 at "
				+ "2026-11-21T10:00:00Z");
		MetricsAnswer answer = (MetricsAnswer) result.structured();
		assertThat(answer.kind()).isEqualTo("instant");
		assertThat(answer.unit()).isEqualTo("ratio");
		assertThat(answer.series().get(0).last()).isEqualTo(0.0123456);
	}

	@Test
	void sinceMakesARangeQueryWithAboutSixtyPoints() {
		ToolResult result = tool((query) -> new MetricResult(List.of(series(Map.of("pod", "checkout-7-a"), 61, 0.1)),
				"q", "seconds", "Prometheus (production)"))
			.call(input(MetricsQueryTool.Metric.latency_p99, null, "PT1H", null, null), context(null));
		MetricQuery query = this.asked.get(0);
		assertThat(query.from()).isEqualTo(NOW.minus(Duration.ofHours(1)));
		assertThat(query.step()).isEqualTo(Duration.ofMinutes(1));
		assertThat(result.text()).contains(", 2026-11-21T09:00:00Z to 2026-11-21T10:00:00Z, step PT1M:")
			.contains("\n- {pod=\"checkout-7-a\"}: last 0.16, min 0.1, max 0.16 over 61 points\n  newest: "
					+ "2026-11-21T10:00:00Z 0.16, 2026-11-21T09:59:00Z 0.159,");
		assertThat(((MetricsAnswer) result.structured()).truncated()).isNull();
		tool((q) -> new MetricResult(List.of(), "q", null, "Prometheus (production)"))
			.call(input(MetricsQueryTool.Metric.cpu, null, null, "PT10M", "PT30S"), context(null));
		assertThat(this.asked.get(1).from()).isEqualTo(NOW.minus(Duration.ofMinutes(70)));
		assertThat(this.asked.get(1).step()).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void holdsSeriesAndPointsToBoundsAndSaysWhatItCut() {
		List<MetricResult.Series> many = new ArrayList<>();
		for (int i = 0; i < 25; i++) {
			many.add(series(Map.of("pod", "p" + i), 200, i));
		}
		ToolResult result = tool((query) -> new MetricResult(many, "q", null, "Prometheus (production)", true,
				List.of("the step was widened from 1s to 4s")))
			.call(input(null, "sum by (pod) (up)", "P1D", null, null), context(null));
		MetricsAnswer answer = (MetricsAnswer) result.structured();
		assertThat(answer.seriesCount()).isEqualTo(25);
		assertThat(answer.series()).hasSize(20).allSatisfy((s) -> assertThat(s.points()).hasSize(120));
		assertThat(answer.series().get(0).points().get(119).time()).isEqualTo(NOW);
		assertThat(answer.truncated()).isEqualTo("truncated: 5 more series and 1600 older points left out; narrow the "
				+ "query by labels, shorten the range or use a longer step");
		assertThat(result.text()).startsWith("PromQL of checkout-api")
			.contains("\ntruncated: 5 more series")
			.endsWith("\nNote: the step was widened from 1s to 4s");
		assertThat(this.asked.get(0).promql()).isEqualTo("sum by (pod) (up)");
	}

	@Test
	void thePolicysLimitCutsTheSeries() {
		List<MetricResult.Series> many = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			many.add(series(Map.of("pod", "p" + i), 1, i));
		}
		MetricsAnswer answer = (MetricsAnswer) tool((query) -> new MetricResult(many, "q", null, "p"))
			.call(input(MetricsQueryTool.Metric.cpu, null, null, null, null), context(5))
			.structured();
		assertThat(answer.series()).hasSize(5);
		assertThat(answer.truncated()).startsWith("truncated: 3 more series left out");
	}

	@Test
	void aValueThatIsNotANumberIsNullInTheStructureAndNaNInTheText() {
		ToolResult result = tool((query) -> new MetricResult(
				List.of(new MetricResult.Series(Map.of(), List.of(new MetricResult.Point(NOW, Double.NaN)))), "q",
				"ratio", "Prometheus (production)"))
			.call(input(MetricsQueryTool.Metric.error_rate, null, null, null, null), context(null));
		assertThat(((MetricsAnswer) result.structured()).series().get(0).points().get(0).value()).isNull();
		assertThat(result.text()).endsWith("- {}: NaN at 2026-11-21T10:00:00Z");
	}

	@Test
	void exactlyOneOfMetricAndPromqlAndOtherMistakesNameTheirField() {
		MetricsQueryTool tool = tool((query) -> new MetricResult(List.of(), "q", null, "p"));
		assertThatExceptionOfType(ToolInputException.class)
			.isThrownBy(() -> tool.call(input(null, null, null, null, null), context(null)))
			.withMessageStartingWith("argument 'metric': name a metric (error_rate,");
		assertThatExceptionOfType(ToolInputException.class)
			.isThrownBy(() -> tool.call(input(MetricsQueryTool.Metric.cpu, "up", null, null, null), context(null)))
			.withMessage("argument 'metric': give either metric or promql, not both");
		assertThatExceptionOfType(ToolInputException.class)
			.isThrownBy(() -> tool.call(input(MetricsQueryTool.Metric.cpu, null, "PT5M", null, "PT1H"), context(null)))
			.withMessageStartingWith("argument 'step': is longer than the range");
		assertThatExceptionOfType(ToolInputException.class)
			.isThrownBy(() -> tool.call(input(MetricsQueryTool.Metric.cpu, null, null, null, "1m"), context(null)))
			.withMessageStartingWith("argument 'step': must be an ISO-8601 duration");
		assertThat(this.asked).isEmpty();
	}

	@Test
	void aRejectedPromqlIsTheCallersMistakeAndARejectedTemplateThePlatforms() {
		MetricsQueryTool tool = tool((query) -> {
			throw new IllegalArgumentException("Prometheus rejected the query: parse error");
		});
		assertThatExceptionOfType(ToolInputException.class)
			.isThrownBy(() -> tool.call(input(null, "sum(", null, null, null), context(null)))
			.withMessage("argument 'promql': Prometheus rejected the query: parse error");
		ToolResult result = tool.call(input(MetricsQueryTool.Metric.memory, null, null, null, null), context(null));
		assertThat(result.error()).isTrue();
		assertThat(result.text()).contains("cairn.telemetry.environments.production.prometheus.queries.memory");
	}

	@Test
	void aMetricsStoreThatIsDownIsAnErrorNamingIt() {
		ToolResult result = tool((query) -> {
			throw new BackendException("Prometheus (production)", "Prometheus at http://prometheus:9090 refused");
		}).call(input(MetricsQueryTool.Metric.cpu, null, null, null, null), context(null));
		assertThat(result.error()).isTrue();
		assertThat(result.text()).startsWith("metrics_query could not read the metrics of checkout-api in production: "
				+ "Prometheus (production): Prometheus at http://prometheus:9090 refused. No other inspection tool has a "
				+ "backend for production.");
	}

	@Test
	void theMetricArgumentNamesEveryNamedMetric() {
		assertThat(Arrays.stream(MetricsQueryTool.Metric.values()).map(MetricsQueryTool.Metric::named))
			.containsExactly(NamedMetric.values());
	}

}
