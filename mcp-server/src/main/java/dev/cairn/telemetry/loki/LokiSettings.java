package dev.cairn.telemetry.loki;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import dev.cairn.telemetry.http.HttpAuth;

/**
 * How to reach one environment's Loki and how to find a service's streams in it.
 *
 * <p>
 * The stream selector is built from {@code selector}: label name to value, where the
 * value may use {@code $namespace} ({@code backstage.io/kubernetes-namespace}, else
 * {@code defaultNamespace}), {@code $workload} ({@code backstage.io/kubernetes-id}, else
 * the service name), {@code $service} and {@code $environment}. The default,
 * {@code {namespace="$namespace", app="$workload"}}, fits the usual Kubernetes log
 * collectors (Promtail, Grafana Alloy, the Loki Helm chart).
 *
 * <p>
 * The level filter is a line filter by default (see {@link LogLevels}): it works whether
 * lines are JSON, logfmt or plain text and needs no parser. Where every line's level is
 * in a label (a stream label, or structured metadata such as Loki 3's
 * {@code detected_level}), {@code levelLabel} names it and the filter becomes a label
 * filter on it.
 *
 * @param url the base URL, for example {@code http://loki:3100}
 * @param auth bearer or basic credentials, or none
 * @param tenant the {@code X-Scope-OrgID} of a multi-tenant Loki, or {@code null}
 * @param timeout the limit of each whole request
 * @param selector the stream selector's labels and value templates, in order
 * @param levelLabel the label to filter levels on, or {@code null} for the line filter
 * @param defaultNamespace the namespace of a service without the namespace annotation
 * @param maxLineBytes a longer line is cut to this many bytes and marked
 * @param maxResponseBytes at most this many bytes of an answer are read
 */
public record LokiSettings(URI url, HttpAuth auth, String tenant, Duration timeout, Map<String, String> selector,
		String levelLabel, String defaultNamespace, int maxLineBytes, long maxResponseBytes) {

	private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

	/** {@code {namespace="$namespace", app="$workload"}}. */
	public static final Map<String, String> DEFAULT_SELECTOR = defaultSelector();

	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

	public static final int DEFAULT_MAX_LINE_BYTES = 8 * 1024;

	public static final long DEFAULT_MAX_RESPONSE_BYTES = 32L * 1024 * 1024;

	public LokiSettings {
		Objects.requireNonNull(url, "url");
		auth = (auth != null) ? auth : HttpAuth.none();
		tenant = (tenant != null && !tenant.isBlank()) ? tenant.trim() : null;
		if (tenant != null && tenant.chars().anyMatch((c) -> c < 0x20 || c == 0x7f)) {
			throw new IllegalArgumentException("the Loki tenant must not contain control characters");
		}
		timeout = (timeout != null) ? timeout : DEFAULT_TIMEOUT;
		Map<String, String> labels = new LinkedHashMap<>(
				(selector != null && !selector.isEmpty()) ? selector : DEFAULT_SELECTOR);
		labels.forEach((label, template) -> {
			if (!LABEL.matcher(label).matches()) {
				throw new IllegalArgumentException("\"" + label + "\" is not a Loki label name");
			}
			LogQl.checkTemplate(label, template);
		});
		selector = Collections.unmodifiableMap(labels);
		levelLabel = (levelLabel != null && !levelLabel.isBlank()) ? levelLabel.trim() : null;
		if (levelLabel != null && !LABEL.matcher(levelLabel).matches()) {
			throw new IllegalArgumentException("\"" + levelLabel + "\" is not a Loki label name");
		}
		defaultNamespace = (defaultNamespace != null && !defaultNamespace.isBlank()) ? defaultNamespace.trim()
				: "default";
		if (maxLineBytes < 64) {
			throw new IllegalArgumentException("maxLineBytes must be at least 64, got " + maxLineBytes);
		}
		if (maxResponseBytes < 1024) {
			throw new IllegalArgumentException("maxResponseBytes must be at least 1024, got " + maxResponseBytes);
		}
	}

	private static Map<String, String> defaultSelector() {
		Map<String, String> selector = new LinkedHashMap<>();
		selector.put("namespace", "$namespace");
		selector.put("app", "$workload");
		return Collections.unmodifiableMap(selector);
	}

	/** The defaults, for a single-tenant Loki at {@code url} without credentials. */
	public static LokiSettings of(URI url) {
		return new LokiSettings(url, HttpAuth.none(), null, DEFAULT_TIMEOUT, DEFAULT_SELECTOR, null, "default",
				DEFAULT_MAX_LINE_BYTES, DEFAULT_MAX_RESPONSE_BYTES);
	}

	public LokiSettings withAuth(HttpAuth auth) {
		return new LokiSettings(this.url, auth, this.tenant, this.timeout, this.selector, this.levelLabel,
				this.defaultNamespace, this.maxLineBytes, this.maxResponseBytes);
	}

	public LokiSettings withTenant(String tenant) {
		return new LokiSettings(this.url, this.auth, tenant, this.timeout, this.selector, this.levelLabel,
				this.defaultNamespace, this.maxLineBytes, this.maxResponseBytes);
	}

	public LokiSettings withTimeout(Duration timeout) {
		return new LokiSettings(this.url, this.auth, this.tenant, timeout, this.selector, this.levelLabel,
				this.defaultNamespace, this.maxLineBytes, this.maxResponseBytes);
	}

	/**
	 * These settings with the stream selector built from {@code selector}, in its order.
	 */
	public LokiSettings withSelector(Map<String, String> selector) {
		return new LokiSettings(this.url, this.auth, this.tenant, this.timeout, selector, this.levelLabel,
				this.defaultNamespace, this.maxLineBytes, this.maxResponseBytes);
	}

	public LokiSettings withLevelLabel(String levelLabel) {
		return new LokiSettings(this.url, this.auth, this.tenant, this.timeout, this.selector, levelLabel,
				this.defaultNamespace, this.maxLineBytes, this.maxResponseBytes);
	}

	public LokiSettings withDefaultNamespace(String namespace) {
		return new LokiSettings(this.url, this.auth, this.tenant, this.timeout, this.selector, this.levelLabel,
				namespace, this.maxLineBytes, this.maxResponseBytes);
	}

	public LokiSettings withLimits(int maxLineBytes, long maxResponseBytes) {
		return new LokiSettings(this.url, this.auth, this.tenant, this.timeout, this.selector, this.levelLabel,
				this.defaultNamespace, maxLineBytes, maxResponseBytes);
	}

	/** Without the URL's user info, whose password would otherwise show in logs. */
	@Override
	public String toString() {
		String where = this.url.getScheme() + "://" + this.url.getHost()
				+ ((this.url.getPort() != -1) ? ":" + this.url.getPort() : "")
				+ ((this.url.getRawPath() != null) ? this.url.getRawPath() : "");
		return "LokiSettings[url=" + where + ", auth=" + this.auth + ", tenant=" + this.tenant + ", timeout="
				+ this.timeout + ", selector=" + this.selector + ", levelLabel=" + this.levelLabel
				+ ", defaultNamespace=" + this.defaultNamespace + ", maxLineBytes=" + this.maxLineBytes
				+ ", maxResponseBytes=" + this.maxResponseBytes + "]";
	}

}
