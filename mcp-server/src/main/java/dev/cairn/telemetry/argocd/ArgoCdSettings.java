package dev.cairn.telemetry.argocd;

import java.net.URI;
import java.time.Duration;

import dev.cairn.telemetry.ServiceTarget;

/**
 * How to reach the Argo CD that deploys one environment, and how its applications are
 * named.
 *
 * <p>
 * The application of a service is named, in this order:
 * <ol>
 * <li>by {@code appNameTemplate} when it is set, with {@code {service}} replaced by the
 * service's name, {@code {environment}} by the environment and {@code {app}} by the
 * service's {@code argocd/app-name} annotation (the service's name when it has none), for
 * example {@code {service}-prod} or {@code {app}-{environment}};</li>
 * <li>else by the service's {@code argocd/app-name} annotation;</li>
 * <li>else {@code <service>-<environment>}, for example
 * {@code checkout-api-production}.</li>
 * </ol>
 *
 * @param url Argo CD's base URL, for example {@code https://argocd.example.com}
 * @param token an Argo CD API token (a project role's or a local account's), sent as a
 * bearer token; {@code null} for an Argo CD that lets anonymous users read
 * @param timeout the limit of one exchange with Argo CD
 * @param appNameTemplate how applications are named, or {@code null} (see above)
 * @param appNamespace the namespace the applications live in when they are not in Argo
 * CD's own ("apps in any namespace"), or {@code null}
 * @param project the Argo CD project the applications belong to, or {@code null}. Set it
 * when you can: without it Argo CD answers "permission denied" for an application that
 * does not exist (so as not to tell its existence to whoever asks), and Cairn cannot tell
 * a missing application from a token that may not read it
 * @param revisionLookups how many deploys of a history are looked up for their commit's
 * author and message (one call each)
 */
public record ArgoCdSettings(URI url, String token, Duration timeout, String appNameTemplate, String appNamespace,
		String project, int revisionLookups) {

	/** The default timeout. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

	/** The default number of commit lookups per history. */
	public static final int DEFAULT_REVISION_LOOKUPS = 5;

	public ArgoCdSettings {
		if (url == null || url.getHost() == null
				|| !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
			throw new IllegalArgumentException(
					"the Argo CD URL must be an http(s) URL such as https://argocd.example.com, not " + url);
		}
		if (url.getUserInfo() != null) {
			throw new IllegalArgumentException("the Argo CD URL must not carry credentials; give a token instead");
		}
		token = blankToNull(token);
		timeout = (timeout != null) ? timeout : DEFAULT_TIMEOUT;
		if (timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("the Argo CD timeout must be positive, got " + timeout);
		}
		appNameTemplate = blankToNull(appNameTemplate);
		appNamespace = blankToNull(appNamespace);
		project = blankToNull(project);
		if (revisionLookups < 0) {
			throw new IllegalArgumentException("revisionLookups must not be negative, got " + revisionLookups);
		}
	}

	/** Settings with the defaults: no template, namespace or project. */
	public ArgoCdSettings(URI url, String token) {
		this(url, token, DEFAULT_TIMEOUT, null, null, null, DEFAULT_REVISION_LOOKUPS);
	}

	/** The name of the service's application in this Argo CD (see the class comment). */
	public String applicationName(ServiceTarget target) {
		String annotated = target.annotation(ServiceTarget.ARGOCD_APP_NAME, null);
		if (this.appNameTemplate != null) {
			return this.appNameTemplate.replace("{service}", target.service())
				.replace("{environment}", target.environment())
				.replace("{app}", (annotated != null) ? annotated : target.service());
		}
		return (annotated != null) ? annotated : target.service() + "-" + target.environment();
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

	/** Never shows the token. */
	@Override
	public String toString() {
		return "ArgoCdSettings[url=" + this.url + ", token=" + ((this.token != null) ? "(set)" : "(none)")
				+ ", timeout=" + this.timeout + ", appNameTemplate=" + this.appNameTemplate + ", appNamespace="
				+ this.appNamespace + ", project=" + this.project + ", revisionLookups=" + this.revisionLookups + "]";
	}

}
