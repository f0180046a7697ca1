package dev.cairn.telemetry.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;

import dev.cairn.telemetry.Delivery;
import dev.cairn.telemetry.EnvironmentBackends;
import dev.cairn.telemetry.Logs;
import dev.cairn.telemetry.Metrics;
import dev.cairn.telemetry.argocd.ArgoCdDelivery;
import dev.cairn.telemetry.argocd.ArgoCdSettings;
import dev.cairn.telemetry.github.GitHubActionsBuilds;
import dev.cairn.telemetry.github.GitHubSettings;
import dev.cairn.telemetry.http.BackendText;
import dev.cairn.telemetry.kubernetes.KubernetesDeploymentStates;
import dev.cairn.telemetry.kubernetes.KubernetesSettings;
import dev.cairn.telemetry.loki.LokiLogs;
import dev.cairn.telemetry.loki.LokiSettings;
import dev.cairn.telemetry.prometheus.PrometheusMetrics;
import dev.cairn.telemetry.prometheus.PrometheusSettings;

/**
 * Builds the adapters {@link TelemetryProperties} configure: first every section's
 * settings, so that all mistakes are reported together, then the adapters. Nothing is
 * sent to a backend here; a backend that is down shows when a tool asks it.
 */
final class BackendsBuilder {

	static final String PREFIX = "cairn.telemetry";

	private BackendsBuilder() {
	}

	/**
	 * @param names the names under {@code cairn.telemetry} that were set, to find
	 * misspelt ones
	 * @throws IllegalStateException naming each property at fault when the configuration
	 * is invalid
	 */
	static ConfiguredBackends build(TelemetryProperties properties, Iterable<ConfigurationPropertyName> names) {
		Problems problems = new Problems();
		KnownProperties.check(names, problems);
		if (properties.environments().isEmpty()) {
			problems.add(PREFIX + ".environments", "cairn.telemetry.source=backends needs at least one environment, "
					+ "for example cairn.telemetry.environments.production.prometheus.url=http://prometheus:9090");
		}
		GitHubSettings gitHub = (properties.github() != null)
				? BackendSettings.gitHub(PREFIX + ".github", properties.github(), problems) : null;
		Map<String, Sections> sections = new LinkedHashMap<>();
		properties.environments()
			.forEach((name, environment) -> sections.put(name, sections(name, environment, problems)));
		problems.throwIfAny();
		List<AutoCloseable> resources = new ArrayList<>();
		try {
			Map<String, EnvironmentBackends> environments = new LinkedHashMap<>();
			Map<String, List<String>> descriptions = new LinkedHashMap<>();
			GitHubActionsBuilds builds = (gitHub != null) ? new GitHubActionsBuilds(gitHub) : null;
			sections.forEach((name, section) -> {
				List<String> described = new ArrayList<>();
				KubernetesDeploymentStates deployments = null;
				if (section.kubernetes() != null) {
					deployments = kubernetes(prefix(name) + ".kubernetes", section.kubernetes(), problems);
					if (deployments != null) {
						resources.add(deployments);
						described.add("deployments " + deployments.backend());
					}
				}
				Metrics metrics = null;
				if (section.prometheus() != null) {
					metrics = problems.check(prefix(name) + ".prometheus.url",
							() -> new PrometheusMetrics(section.prometheus()));
					described.add("metrics Prometheus (" + BackendText.display(section.prometheus().url()) + ")");
				}
				Logs logs = null;
				if (section.loki() != null) {
					logs = problems.check(prefix(name) + ".loki.url", () -> new LokiLogs(section.loki()));
					described.add("logs Loki (" + BackendText.display(section.loki().url()) + ")");
				}
				Delivery delivery = null;
				if (section.argoCd() != null) {
					ArgoCdDelivery argoCd = new ArgoCdDelivery(section.argoCd());
					delivery = argoCd;
					described.add("delivery " + argoCd.describe());
				}
				if (builds != null) {
					described.add("builds " + builds.describe());
				}
				environments.put(name, new EnvironmentBackends(name, deployments, logs, metrics, delivery, builds));
				descriptions.put(name, described);
			});
			problems.throwIfAny();
			return new ConfiguredBackends(environments, descriptions, resources);
		}
		catch (RuntimeException ex) {
			new ConfiguredBackends(Map.of(), Map.of(), resources).close();
			throw ex;
		}
	}

	private static Sections sections(String name, TelemetryProperties.Environment environment, Problems problems) {
		String prefix = prefix(name);
		if (name.isBlank()) {
			problems.add(prefix, "an environment needs a name");
		}
		if (environment == null || (environment.kubernetes() == null && environment.prometheus() == null
				&& environment.loki() == null && environment.argocd() == null)) {
			problems.add(prefix, "configures no backend; set at least one of kubernetes, prometheus, loki or argocd");
			return new Sections(null, null, null, null);
		}
		String namespace = null;
		KubernetesSettings kubernetes = null;
		if (environment.kubernetes() != null) {
			kubernetes = BackendSettings.kubernetes(prefix + ".kubernetes", environment.kubernetes(), problems);
			namespace = Problems.trimmed(environment.kubernetes().namespace());
		}
		PrometheusSettings prometheus = (environment.prometheus() != null)
				? BackendSettings.prometheus(prefix + ".prometheus", environment.prometheus(), namespace, problems)
				: null;
		LokiSettings loki = (environment.loki() != null)
				? BackendSettings.loki(prefix + ".loki", environment.loki(), namespace, problems) : null;
		ArgoCdSettings argoCd = (environment.argocd() != null)
				? BackendSettings.argoCd(prefix + ".argocd", environment.argocd(), problems) : null;
		return new Sections(kubernetes, prometheus, loki, argoCd);
	}

	/**
	 * The cluster's client; a kubeconfig that does not load is the kubeconfig's (or the
	 * context's) problem.
	 */
	private static KubernetesDeploymentStates kubernetes(String prefix, KubernetesSettings settings,
			Problems problems) {
		try {
			return new KubernetesDeploymentStates(settings);
		}
		catch (RuntimeException ex) {
			String property = (settings.context() != null) ? prefix + ".context"
					: (settings.kubeconfig() != null) ? prefix + ".kubeconfig" : prefix;
			problems.add(property, "the cluster's client cannot be made: " + ex.getMessage());
			return null;
		}
	}

	private static String prefix(String environment) {
		return PREFIX + ".environments." + environment;
	}

	/** One environment's settings, before the adapters are made. */
	private record Sections(KubernetesSettings kubernetes, PrometheusSettings prometheus, LokiSettings loki,
			ArgoCdSettings argoCd) {

	}

}
