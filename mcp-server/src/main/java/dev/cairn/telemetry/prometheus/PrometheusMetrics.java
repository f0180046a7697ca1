package dev.cairn.telemetry.prometheus;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.cairn.telemetry.BackendException;
import dev.cairn.telemetry.MetricQuery;
import dev.cairn.telemetry.MetricResult;
import dev.cairn.telemetry.Metrics;
import dev.cairn.telemetry.NamedMetric;
import dev.cairn.telemetry.http.BackendHttp;
import dev.cairn.telemetry.http.BackendText;
import dev.cairn.telemetry.http.HttpAnswer;

/**
 * Asks a Prometheus over its HTTP API: {@code POST /api/v1/query} for an instant,
 * {@code POST /api/v1/query_range} for a range, parameters form-encoded. A named metric
 * is asked as its template rendered for the service; PromQL from the caller passes
 * through unchanged (whether a caller may send PromQL is the policy's decision, made
 * before this is called).
 *
 * <p>
 * Results are bounded: a range query's step is widened so that no series has more than
 * {@code maxPoints} points, at most {@code maxSeries} series are kept, and the answer is
 * read up to {@code maxResponseBytes}; the result's {@code truncated} and {@code notes}
 * say what was cut. Prometheus' {@code bad_data} and {@code execution} errors (a syntax
 * error, a many-to-many match) are the query's fault and become
 * {@link IllegalArgumentException}s with Prometheus' words; everything else that keeps an
 * answer from being read is a {@link BackendException}.
 */
public final class PrometheusMetrics implements Metrics {

	private final PrometheusSettings settings;

	private final Map<NamedMetric, PromQlTemplate> templates = new EnumMap<>(NamedMetric.class);

	private final BackendHttp http;

	public PrometheusMetrics(PrometheusSettings settings) {
		this.settings = settings;
		settings.queries().forEach((metric, template) -> this.templates.put(metric, PromQlTemplate.parse(template)));
		this.http = BackendHttp.to("Prometheus", settings.url())
			.auth(settings.auth())
			.timeout(settings.timeout())
			.maxBodyBytes(settings.maxResponseBytes())
			.build();
	}

	@Override
	public MetricResult query(MetricQuery query) {
		String backend = "Prometheus (" + query.target().environment() + ")";
		String promql = (query.metric() != null)
				? this.templates.get(query.metric()).render(query.target(), this.settings.defaultNamespace())
				: query.promql().trim();
		List<String> notes = new ArrayList<>();
		Map<String, String> form = new LinkedHashMap<>();
		form.put("query", promql);
		HttpAnswer answer;
		if (query.isRange()) {
			Duration step = step(query, notes);
			form.put("start", seconds(query.from()));
			form.put("end", seconds(query.to()));
			form.put("step", seconds(step));
			form.put("timeout", evaluationTimeout());
			answer = this.http.postForm(backend, "/api/v1/query_range", form);
		}
		else {
			form.put("time", seconds(query.to()));
			form.put("timeout", evaluationTimeout());
			answer = this.http.postForm(backend, "/api/v1/query", form);
		}
		PrometheusAnswer read = read(backend, answer);
		return result(query, promql, backend, read, notes);
	}

	/**
	 * The caller's step, or the smallest whole number of seconds that keeps the range
	 * within {@code maxPoints} points.
	 */
	private Duration step(MetricQuery query, List<String> notes) {
		long rangeMillis = Duration.between(query.from(), query.to()).toMillis();
		long stepMillis = Math.max(1, query.step().toMillis());
		long points = rangeMillis / stepMillis + 1;
		int maxPoints = this.settings.maxPoints();
		if (points <= maxPoints) {
			return query.step();
		}
		long widened = -Math.floorDiv(-rangeMillis, maxPoints - 1L);
		widened = -Math.floorDiv(-widened, 1000L) * 1000L;
		Duration step = Duration.ofMillis(widened);
		notes
			.add("the step was widened from " + BackendText.duration(query.step()) + " to " + BackendText.duration(step)
					+ " so that no series has more than " + maxPoints + " points (" + points + " asked)");
		return step;
	}

	/** Prometheus stops evaluating a little before the client gives up waiting. */
	private String evaluationTimeout() {
		long millis = this.settings.timeout().toMillis();
		return Math.max(1, millis - Math.min(1000, millis / 10)) + "ms";
	}

	private PrometheusAnswer read(String backend, HttpAnswer answer) {
		PrometheusAnswer read;
		try {
			read = PrometheusAnswer.read(answer.body(), answer.length(), answer.cut(), this.settings.maxSeries(),
					this.settings.maxPoints());
		}
		catch (PrometheusAnswer.Unreadable ex) {
			read = null;
		}
		String where = "Prometheus at " + this.http.url();
		if (read != null && "error".equals(read.status)) {
			String words = (read.error != null) ? read.error : "(no message)";
			if ("bad_data".equals(read.errorType) || "execution".equals(read.errorType)) {
				throw new IllegalArgumentException("Prometheus rejected the query: " + words);
			}
			throw new BackendException(backend, where + " answered HTTP " + answer.status() + " "
					+ ((read.errorType != null) ? read.errorType + ": " : "") + this.http.quote(words));
		}
		if (answer.status() == 401 || answer.status() == 403) {
			throw new BackendException(backend, where + " refused the request (HTTP " + answer.status()
					+ "); check the credentials configured for it");
		}
		if (answer.status() != 200) {
			String excerpt = this.http.excerpt(answer);
			throw new BackendException(backend,
					where + " answered HTTP " + answer.status() + (excerpt.isEmpty() ? "" : ": " + excerpt));
		}
		if (read == null || !"success".equals(read.status)) {
			if (answer.cut()) {
				throw new BackendException(backend, where + " answered more than " + this.settings.maxResponseBytes()
						+ " bytes and none of it could be read as a result");
			}
			throw new BackendException(backend, where
					+ " answered with something that is not a Prometheus API response: " + this.http.excerpt(answer));
		}
		if (read.text != null && "string".equals(read.resultType)) {
			throw new IllegalArgumentException("the PromQL expression evaluates to the string \""
					+ this.http.quote(read.text) + "\", not to a number");
		}
		if (read.text != null) {
			throw new BackendException(backend,
					where + " answered a sample value that is not a number: " + this.http.quote(read.text));
		}
		return read;
	}

	private MetricResult result(MetricQuery query, String promql, String backend, PrometheusAnswer read,
			List<String> notes) {
		boolean truncated = false;
		if (read.seriesLeftOut > 0) {
			truncated = true;
			notes.add("kept " + read.series.size() + " of " + (read.series.size() + read.seriesLeftOut)
					+ " series; aggregate (sum by ...) or add label matchers to see the others");
		}
		if (read.cut) {
			truncated = true;
			notes.add("the answer was larger than " + this.settings.maxResponseBytes() + " bytes; kept the "
					+ read.series.size() + " series read before the cut");
		}
		if (read.seriesShortened > 0) {
			truncated = true;
			notes.add(read.seriesShortened + " series had more than " + this.settings.maxPoints()
					+ " points; kept the newest " + this.settings.maxPoints());
		}
		if (read.histogramSamples > 0) {
			notes.add(read.histogramSamples + " native histogram samples are not shown; ask for a quantile or a "
					+ "count with histogram_quantile or histogram_count");
		}
		for (String warning : read.warnings) {
			notes.add("Prometheus warns: " + this.http.quote(warning));
		}
		String unit = (query.metric() != null) ? query.metric().unit() : null;
		return new MetricResult(read.series, promql, unit, backend, truncated, notes);
	}

	/** Unix seconds with up to nanosecond precision, as Prometheus reads them. */
	static String seconds(Instant time) {
		return BigDecimal.valueOf(time.getEpochSecond())
			.add(BigDecimal.valueOf(time.getNano(), 9))
			.stripTrailingZeros()
			.toPlainString();
	}

	static String seconds(Duration duration) {
		return BigDecimal.valueOf(duration.getSeconds())
			.add(BigDecimal.valueOf(duration.getNano(), 9))
			.stripTrailingZeros()
			.toPlainString();
	}

	@Override
	public String toString() {
		return "PrometheusMetrics[" + this.http.url() + "]";
	}

}
