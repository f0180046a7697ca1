package dev.cairn.telemetry.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.cairn.telemetry.NamedMetric;
import dev.cairn.telemetry.argocd.ArgoCdSettings;
import dev.cairn.telemetry.github.GitHubSettings;
import dev.cairn.telemetry.http.HttpAuth;
import dev.cairn.telemetry.kubernetes.KubernetesSettings;
import dev.cairn.telemetry.loki.LokiSettings;
import dev.cairn.telemetry.prometheus.PrometheusSettings;

/**
 * Maps each section of {@link TelemetryProperties} onto its adapter's settings record,
 * recording every mistake in {@link Problems} against the property that holds it. Each
 * method returns {@code null} when its section has a problem.
 */
final class BackendSettings {

	private static final Pattern APP_NAME_PLACEHOLDER = Pattern.compile("\\{([^}]*)}");

	private BackendSettings() {
	}

	static KubernetesSettings kubernetes(String prefix, TelemetryProperties.Kubernetes k, Problems problems) {
		URI apiServer = null;
		if (Problems.present(k.apiServer())) {
			apiServer = problems.url(prefix + ".api-server", k.apiServer(), "https://kubernetes.example.com:6443");
			if (Problems.present(k.kubeconfig())) {
				problems.add(prefix + ".kubeconfig", "set either api-server (with token) or kubeconfig, not both");
			}
			if (Problems.present(k.context())) {
				problems.add(prefix + ".context",
						"names a context of a kubeconfig, and api-server is set; set either api-server or kubeconfig/context");
			}
		}
		else {
			if (Problems.present(k.token())) {
				problems.add(prefix + ".token",
						"is sent only to api-server, which is not set; set api-server, or let the kubeconfig hold the credentials");
			}
			if (Problems.present(k.caFile())) {
				problems.add(prefix + ".ca-file", "is used only with api-server; a kubeconfig names its own CA");
			}
			if (Boolean.TRUE.equals(k.trustCerts())) {
				problems.add(prefix + ".trust-certs", "is used only with api-server");
			}
		}
		Path kubeconfig = problems.file(prefix + ".kubeconfig", k.kubeconfig());
		Path caFile = problems.file(prefix + ".ca-file", k.caFile());
		Duration timeout = problems.timeout(prefix + ".timeout", k.timeout());
		return new KubernetesSettings(apiServer, Problems.trimmed(k.token()), kubeconfig, Problems.trimmed(k.context()),
				Problems.trimmed(k.namespace()), timeout, Boolean.TRUE.equals(k.trustCerts()), caFile, null);
	}

	static PrometheusSettings prometheus(String prefix, TelemetryProperties.Prometheus p, String namespace,
			Problems problems) {
		URI url = problems.url(prefix + ".url", p.url(), "http://prometheus:9090");
		HttpAuth auth = problems.auth(prefix, p.token(), p.username(), p.password());
		Duration timeout = problems.timeout(prefix + ".timeout", p.timeout());
		if (url == null) {
			return null;
		}
		PrometheusSettings settings = PrometheusSettings.of(url)
			.withAuth(auth)
			.withDefaultNamespace(Problems.present(p.namespace()) ? p.namespace() : namespace);
		if (timeout != null) {
			settings = settings.withTimeout(timeout);
		}
		for (Map.Entry<String, String> query : p.queries().entrySet()) {
			String property = prefix + ".queries." + query.getKey();
			NamedMetric metric = NamedMetric
				.byWireName(query.getKey().trim().toLowerCase(Locale.ROOT).replace('-', '_'));
			if (metric == null) {
				problems.add(property,
						"there is no metric named " + query.getKey() + "; the metrics are "
								+ Arrays.stream(NamedMetric.values())
									.map(NamedMetric::wireName)
									.collect(Collectors.joining(", ")));
				continue;
			}
			if (!Problems.present(query.getValue())) {
				problems.add(property, "is empty; remove it to use the default query");
				continue;
			}
			PrometheusSettings base = settings;
			PrometheusSettings changed = problems.check(property, () -> base.withQuery(metric, query.getValue()));
			settings = (changed != null) ? changed : settings;
		}
		return settings;
	}

	static LokiSettings loki(String prefix, TelemetryProperties.Loki l, String namespace, Problems problems) {
		URI url = problems.url(prefix + ".url", l.url(), "http://loki:3100");
		HttpAuth auth = problems.auth(prefix, l.token(), l.username(), l.password());
		Duration timeout = problems.timeout(prefix + ".timeout", l.timeout());
		if (url == null) {
			return null;
		}
		LokiSettings base = LokiSettings.of(url)
			.withAuth(auth)
			.withDefaultNamespace(Problems.present(l.namespace()) ? l.namespace() : namespace);
		LokiSettings settings = base;
		if (timeout != null) {
			settings = settings.withTimeout(timeout);
		}
		LokiSettings current = settings;
		settings = orElse(problems.check(prefix + ".tenant", () -> current.withTenant(l.tenant())), settings);
		Map<String, String> selector = new LinkedHashMap<>();
		for (Map.Entry<String, String> label : l.selector().entrySet()) {
			if (problems.check(prefix + ".selector." + label.getKey(),
					() -> base.withSelector(Map.of(label.getKey(), String.valueOf(label.getValue())))) != null) {
				selector.put(label.getKey(), label.getValue());
			}
		}
		LokiSettings selected = settings.withSelector(selector);
		return orElse(problems.check(prefix + ".level-label", () -> selected.withLevelLabel(l.levelLabel())), selected);
	}

	static ArgoCdSettings argoCd(String prefix, TelemetryProperties.ArgoCd a, Problems problems) {
		URI url = problems.url(prefix + ".url", a.url(), "https://argocd.example.com");
		Duration timeout = problems.timeout(prefix + ".timeout", a.timeout());
		if (Problems.present(a.appNameTemplate())) {
			Matcher placeholder = APP_NAME_PLACEHOLDER.matcher(a.appNameTemplate());
			while (placeholder.find()) {
				String name = placeholder.group(1);
				if (!name.equals("service") && !name.equals("environment") && !name.equals("app")) {
					problems.add(prefix + ".app-name-template",
							"unknown placeholder {" + name + "}; use {service}, {environment} or {app}");
				}
			}
		}
		if (url == null) {
			return null;
		}
		return problems.check(prefix, () -> new ArgoCdSettings(url, a.token(), timeout, a.appNameTemplate(),
				a.appNamespace(), a.project(), ArgoCdSettings.DEFAULT_REVISION_LOOKUPS));
	}

	static GitHubSettings gitHub(String prefix, TelemetryProperties.GitHub g, Problems problems) {
		URI url = Problems.present(g.apiUrl())
				? problems.url(prefix + ".api-url", g.apiUrl(), GitHubSettings.GITHUB_COM.toString())
				: GitHubSettings.GITHUB_COM;
		Duration timeout = problems.timeout(prefix + ".timeout", g.timeout());
		if (url == null) {
			return null;
		}
		return problems.check(prefix,
				() -> new GitHubSettings(url, g.token(), (timeout != null) ? timeout : GitHubSettings.DEFAULT_TIMEOUT,
						GitHubSettings.DEFAULT_MAX_RUNS, GitHubSettings.DEFAULT_MAX_JOBS,
						GitHubSettings.DEFAULT_MAX_LOG_BYTES));
	}

	private static <T> T orElse(T value, T fallback) {
		return (value != null) ? value : fallback;
	}

}
