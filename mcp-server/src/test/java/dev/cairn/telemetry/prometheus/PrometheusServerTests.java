package dev.cairn.telemetry.prometheus;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.cairn.telemetry.BackendException;
import dev.cairn.telemetry.MetricQuery;
import dev.cairn.telemetry.MetricResult;
import dev.cairn.telemetry.NamedMetric;
import dev.cairn.telemetry.ServiceTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.cairn.telemetry.prometheus.CheckoutHistory.ROLLOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * The adapter against a real Prometheus serving {@link CheckoutHistory}: the default
 * templates find the right series and the numbers come out as the history was written.
 * Skipped where Debian's {@code prometheus} package is not installed.
 */
class PrometheusServerTests {

	@RegisterExtension
	static final RealPrometheus PROMETHEUS = new RealPrometheus(CheckoutHistory::openMetrics);

	static final ServiceTarget CHECKOUT = target("checkout", "production", "checkout-api", "shop");

	static final Instant BEFORE = ROLLOUT.minus(Duration.ofMinutes(30));

	static final Instant AFTER = ROLLOUT.plus(Duration.ofMinutes(30));

	private static ServiceTarget target(String service, String environment, String workload, String namespace) {
		return new ServiceTarget(service, environment,
				Map.of(ServiceTarget.KUBERNETES_ID, workload, ServiceTarget.KUBERNETES_NAMESPACE, namespace));
	}

	private static PrometheusMetrics metrics() {
		return new PrometheusMetrics(PrometheusSettings.of(PROMETHEUS.url()));
	}

	private static double instant(ServiceTarget target, NamedMetric metric, Instant at) {
		MetricResult result = metrics().query(MetricQuery.instant(target, metric, at));
		assertThat(result.series()).as(result.query()).hasSize(1);
		assertThat(result.series().get(0).points()).hasSize(1);
		return result.series().get(0).points().get(0).value();
	}

	@Test
	void errorRateJumpsFromOnePercentToTwentyAfterTheRollout() {
		assertThat(instant(CHECKOUT, NamedMetric.ERROR_RATE, BEFORE)).isCloseTo(0.01, within(1e-9));
		assertThat(instant(CHECKOUT, NamedMetric.ERROR_RATE, AFTER)).isCloseTo(0.20, within(1e-9));
	}

	@Test
	void anInstantResultCarriesItsTimeUnitQueryAndSource() {
		MetricResult result = metrics().query(MetricQuery.instant(CHECKOUT, NamedMetric.ERROR_RATE, BEFORE));
		assertThat(result.series().get(0).points().get(0).time()).isEqualTo(BEFORE);
		assertThat(result.unit()).isEqualTo("ratio");
		assertThat(result.source()).isEqualTo("Prometheus (production)");
		assertThat(result.query()).contains("namespace=\"shop\"", "pod=~\"checkout-api-[a-z0-9]+(-[a-z0-9]+)?\"");
		assertThat(result.truncated()).isFalse();
		assertThat(result.notes()).isEmpty();
	}

	@Test
	void p99ComesFromTheHistogramBuckets() {
		assertThat(instant(CHECKOUT, NamedMetric.LATENCY_P99, BEFORE)).isCloseTo(CheckoutHistory.P99_BEFORE,
				within(1e-9));
		assertThat(instant(CHECKOUT, NamedMetric.LATENCY_P99, AFTER)).isCloseTo(CheckoutHistory.P99_AFTER,
				within(1e-9));
	}

	@Test
	void requestRateIsTwentyPerSecond() {
		assertThat(instant(CHECKOUT, NamedMetric.REQUEST_RATE, BEFORE)).isCloseTo(20, within(1e-9));
	}

	@Test
	void memoryAndCpuCountOnlyTheServiceContainers() {
		assertThat(instant(CHECKOUT, NamedMetric.MEMORY, BEFORE)).isEqualTo(CheckoutHistory.MEMORY_BEFORE);
		assertThat(instant(CHECKOUT, NamedMetric.MEMORY, AFTER)).isEqualTo(CheckoutHistory.MEMORY_AFTER);
		assertThat(instant(CHECKOUT, NamedMetric.CPU, BEFORE)).isCloseTo(0.25, within(1e-9));
	}

	@Test
	void restartsShowAfterTheNewPodCrashes() {
		assertThat(instant(CHECKOUT, NamedMetric.RESTARTS, AFTER)).isZero();
		// one restart in the five minutes before, extrapolated to the window's edges
		assertThat(instant(CHECKOUT, NamedMetric.RESTARTS, ROLLOUT.plus(Duration.ofMinutes(47)))).isBetween(1.0, 1.1);
	}

	@Test
	void eachEnvironmentReadsItsOwnNamespace() {
		ServiceTarget staging = target("checkout", "staging", "checkout-api", "shop-staging");
		assertThat(instant(staging, NamedMetric.ERROR_RATE, AFTER)).isZero();
		assertThat(instant(target("payments", "production", "payments-api", "shop"), NamedMetric.ERROR_RATE, AFTER))
			.isCloseTo(0.5, within(1e-9));
	}

	@Test
	void aServiceWithoutTrafficHasNoErrorRate() {
		assertThat(instant(target("idle", "production", "idle-api", "shop"), NamedMetric.ERROR_RATE, AFTER)).isNaN();
	}

	@Test
	void aRangeQueryHasOnePointPerStep() {
		Instant from = ROLLOUT.minus(Duration.ofMinutes(60));
		Instant to = ROLLOUT.plus(Duration.ofMinutes(60));
		MetricResult result = metrics()
			.query(MetricQuery.range(CHECKOUT, NamedMetric.ERROR_RATE, from, to, Duration.ofMinutes(1)));
		List<MetricResult.Point> points = result.series().get(0).points();
		assertThat(points).hasSize(121);
		assertThat(points.get(0).time()).isEqualTo(from);
		assertThat(points.get(120).time()).isEqualTo(to);
		for (int i = 1; i < points.size(); i++) {
			assertThat(Duration.between(points.get(i - 1).time(), points.get(i).time()))
				.isEqualTo(Duration.ofMinutes(1));
		}
		assertThat(points.get(0).value()).isCloseTo(0.01, within(1e-9));
		assertThat(points.get(120).value()).isCloseTo(0.20, within(1e-9));
		assertThat(result.truncated()).isFalse();
	}

	@Test
	void aRangeBeyondMaxPointsIsAskedWithAWiderStep() {
		PrometheusMetrics metrics = new PrometheusMetrics(
				PrometheusSettings.of(PROMETHEUS.url()).withLimits(50, 100, 1 << 20));
		MetricResult result = metrics.query(MetricQuery.range(CHECKOUT, NamedMetric.MEMORY, CheckoutHistory.START,
				CheckoutHistory.END, CheckoutHistory.STEP));
		List<MetricResult.Point> points = result.series().get(0).points();
		// 3 h at 15 s is 721 points; 10800 s / 99 rounds up to a 110 s step
		assertThat(points).hasSizeLessThanOrEqualTo(100).hasSizeGreaterThan(90);
		assertThat(Duration.between(points.get(0).time(), points.get(1).time())).isEqualTo(Duration.ofSeconds(110));
		assertThat(result.notes()).singleElement()
			.asString()
			.contains("widened from 15s to 110s", "no series has more than 100 points (721 asked)");
	}

	@Test
	void rawPromQlPassesThroughUnchanged() {
		String promql = "sum by (status) (rate(http_server_requests_seconds_count{namespace=\"shop\", "
				+ "pod=~\"checkout-api-.*\"}[5m]))";
		MetricResult result = metrics().query(new MetricQuery(CHECKOUT, null, promql, null, BEFORE, null));
		assertThat(result.query()).isEqualTo(promql);
		assertThat(result.unit()).isNull();
		assertThat(result.series()).hasSize(2);
		for (MetricResult.Series series : result.series()) {
			double expected = "200".equals(series.labels().get("status")) ? 19.8 : 0.2;
			assertThat(series.points().get(0).value()).as(series.labels().toString()).isCloseTo(expected, within(1e-9));
		}
	}

	@Test
	void infinitiesAndScalarsAreRead() {
		MetricResult infinite = metrics().query(new MetricQuery(CHECKOUT, null,
				"sum(rate(http_server_requests_seconds_count{namespace=\"shop\"}[5m])) / 0", null, BEFORE, null));
		assertThat(infinite.series().get(0).points().get(0).value()).isEqualTo(Double.POSITIVE_INFINITY);
		MetricResult scalar = metrics()
			.query(new MetricQuery(CHECKOUT, null, "scalar(vector(-1)) / 0", null, BEFORE, null));
		assertThat(scalar.series()).singleElement().satisfies((series) -> {
			assertThat(series.labels()).isEmpty();
			assertThat(series.points().get(0).value()).isEqualTo(Double.NEGATIVE_INFINITY);
		});
	}

	@Test
	void aRangeVectorAskedAtAnInstantKeepsItsNewestPoints() {
		PrometheusMetrics metrics = new PrometheusMetrics(
				PrometheusSettings.of(PROMETHEUS.url()).withLimits(50, 10, 1 << 20));
		MetricResult result = metrics.query(new MetricQuery(CHECKOUT, null,
				"container_memory_working_set_bytes{namespace=\"shop\", container=\"checkout-api\"}[30m]", null, AFTER,
				null));
		MetricResult.Series series = result.series().get(0);
		assertThat(series.points()).hasSize(10);
		assertThat(series.points().get(9).time()).isEqualTo(AFTER);
		assertThat(result.truncated()).isTrue();
		assertThat(result.notes()).anyMatch((note) -> note.contains("kept the newest 10"));
	}

	@Test
	void moreSeriesThanTheLimitAreCutAndSaidSo() {
		PrometheusMetrics metrics = new PrometheusMetrics(
				PrometheusSettings.of(PROMETHEUS.url()).withLimits(3, 1000, 1 << 20));
		MetricResult result = metrics.query(new MetricQuery(CHECKOUT, null,
				"http_server_requests_seconds_bucket{namespace=\"shop\"}", null, BEFORE, null));
		assertThat(result.series()).hasSize(3);
		assertThat(result.truncated()).isTrue();
		assertThat(result.notes()).anyMatch((note) -> note.contains("kept 3 of 7 series"));
	}

	@Test
	void aSyntaxErrorIsRejectedInPrometheusWords() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> metrics().query(
					new MetricQuery(CHECKOUT, null, "rate(http_server_requests_seconds_count[5m]", null, BEFORE, null)))
			.withMessageStartingWith("Prometheus rejected the query: ")
			.withMessageContaining("parse error")
			.withMessageContaining("unclosed left parenthesis");
	}

	@Test
	void anAnnotationCannotBreakOutOfItsLabelValue() {
		ServiceTarget hostile = target("checkout", "production", "checkout-api", "shop\"} or vector(42) or up{job=\"x");
		MetricResult result = metrics().query(MetricQuery.instant(hostile, NamedMetric.MEMORY, BEFORE));
		assertThat(result.series()).isEmpty();
		assertThat(result.query()).contains("namespace=\"shop\\\"} or vector(42) or up{job=\\\"x\"");
	}

	@Test
	void anUnreachablePrometheusIsABackendFailureThatNamesIt() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		PrometheusMetrics metrics = new PrometheusMetrics(
				PrometheusSettings.of(URI.create("http://127.0.0.1:" + port)).withTimeout(Duration.ofSeconds(2)));
		assertThatExceptionOfType(BackendException.class)
			.isThrownBy(() -> metrics.query(MetricQuery.instant(CHECKOUT, NamedMetric.CPU, BEFORE)))
			.satisfies((ex) -> assertThat(ex.backend()).isEqualTo("Prometheus (production)"))
			.withMessageContaining("cannot connect to Prometheus at http://127.0.0.1:" + port);
	}

}
