package dev.cairn.diagnosis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.cairn.telemetry.MetricResult;
import dev.cairn.telemetry.NamedMetric;

/**
 * A metric's level before and now over the last three hours, and when it changed: the
 * measure behind the regression checks. The baseline is the median before the rollout
 * (or, without a recent rollout, before the last hour); "now" is the mean of the last ten
 * minutes; the onset is where the metric last crossed half-way between them and stayed.
 *
 * @param metric the metric
 * @param baseline its usual level
 * @param now its level over the last ten minutes
 * @param onset when it moved to that level
 * @param source the backend that answered
 * @param query what was asked of it
 */
record Shift(NamedMetric metric, double baseline, double now, Instant onset, String source, String query) {

	static final Duration WINDOW = Duration.ofHours(3);

	static final Duration STEP = Duration.ofMinutes(1);

	static final Duration RECENT = Duration.ofMinutes(10);

	/**
	 * The shift of a metric, or {@code null} when the metrics store has too little data.
	 * @param rolloutAt when the current version rolled out; a baseline before it is
	 * preferred when it lies within the window
	 */
	static Shift of(Observations seen, NamedMetric metric, Instant rolloutAt) {
		Instant to = seen.now();
		Instant from = to.minus(WINDOW);
		MetricResult result = seen.metric(metric, from, to, STEP);
		if (result == null || result.series().isEmpty()) {
			return null;
		}
		List<MetricResult.Point> points = new ArrayList<>();
		for (MetricResult.Point point : result.series().get(0).points()) {
			if (!Double.isNaN(point.value()) && !Double.isInfinite(point.value())) {
				points.add(point);
			}
		}
		Instant baselineEnd = recent(rolloutAt, to) ? rolloutAt : to.minus(Duration.ofHours(1));
		List<Double> before = new ArrayList<>();
		double sum = 0;
		int recentCount = 0;
		for (MetricResult.Point point : points) {
			if (point.time().isBefore(baselineEnd)) {
				before.add(point.value());
			}
			if (!point.time().isBefore(to.minus(RECENT))) {
				sum += point.value();
				recentCount++;
			}
		}
		if (before.size() < 5 || recentCount == 0) {
			return null;
		}
		before.sort(Double::compare);
		double baseline = before.get(before.size() / 2);
		double now = sum / recentCount;
		double middle = (baseline + now) / 2;
		Instant onset = points.get(points.size() - 1).time();
		for (int i = points.size() - 1; i >= 0; i--) {
			MetricResult.Point point = points.get(i);
			if ((now > baseline) ? point.value() <= middle : point.value() >= middle) {
				break;
			}
			onset = point.time();
		}
		return new Shift(metric, baseline, now, onset, result.source(), result.query());
	}

	/**
	 * Whether a rollout lies far enough inside the window to have a baseline before it.
	 */
	static boolean recent(Instant rolloutAt, Instant now) {
		return rolloutAt != null && rolloutAt.isAfter(now.minus(WINDOW).plus(Duration.ofMinutes(20)))
				&& rolloutAt.isBefore(now.minus(Duration.ofMinutes(3)));
	}

	/** Whether the metric rose past what counts as a real change for it. */
	boolean rose() {
		if (this.metric == NamedMetric.ERROR_RATE) {
			return this.now >= Math.max(3 * this.baseline, this.baseline + 0.02);
		}
		if (this.metric == NamedMetric.LATENCY_P99) {
			return this.now >= Math.max(2 * this.baseline, this.baseline + 0.25);
		}
		return this.now >= 2 * this.baseline && this.now > this.baseline;
	}

	/** Whether the change began with a rollout at the given time. */
	boolean startedWith(Instant rolloutAt) {
		return rolloutAt != null && !this.onset.isBefore(rolloutAt.minus(Duration.ofMinutes(2)))
				&& !this.onset.isAfter(rolloutAt.plus(Duration.ofMinutes(15)));
	}

	/** The metric's value as a reader wants it: {@code 9.8%}, {@code 1.84 s}. */
	String format(double value) {
		if (this.metric == NamedMetric.ERROR_RATE) {
			return String.format(java.util.Locale.ROOT, "%.1f%%", value * 100);
		}
		if (this.metric == NamedMetric.LATENCY_P99) {
			return (value < 1) ? String.format(java.util.Locale.ROOT, "%.0f ms", value * 1000)
					: String.format(java.util.Locale.ROOT, "%.2f s", value);
		}
		return String.format(java.util.Locale.ROOT, "%.3g %s", value, this.metric.unit());
	}

	String label() {
		return (this.metric == NamedMetric.ERROR_RATE) ? "error rate"
				: (this.metric == NamedMetric.LATENCY_P99) ? "p99 latency" : this.metric.wireName();
	}

	Finding.Evidence evidence() {
		return new Finding.Evidence("metric", (this.source != null) ? this.source : "metrics",
				label() + " " + format(this.baseline) + " before, " + format(this.now) + " over the last "
						+ RECENT.toMinutes() + " min (changed at " + this.onset + ")",
				this.onset);
	}

}
