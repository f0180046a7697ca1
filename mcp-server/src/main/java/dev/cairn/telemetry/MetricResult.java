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
 * @param truncated whether the adapter's bounds cut series or points from the answer
 * @param notes what the reader should know about how complete the answer is: the
 * backend's own warnings (partial data, a rate over something that is not a counter) and
 * how the adapter bounded the query (a widened step, series left out); empty when there
 * is nothing to say
 */
public record MetricResult(List<Series> series, String query, String unit, String source, boolean truncated,
		List<String> notes) {

	public MetricResult {
		series = (series != null) ? List.copyOf(series) : List.of();
		notes = (notes != null) ? List.copyOf(notes) : List.of();
	}

	/** A complete answer with nothing to note. */
	public MetricResult(List<Series> series, String query, String unit, String source) {
		this(series, query, unit, source, false, List.of());
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
