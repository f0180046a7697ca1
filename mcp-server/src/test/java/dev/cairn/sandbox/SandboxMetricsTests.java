package dev.cairn.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.cairn.telemetry.EnvironmentBackends;
import dev.cairn.telemetry.MetricQuery;
import dev.cairn.telemetry.MetricResult;
import dev.cairn.telemetry.NamedMetric;
import dev.cairn.telemetry.ServiceTarget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The metrics store: named metrics at an instant and over a range, bounded to a thousand
 * points; PromQL is refused.
 */
class SandboxMetricsTests {

	final Sandboxes.TestClock clock = new Sandboxes.TestClock();

	final SandboxPlatform platform = Sandboxes.platform(this.clock);

	final EnvironmentBackends staging = this.platform.backends("staging");

	final ServiceTarget target = Sandboxes.target("cart-service", "staging");

	@Test
	void answersAnInstantWithOneLabelledPoint() {
		MetricResult result = this.staging.metrics()
			.query(MetricQuery.instant(this.target, NamedMetric.REQUEST_RATE, this.clock.instant()));
		assertThat(result.series()).singleElement().satisfies((series) -> {
			assertThat(series.labels()).isEqualTo(Map.of("service", "cart-service", "environment", "staging"));
			assertThat(series.points()).singleElement()
				.satisfies((point) -> assertThat(point.time()).isEqualTo(this.clock.instant()));
		});
		assertThat(result.unit()).isEqualTo("requests/s");
		assertThat(result.source()).isEqualTo("sandbox (staging)");
		assertThat(result.query()).isEqualTo("request_rate{service=\"cart-service\", environment=\"staging\"}");
		assertThat(result.truncated()).isFalse();
		assertThat(result.notes()).isEmpty();
	}

	@Test
	void widensTheStepOfALongRangeToAThousandPointsAndSaysSo() {
		Instant now = this.clock.instant();
		MetricResult result = this.staging.metrics()
			.query(MetricQuery.range(this.target, NamedMetric.LATENCY_P99, now.minus(Duration.ofDays(1)), now,
					Duration.ofSeconds(15)));
		var points = result.series().get(0).points();
		assertThat(points).hasSizeBetween(990, 1000);
		for (int i = 1; i < points.size(); i++) {
			assertThat(points.get(i).time()).isAfter(points.get(i - 1).time());
		}
		assertThat(result.truncated()).isTrue();
		assertThat(result.notes()).singleElement()
			.isEqualTo("the step was widened from 15s to 87s so that the series has at most 1000 points (5761 asked)");
	}

	@Test
	void aShortRangeKeepsItsStepAndHasNoPointsAfterNow() {
		Instant now = this.clock.instant();
		MetricResult result = this.staging.metrics()
			.query(MetricQuery.range(this.target, NamedMetric.CPU, now.minus(Duration.ofMinutes(10)),
					now.plus(Duration.ofMinutes(10)), Duration.ofMinutes(1)));
		assertThat(result.series().get(0).points()).hasSize(11)
			.allSatisfy((point) -> assertThat(point.time()).isBeforeOrEqualTo(now));
		assertThat(result.truncated()).isFalse();
	}

	@Test
	void refusesPromQl() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.staging.metrics()
				.query(new MetricQuery(this.target, null, "up", null, this.clock.instant(), null)))
			.withMessage("the sandbox's metrics store answers named metrics; PromQL needs a Prometheus backend");
	}

	@Test
	void aServiceTheSandboxDoesNotRunHasNoSeries() {
		MetricResult result = this.staging.metrics()
			.query(MetricQuery.instant(Sandboxes.target("design-system", "staging"), NamedMetric.CPU,
					this.clock.instant()));
		assertThat(result.series()).isEmpty();
	}

}
