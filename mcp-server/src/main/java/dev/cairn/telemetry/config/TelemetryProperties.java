package dev.cairn.telemetry.config;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the telemetry tools read from ({@code cairn.telemetry.*}): the embedded sandbox,
 * or real backends configured per environment.
 *
 * <p>
 * Values are kept as written (URLs as text, say) and checked when the backends are built
 * from them, so that a mistake is reported with the property that holds it. Tokens and
 * passwords never appear in {@code toString()}.
 *
 * @param source {@code sandbox} (the default) or {@code backends}
 * @param environments each environment's backends, by environment name, in the order
 * configured
 * @param github the CI system, shared by every environment (CI builds a commit once,
 * whatever it is deployed to); {@code null} when not configured
 */
@ConfigurationProperties("cairn.telemetry")
public record TelemetryProperties(String source, Map<String, Environment> environments, GitHub github) {

	/** The default {@link #source()}. */
	public static final String SANDBOX = "sandbox";

	/** The {@link #source()} that builds the real backends configured here. */
	public static final String BACKENDS = "backends";

	public TelemetryProperties {
		source = (source == null || source.isBlank()) ? SANDBOX : source.trim();
		environments = (environments != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(environments))
				: Map.of();
	}

	/**
	 * The backends of one environment; each is {@code null} when not configured.
	 *
	 * @param kubernetes the cluster the service runs in (deployment state)
	 * @param prometheus the metrics store
	 * @param loki the log store
	 * @param argocd the delivery system
	 */
	public record Environment(Kubernetes kubernetes, Prometheus prometheus, Loki loki, ArgoCd argocd) {

	}

	/**
	 * A Kubernetes cluster: an {@code apiServer} with a {@code token}, or a
	 * {@code kubeconfig} file and/or {@code context} (neither: what kubectl would use, or
	 * the pod's service account).
	 *
	 * @param apiServer the API server's URL
	 * @param token a bearer token for the API server
	 * @param kubeconfig a kubeconfig file
	 * @param context the kubeconfig context
	 * @param namespace where services live when the catalog does not say
	 * @param timeout the limit of one API request
	 * @param trustCerts accept any server certificate (test clusters only)
	 * @param caFile the CA bundle of the API server's certificate
	 */
	public record Kubernetes(String apiServer, String token, String kubeconfig, String context, String namespace,
			Duration timeout, Boolean trustCerts, String caFile) {

		@Override
		public String toString() {
			return "Kubernetes[apiServer=" + Secrets.withoutUserInfo(this.apiServer) + ", token="
					+ Secrets.shown(this.token) + ", kubeconfig=" + this.kubeconfig + ", context=" + this.context
					+ ", namespace=" + this.namespace + ", timeout=" + this.timeout + ", trustCerts=" + this.trustCerts
					+ ", caFile=" + this.caFile + "]";
		}

	}

	/**
	 * A Prometheus.
	 *
	 * @param url its base URL
	 * @param token a bearer token, or
	 * @param username with {@code password}, HTTP basic credentials
	 * @param password the basic password
	 * @param timeout the limit of one query
	 * @param namespace where services live when the catalog does not say; the Kubernetes
	 * namespace of the environment when unset
	 * @param queries PromQL templates by metric wire name ({@code error_rate}, ...), over
	 * the defaults
	 */
	public record Prometheus(String url, String token, String username, String password, Duration timeout,
			String namespace, Map<String, String> queries) {

		public Prometheus {
			queries = (queries != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(queries)) : Map.of();
		}

		@Override
		public String toString() {
			return "Prometheus[url=" + Secrets.withoutUserInfo(this.url) + ", token=" + Secrets.shown(this.token)
					+ ", username=" + this.username + ", password=" + Secrets.shown(this.password) + ", timeout="
					+ this.timeout + ", namespace=" + this.namespace + ", queries=" + this.queries + "]";
		}

	}

	/**
	 * A Loki.
	 *
	 * @param url its base URL
	 * @param token a bearer token, or
	 * @param username with {@code password}, HTTP basic credentials
	 * @param password the basic password
	 * @param tenant the {@code X-Scope-OrgID} of a multi-tenant Loki
	 * @param timeout the limit of one query
	 * @param namespace where services live when the catalog does not say; the Kubernetes
	 * namespace of the environment when unset
	 * @param selector the stream selector's labels and value templates, in order
	 * @param levelLabel the label that holds each line's level, when one does
	 */
	public record Loki(String url, String token, String username, String password, String tenant, Duration timeout,
			String namespace, Map<String, String> selector, String levelLabel) {

		public Loki {
			selector = (selector != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(selector)) : Map.of();
		}

		@Override
		public String toString() {
			return "Loki[url=" + Secrets.withoutUserInfo(this.url) + ", token=" + Secrets.shown(this.token)
					+ ", username=" + this.username + ", password=" + Secrets.shown(this.password) + ", tenant="
					+ this.tenant + ", timeout=" + this.timeout + ", namespace=" + this.namespace + ", selector="
					+ this.selector + ", levelLabel=" + this.levelLabel + "]";
		}

	}

	/**
	 * An Argo CD.
	 *
	 * @param url its base URL
	 * @param token an API token
	 * @param timeout the limit of one request
	 * @param appNameTemplate how applications are named ({@code {service}},
	 * {@code {environment}}, {@code {app}})
	 * @param appNamespace the applications' namespace, when not Argo CD's own
	 * @param project the applications' project
	 */
	public record ArgoCd(String url, String token, Duration timeout, String appNameTemplate, String appNamespace,
			String project) {

		@Override
		public String toString() {
			return "ArgoCd[url=" + Secrets.withoutUserInfo(this.url) + ", token=" + Secrets.shown(this.token)
					+ ", timeout=" + this.timeout + ", appNameTemplate=" + this.appNameTemplate + ", appNamespace="
					+ this.appNamespace + ", project=" + this.project + "]";
		}

	}

	/**
	 * GitHub's REST API, for GitHub Actions.
	 *
	 * @param apiUrl the API's base URL; {@code https://api.github.com} when unset
	 * @param token a token that may read the repositories' Actions
	 * @param timeout the limit of one request
	 */
	public record GitHub(String apiUrl, String token, Duration timeout) {

		@Override
		public String toString() {
			return "GitHub[apiUrl=" + Secrets.withoutUserInfo(this.apiUrl) + ", token=" + Secrets.shown(this.token)
					+ ", timeout=" + this.timeout + "]";
		}

	}

}
