package dev.cairn.inspection;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.cairn.telemetry.MetricQuery;
import dev.cairn.telemetry.MetricResult;
import dev.cairn.telemetry.ServiceTarget;

/**
 * What {@code metrics_query} answers: each series with its points, held to
 * {@value #MAX_SERIES} series and {@value #MAX_POINTS} points each (the newest), and what
 * was left out.
 *
 * @param service the service
 * @param environment the environment
 * @param metric the named metric, or {@code null} for PromQL
 * @param unit the values' unit for a named metric, else {@code null}
 * @param source which metrics store answered, for example {@code Prometheus (production)}
 * @param query the query sent to it, in its own language; may be {@code null}
 * @param kind {@code instant} or {@code range}
 * @param from the range's start, or {@code null} for an instant
 * @param until the instant, or the range's end
 * @param step the range's resolution as asked, an ISO-8601 duration (the store may widen
 * it; see notes)
 * @param seriesCount how many series the store returned
 * @param series the series kept
 * @param truncated what was left out and what to do, or {@code null}
 * @param notes the store's and the adapter's remarks on completeness, or {@code null}
 */
record MetricsAnswer(String service, String environment, String metric, String unit, String source, String query,
		String kind, Instant from, Instant until, String step, int seriesCount, List<Series> series, String truncated,
		List<String> notes) {

	static final int MAX_SERIES = 20;

	static final int MAX_POINTS = 120;

	/** How many of the newest points a series shows in the text. */
	static final int TEXT_POINTS = 10;

	/**
	 * One series.
	 *
	 * @param labels its labels
	 * @param points its points, oldest first; a value is {@code null} where the store had
	 * no number (NaN)
	 * @param last the newest value, or {@code null}
	 * @param min the smallest value, or {@code null}
	 * @param max the largest value, or {@code null}
	 */
	record Series(Map<String, String> labels, List<Point> points, Double last, Double min, Double max) {

	}

	/** One value at one time; {@code null} for NaN or infinity. */
	record Point(Instant time, Double value) {

	}

	/**
	 * The answer for a result.
	 * @param maxSeries the most series to keep: {@value #MAX_SERIES}, or fewer when the
	 * policy limits the caller
	 */
	static MetricsAnswer of(ServiceTarget target, MetricQuery query, MetricResult result, String metric,
			int maxSeries) {
		List<Series> kept = new ArrayList<>();
		int cutPoints = 0;
		for (MetricResult.Series series : result.series()) {
			if (kept.size() == maxSeries) {
				break;
			}
			List<MetricResult.Point> points = series.points();
			int skip = Math.max(0, points.size() - MAX_POINTS);
			cutPoints += skip;
			List<Point> shown = new ArrayList<>();
			Double min = null;
			Double max = null;
			for (MetricResult.Point point : points.subList(skip, points.size())) {
				Double value = Double.isFinite(point.value()) ? point.value() : null;
				shown.add(new Point(point.time(), value));
				if (value != null) {
					min = (min == null) ? value : Math.min(min, value);
					max = (max == null) ? value : Math.max(max, value);
				}
			}
			Double last = shown.isEmpty() ? null : shown.get(shown.size() - 1).value();
			kept.add(new Series(new TreeMap<>(series.labels()), shown, last, min, max));
		}
		int cutSeries = result.series().size() - kept.size();
		List<String> cuts = new ArrayList<>();
		if (cutSeries > 0) {
			cuts.add(cutSeries + " more series");
		}
		if (cutPoints > 0) {
			cuts.add(cutPoints + " older points");
		}
		String truncated = null;
		if (!cuts.isEmpty() || result.truncated()) {
			truncated = "truncated"
					+ (cuts.isEmpty() ? " by the metrics store's bounds (see notes)"
							: ": " + String.join(" and ", cuts) + " left out")
					+ "; narrow the query by labels, shorten the range or use a longer step";
		}
		return new MetricsAnswer(target.service(), target.environment(), metric, result.unit(), result.source(),
				result.query(), query.isRange() ? "range" : "instant", query.from(), query.to(),
				(query.step() != null) ? query.step().toString() : null, result.series().size(), kept, truncated,
				result.notes().isEmpty() ? null : result.notes());
	}

	String toText() {
		StringBuilder text = new StringBuilder((this.metric != null) ? this.metric : "PromQL");
		if (this.unit != null) {
			text.append(" (").append(this.unit).append(')');
		}
		text.append(" of ").append(this.service).append(" in ").append(this.environment);
		if (this.source != null) {
			text.append(" from ").append(this.source);
		}
		text.append("range".equals(this.kind) ? ", " + this.from + " to " + this.until + ", step " + this.step
				: ", at " + this.until);
		text.append(this.series.isEmpty() ? ": no series. The store has no data for this query in that time "
				+ "(the service may not expose the metric, or nothing happened)." : ":");
		if (this.query != null) {
			text.append("\nquery: ").append(this.query);
		}
		for (Series series : this.series) {
			text.append("\n- ").append(labels(series.labels())).append(": ");
			if ("instant".equals(this.kind) || series.points().size() == 1) {
				Point point = series.points().isEmpty() ? null : series.points().get(0);
				text.append((point != null) ? number(point.value()) + " at " + point.time() : "no value");
				continue;
			}
			text.append("last ")
				.append(number(series.last()))
				.append(", min ")
				.append(number(series.min()))
				.append(", max ")
				.append(number(series.max()))
				.append(" over ")
				.append(series.points().size())
				.append(" points\n  newest: ");
			List<Point> points = series.points();
			List<String> recent = new ArrayList<>();
			for (int i = points.size() - 1; i >= Math.max(0, points.size() - TEXT_POINTS); i--) {
				recent.add(points.get(i).time() + " " + number(points.get(i).value()));
			}
			text.append(String.join(", ", recent));
		}
		if (this.truncated != null) {
			text.append('\n').append(this.truncated);
		}
		if (this.notes != null) {
			this.notes.forEach((note) -> text.append("\nNote: ").append(note));
		}
		return text.toString();
	}

	static String labels(Map<String, String> labels) {
		List<String> pairs = new ArrayList<>();
		labels.forEach((name, value) -> pairs.add(name + "=\"" + value + "\""));
		return "{" + String.join(", ", pairs) + "}";
	}

	/** Four significant digits, no exponent: {@code 0.01234}, {@code 1523000000}. */
	static String number(Double value) {
		if (value == null) {
			return "NaN";
		}
		return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
	}

}
