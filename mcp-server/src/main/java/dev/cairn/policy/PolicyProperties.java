package dev.cairn.policy;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Policy settings ({@code cairn.policy.*}).
 *
 * @param engine {@code rego} (in process, the default) or {@code opa}
 * @param dir the policy folder for {@code rego}; unset means {@code ./policies} when it
 * exists, else the guardrails shipped in the jar
 * @param entrypoint the decision document, for example {@code data.cairn.authz.decision}
 * @param watch whether {@code rego} reloads when a file under the folder changes
 * @param timeout the limit of one in-process evaluation
 * @param opa the OPA server for {@code opa}
 */
@ConfigurationProperties("cairn.policy")
public record PolicyProperties(String engine, String dir, String entrypoint, Boolean watch, Duration timeout, Opa opa) {

	public PolicyProperties {
		engine = (engine == null || engine.isBlank()) ? "rego" : engine.trim();
		dir = (dir == null || dir.isBlank()) ? null : dir;
		entrypoint = (entrypoint == null || entrypoint.isBlank()) ? "data.cairn.authz.decision" : entrypoint.trim();
		watch = (watch != null) ? watch : Boolean.TRUE;
		timeout = (timeout != null) ? timeout : Duration.ofSeconds(1);
		opa = (opa != null) ? opa : new Opa(null, null, null, null);
	}

	/**
	 * An OPA server.
	 *
	 * @param url its base URL, for example {@code http://opa:8181}
	 * @param path the document under {@code /v1/data}; unset means the entrypoint's path
	 * ({@code cairn/authz/decision})
	 * @param timeout the limit of one request, connection included
	 * @param token a bearer token, when OPA runs with {@code --authentication=token}
	 */
	public record Opa(URI url, String path, Duration timeout, String token) {

		public Opa {
			timeout = (timeout != null) ? timeout : Duration.ofSeconds(2);
		}

	}

	/** The OPA path of the decision: the configured one, else the entrypoint's. */
	String opaPath() {
		if (this.opa.path() != null && !this.opa.path().isBlank()) {
			return this.opa.path().replaceAll("^/+|/+$", "");
		}
		return this.entrypoint.replaceFirst("^data\\.", "").replace('.', '/');
	}

}
