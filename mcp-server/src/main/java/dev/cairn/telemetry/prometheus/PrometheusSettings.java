package dev.cairn.telemetry.prometheus;

import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import dev.cairn.telemetry.NamedMetric;
import dev.cairn.telemetry.http.HttpAuth;

/**
 * How to reach one environment's Prometheus and what to ask it.
 *
 * <p>
 * Each {@link NamedMetric} maps to a PromQL template; the defaults
 * ({@link #DEFAULT_QUERIES}) suit services instrumented with Micrometer
 * ({@code http_server_requests_seconds_*}, histogram buckets enabled for the p99) and
 * clusters scraped with cAdvisor and kube-state-metrics, and find a service's series by
 * {@code namespace} and by pod names derived from the workload name. Templates may use
 * {@code $namespace}, {@code $workload}, {@code $workload_regex}, {@code $service} and
 * {@code $environment} inside double-quoted strings; a template given here replaces the
 * default for its metric only.
 *
 * @param url the base URL, for example {@code http://prometheus:9090}
 * @param auth bearer or basic credentials, or none
 * @param timeout the limit of each whole request; Prometheus is asked to stop evaluating
 * a little earlier
 * @param queries PromQL templates by metric, over the defaults
 * @param defaultNamespace the namespace of a service without the
 * {@code backstage.io/kubernetes-namespace} annotation
 * @param maxSeries at most this many series are returned; the rest are left out and the
 * result says so
 * @param maxPoints at most this many points per series: a range query's step is widened
 * to stay within it, and longer series keep their newest points
 * @param maxResponseBytes at most this many bytes of an answer are read
 */
public record PrometheusSettings(URI url, HttpAuth auth, Duration timeout, Map<NamedMetric, String> queries,
		String defaultNamespace, int maxSeries, int maxPoints, long maxResponseBytes) {

	private static final String POD = "pod=~\"$workload_regex-[a-z0-9]+(-[a-z0-9]+)?\"";

	private static final String HTTP = "namespace=\"$namespace\", " + POD;

	private static final String CONTAINERS = "namespace=\"$namespace\", " + POD
			+ ", container!=\"\", container!=\"POD\"";

	/** The PromQL each named metric is asked as, unless the settings say otherwise. */
	public static final Map<NamedMetric, String> DEFAULT_QUERIES = Map.of(NamedMetric.ERROR_RATE,
			"(sum(rate(http_server_requests_seconds_count{" + HTTP + ", status=~\"5..\"}[5m])) or vector(0))"
					+ " / sum(rate(http_server_requests_seconds_count{" + HTTP + "}[5m]))",
			NamedMetric.LATENCY_P99,
			"histogram_quantile(0.99, sum by (le) (rate(http_server_requests_seconds_bucket{" + HTTP + "}[5m])))",
			NamedMetric.REQUEST_RATE, "sum(rate(http_server_requests_seconds_count{" + HTTP + "}[5m]))",
			NamedMetric.CPU, "sum(rate(container_cpu_usage_seconds_total{" + CONTAINERS + "}[5m]))", NamedMetric.MEMORY,
			"sum(container_memory_working_set_bytes{" + CONTAINERS + "})", NamedMetric.RESTARTS,
			"sum(increase(kube_pod_container_status_restarts_total{" + HTTP + "}[5m]))");

	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

	public static final int DEFAULT_MAX_SERIES = 50;

	/** Prometheus itself refuses more than 11,000 points per series. */
	public static final int DEFAULT_MAX_POINTS = 1_000;

	public static final long DEFAULT_MAX_RESPONSE_BYTES = 16L * 1024 * 1024;

	public PrometheusSettings {
		Objects.requireNonNull(url, "url");
		auth = (auth != null) ? auth : HttpAuth.none();
		timeout = (timeout != null) ? timeout : DEFAULT_TIMEOUT;
		EnumMap<NamedMetric, String> merged = new EnumMap<>(NamedMetric.class);
		merged.putAll(DEFAULT_QUERIES);
		if (queries != null) {
			queries.forEach((metric, template) -> {
				if (template != null && !template.isBlank()) {
					merged.put(metric, template.trim());
				}
			});
		}
		merged.forEach((metric, template) -> PromQlTemplate.parse(template));
		queries = Map.copyOf(merged);
		defaultNamespace = (defaultNamespace != null && !defaultNamespace.isBlank()) ? defaultNamespace.trim()
				: "default";
		if (maxSeries < 1) {
			throw new IllegalArgumentException("maxSeries must be at least 1, got " + maxSeries);
		}
		if (maxPoints < 2 || maxPoints > 11_000) {
			throw new IllegalArgumentException("maxPoints must be between 2 and 11000, got " + maxPoints);
		}
		if (maxResponseBytes < 1024) {
			throw new IllegalArgumentException("maxResponseBytes must be at least 1024, got " + maxResponseBytes);
		}
	}

	/** Without the URL's user info, whose password would otherwise show in logs. */
	@Override
	public String toString() {
		String where = this.url.getScheme() + "://" + this.url.getHost()
				+ ((this.url.getPort() != -1) ? ":" + this.url.getPort() : "")
				+ ((this.url.getRawPath() != null) ? this.url.getRawPath() : "");
		return "PrometheusSettings[url=" + where + ", auth=" + this.auth + ", timeout=" + this.timeout
				+ ", defaultNamespace=" + this.defaultNamespace + ", maxSeries=" + this.maxSeries + ", maxPoints="
				+ this.maxPoints + ", maxResponseBytes=" + this.maxResponseBytes + ", queries=" + this.queries + "]";
	}

	/** The defaults, for a Prometheus at {@code url} without credentials. */
	public static PrometheusSettings of(URI url) {
		return new PrometheusSettings(url, HttpAuth.none(), DEFAULT_TIMEOUT, Map.of(), "default", DEFAULT_MAX_SERIES,
				DEFAULT_MAX_POINTS, DEFAULT_MAX_RESPONSE_BYTES);
	}

	public PrometheusSettings withAuth(HttpAuth auth) {
		return new PrometheusSettings(this.url, auth, this.timeout, this.queries, this.defaultNamespace, this.maxSeries,
				this.maxPoints, this.maxResponseBytes);
	}

	public PrometheusSettings withTimeout(Duration timeout) {
		return new PrometheusSettings(this.url, this.auth, timeout, this.queries, this.defaultNamespace, this.maxSeries,
				this.maxPoints, this.maxResponseBytes);
	}

	/** These settings with {@code metric} asked as {@code template}. */
	public PrometheusSettings withQuery(NamedMetric metric, String template) {
		EnumMap<NamedMetric, String> queries = new EnumMap<>(this.queries);
		queries.put(metric, template);
		return new PrometheusSettings(this.url, this.auth, this.timeout, queries, this.defaultNamespace, this.maxSeries,
				this.maxPoints, this.maxResponseBytes);
	}

	public PrometheusSettings withDefaultNamespace(String namespace) {
		return new PrometheusSettings(this.url, this.auth, this.timeout, this.queries, namespace, this.maxSeries,
				this.maxPoints, this.maxResponseBytes);
	}

	public PrometheusSettings withLimits(int maxSeries, int maxPoints, long maxResponseBytes) {
		return new PrometheusSettings(this.url, this.auth, this.timeout, this.queries, this.defaultNamespace, maxSeries,
				maxPoints, maxResponseBytes);
	}

}
