package dev.cairn.telemetry;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A metric query for one service in one environment: a named metric or a PromQL
 * expression, at an instant or over a range.
 *
 * @param target the service and environment
 * @param metric the named metric, or {@code null} when {@code promql} is given
 * @param promql a PromQL expression, or {@code null} when {@code metric} is given
 * @param from the range's start, or {@code null} for an instant query at {@code to}
 * @param to the instant, or the range's end
 * @param step the resolution of a range query, or {@code null} for an instant query
 */
public record MetricQuery(ServiceTarget target, NamedMetric metric, String promql, Instant from, Instant to,
		Duration step) {

	public MetricQuery {
		Objects.requireNonNull(target, "target");
		Objects.requireNonNull(to, "to");
		if ((metric == null) == (promql == null || promql.isBlank())) {
			throw new IllegalArgumentException("a metric query names either a metric or a PromQL expression");
		}
		if ((from == null) != (step == null)) {
			throw new IllegalArgumentException("a range query needs both a start and a step");
		}
		if (from != null && !from.isBefore(to)) {
			throw new IllegalArgumentException("the time range is empty: from " + from + " is not before to " + to);
		}
		if (step != null && (step.isNegative() || step.isZero())) {
			throw new IllegalArgumentException("the step must be positive, got " + step);
		}
	}

	public static MetricQuery instant(ServiceTarget target, NamedMetric metric, Instant at) {
		return new MetricQuery(target, metric, null, null, at, null);
	}

	public static MetricQuery range(ServiceTarget target, NamedMetric metric, Instant from, Instant to, Duration step) {
		return new MetricQuery(target, metric, null, from, to, step);
	}

	public boolean isRange() {
		return this.from != null;
	}

}
