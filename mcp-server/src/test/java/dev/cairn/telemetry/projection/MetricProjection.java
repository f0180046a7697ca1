package dev.cairn.telemetry.projection;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

import dev.cairn.telemetry.BackendException;
import dev.cairn.telemetry.MetricQuery;
import dev.cairn.telemetry.MetricResult;
import dev.cairn.telemetry.Metrics;
import dev.cairn.telemetry.NamedMetric;
import dev.cairn.telemetry.ServiceTarget;
import dev.cairn.telemetry.prometheus.PrometheusMetrics;
import dev.cairn.telemetry.prometheus.PrometheusSettings;

/**
 * A source's named metrics over the diagnosis' window, as OpenMetrics gauge samples for
 * {@code promtool tsdb create-blocks-from openmetrics}, and the PromQL templates that
 * read them back through a real Prometheus' range-query API.
 *
 * <p>
 * Each sample sits at one of the source's points (one a minute over the last three hours
 * and five minutes, a little more than a diagnosis reads); a range query stepping on the
 * same minutes then returns the source's values exactly. A minute the source has no value
 * for (no replica served) stays empty: a real Prometheus marks a series stale once its
 * target is gone, but backfilled blocks hold no staleness markers, so the templates read
 * a sample for less than one scrape interval ({@code last_over_time(...[59s])}:
 * Prometheus 2 closes a range at both ends) instead of Prometheus' five minutes of
 * lookback. Every series carries a {@code projection} label, so several projections share
 * one Prometheus, and the {@code namespace} and {@code workload} the adapter fills into
 * the templates from the service's annotations.
 */
public final class MetricProjection {

	/** The one metric family every projected series belongs to. */
	public static final String FAMILY = "cairn_parity_value";

	static final Duration WINDOW = Duration.ofHours(3).plusMinutes(5);

	static final Duration STEP = Duration.ofMinutes(1);

	/** How long a sample is read after its time: less than a step. */
	private static final String LOOKBACK = (STEP.toSeconds() - 1) + "s";

	private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");

	private final String id;

	private final StringBuilder samples = new StringBuilder();

	private final List<String> notes = new ArrayList<>();

	private MetricProjection(String id) {
		this.id = id;
	}

	/**
	 * Reads every named metric of every target from {@code source}.
	 * @param id names this projection among those sharing a Prometheus (lower case,
	 * digits and dashes)
	 */
	public static MetricProjection of(String id, Metrics source, List<ServiceTarget> targets, Instant now) {
		if (!ID.matcher(id).matches()) {
			throw new IllegalArgumentException("a projection id is lower case, digits and dashes, not " + id);
		}
		MetricProjection projection = new MetricProjection(id);
		Instant from = now.minus(WINDOW);
		for (ServiceTarget target : targets) {
			for (NamedMetric metric : NamedMetric.values()) {
				MetricResult result;
				try {
					result = source.query(MetricQuery.range(target, metric, from, now, STEP));
				}
				catch (BackendException | IllegalArgumentException ex) {
					projection.notes.add(metric.wireName() + " of " + target + ": " + ex.getMessage());
					continue;
				}
				List<MetricResult.Series> series = result.series();
				for (int i = 0; i < series.size(); i++) {
					projection.write(target, metric, (series.size() > 1) ? String.format("%03d", i) : null,
							series.get(i));
				}
			}
		}
		return projection;
	}

	private void write(ServiceTarget target, NamedMetric metric, String index, MetricResult.Series series) {
		StringBuilder labels = new StringBuilder(FAMILY).append('{');
		label(labels, "projection", this.id).append(',');
		label(labels, "metric", metric.wireName()).append(',');
		label(labels, "namespace", namespace(target)).append(',');
		label(labels, "workload", target.kubernetesId());
		if (index != null) {
			label(labels.append(','), "series", index);
		}
		labels.append('}');
		for (MetricResult.Point point : series.points()) {
			this.samples.append(labels)
				.append(' ')
				.append(value(point.value()))
				.append(' ')
				.append(seconds(point.time()))
				.append('\n');
		}
	}

	/** The namespace the adapter renders for the target, by the same default. */
	private static String namespace(ServiceTarget target) {
		return target.annotation(ServiceTarget.KUBERNETES_NAMESPACE, "default");
	}

	private static StringBuilder label(StringBuilder text, String name, String value) {
		return text.append(name)
			.append("=\"")
			.append(value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n"))
			.append('"');
	}

	private static String value(double value) {
		if (Double.isNaN(value)) {
			return "NaN";
		}
		if (Double.isInfinite(value)) {
			return (value > 0) ? "+Inf" : "-Inf";
		}
		return Double.toString(value);
	}

	private static String seconds(Instant time) {
		return (time.getNano() == 0) ? Long.toString(time.getEpochSecond())
				: time.getEpochSecond() + "." + String.format("%09d", time.getNano());
	}

	/** Whether the source had any series to project. */
	public boolean hasSeries() {
		return this.samples.length() > 0;
	}

	/** What the source would not answer. */
	public List<String> notes() {
		return List.copyOf(this.notes);
	}

	/** One OpenMetrics document holding the samples of every projection. */
	public static String openMetrics(Collection<MetricProjection> projections) {
		StringBuilder text = new StringBuilder("# TYPE ").append(FAMILY).append(" gauge\n");
		projections.forEach((projection) -> text.append(projection.samples));
		return text.append("# EOF\n").toString();
	}

	/**
	 * The real adapter, asking the Prometheus at {@code url} with a template per named
	 * metric that selects this projection's series for the target.
	 */
	public PrometheusMetrics metrics(URI url) {
		PrometheusSettings settings = PrometheusSettings.of(url);
		for (NamedMetric metric : NamedMetric.values()) {
			settings = settings.withQuery(metric,
					"last_over_time(" + FAMILY + "{projection=\"" + this.id + "\", metric=\"" + metric.wireName()
							+ "\", namespace=\"$namespace\", workload=\"$workload\"}[" + LOOKBACK + "])");
		}
		return new PrometheusMetrics(settings);
	}

}
