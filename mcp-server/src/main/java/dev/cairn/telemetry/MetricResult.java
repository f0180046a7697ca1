package dev.cairn.telemetry;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a metric query returned.
 *
 * @param series one per label set, in the backend's order
 * @param query what was asked of the backend, in its own language (the PromQL sent), or
 * {@code null}
 * @param unit the values' unit for a named metric, else {@code null}
 * @param source which backend answered, for example {@code Prometheus (production)}
 */
public record MetricResult(List<Series> series, String query, String unit, String source) {

	public MetricResult {
		series = (series != null) ? List.copyOf(series) : List.of();
	}

	/**
	 * One series.
	 *
	 * @param labels its labels
	 * @param points its points, oldest first; NaN where the backend says so
	 */
	public record Series(Map<String, String> labels, List<Point> points) {

		public Series {
			labels = (labels != null) ? Map.copyOf(labels) : Map.of();
			points = (points != null) ? List.copyOf(points) : List.of();
		}

	}

	/** One value at one time. */
	public record Point(Instant time, double value) {

	}

}
