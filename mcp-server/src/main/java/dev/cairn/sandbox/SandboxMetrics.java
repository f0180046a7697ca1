package dev.cairn.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.cairn.telemetry.MetricQuery;
import dev.cairn.telemetry.MetricResult;
import dev.cairn.telemetry.Metrics;
import dev.cairn.telemetry.http.BackendText;

/**
 * The sandbox's metrics store: the named metrics of a service, one series labelled with
 * its service and environment, at an instant or at each step of a range (oldest first, at
 * most {@value #MAX_POINTS} points: a finer step is widened, and the result says so).
 * Like Prometheus, it has no points after now, and no request metrics while no replica
 * serves. It speaks no PromQL.
 */
final class SandboxMetrics implements Metrics {

	static final int MAX_POINTS = 1_000;

	private final SandboxPlatform platform;

	SandboxMetrics(SandboxPlatform platform) {
		this.platform = platform;
	}

	@Override
	public MetricResult query(MetricQuery query) {
		if (query.metric() == null) {
			throw new IllegalArgumentException(
					"the sandbox's metrics store answers named metrics; PromQL needs a Prometheus backend");
		}
		String source = SandboxPlatform.source(query.target().environment());
		String asked = query.metric().wireName() + "{service=\"" + query.target().service() + "\", environment=\""
				+ query.target().environment() + "\"}";
		String unit = query.metric().unit();
		Deployment deployment = this.platform.deployment(query.target());
		Instant now = this.platform.now();
		List<String> notes = new ArrayList<>();
		Instant instant = query.to().isAfter(now) ? now : query.to();
		Instant from = query.isRange() ? query.from() : instant;
		Duration step = query.isRange() ? step(query, notes) : Duration.ofSeconds(1);
		if (deployment == null || from.isAfter(now)) {
			return new MetricResult(List.of(), asked, unit, source, !notes.isEmpty(), notes);
		}
		Instant last = query.to().isAfter(now) ? now : query.to();
		MetricModel model = new MetricModel(deployment, last);
		List<MetricResult.Point> points = new ArrayList<>();
		for (Instant at = from; !at.isAfter(last); at = at.plus(step)) {
			Double value = model.value(query.metric(), at);
			if (value != null) {
				points.add(new MetricResult.Point(at, value));
			}
			if (!query.isRange()) {
				break;
			}
		}
		List<MetricResult.Series> series = points.isEmpty() ? List.of()
				: List.of(new MetricResult.Series(
						Map.of("service", query.target().service(), "environment", query.target().environment()),
						points));
		return new MetricResult(series, asked, unit, source, !notes.isEmpty(), notes);
	}

	/** The query's step, or the whole seconds that keep the range within the points. */
	private static Duration step(MetricQuery query, List<String> notes) {
		long rangeMillis = Duration.between(query.from(), query.to()).toMillis();
		long points = rangeMillis / Math.max(1, query.step().toMillis()) + 1;
		if (points <= MAX_POINTS) {
			return query.step();
		}
		long millis = -Math.floorDiv(-rangeMillis, MAX_POINTS - 1L);
		Duration step = Duration.ofSeconds(-Math.floorDiv(-millis, 1000L));
		notes
			.add("the step was widened from " + BackendText.duration(query.step()) + " to " + BackendText.duration(step)
					+ " so that the series has at most " + MAX_POINTS + " points (" + points + " asked)");
		return step;
	}

}
