package dev.cairn.telemetry.argocd;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.cairn.telemetry.BackendException;
import dev.cairn.telemetry.http.BackendHttp;
import dev.cairn.telemetry.http.HttpAnswer;
import dev.cairn.telemetry.http.HttpAuth;
import tools.jackson.databind.JsonNode;

/**
 * The two Argo CD API calls the adapter makes, with Argo CD's way of failing: its gateway
 * answers errors as {@code {"error": ..., "code": <gRPC code>, "message": ...}} with 401
 * for a missing, expired or unknown token (code 16), 403 for "permission denied" (code 7,
 * also what an application that does not exist gets when no project is named) and 404 for
 * a missing application when a project is named (code 5).
 */
final class ArgoCdClient {

	/** Applications carry their resources and managed fields: big, but not unbounded. */
	private static final int APPLICATION_LIMIT = 16 * 1024 * 1024;

	private static final int METADATA_LIMIT = 256 * 1024;

	private final ArgoCdSettings settings;

	private final BackendHttp http;

	private final String backend;

	ArgoCdClient(ArgoCdSettings settings) {
		this.settings = settings;
		this.http = BackendHttp.to("Argo CD", settings.url())
			.auth(HttpAuth.bearer(settings.token()))
			.timeout(settings.timeout())
			.maxBodyBytes(APPLICATION_LIMIT)
			.labelsNameTheEndpoint()
			.build();
		this.backend = "Argo CD (" + this.http.url() + ")";
	}

	String backend() {
		return this.backend;
	}

	/**
	 * {@code GET /api/v1/applications/{name}}: the application, or empty when Argo CD
	 * says it does not exist.
	 */
	Optional<JsonNode> application(String name) {
		Map<String, String> query = new LinkedHashMap<>();
		query.put("appNamespace", this.settings.appNamespace());
		query.put("projects", this.settings.project());
		HttpAnswer answer = this.http.get(this.backend, "/api/v1/applications/" + segment(name), query);
		if (answer.status() == 404) {
			if (!isArgoCdError(answer)) {
				throw fail("answered HTTP 404 for application " + name + " with something that is not an "
						+ "Argo CD error: " + this.http.excerpt(answer) + "; is the URL Argo CD's?");
			}
			return Optional.empty();
		}
		if (!answer.ok()) {
			throw failure(answer, name);
		}
		JsonNode application = this.http.json(this.backend, answer);
		if (!application.isObject() || !application.path("metadata").isObject()) {
			throw fail("answered something that is not an application: " + this.http.excerpt(answer));
		}
		return Optional.of(application);
	}

	/**
	 * {@code GET /api/v1/applications/{name}/revisions/{revision}/metadata}: the commit's
	 * author, date, tags and message, or empty when Argo CD cannot say (the revision is
	 * gone from the repository, the token may not read it).
	 * @throws BackendException when Argo CD cannot be reached or does not answer in time
	 */
	Optional<JsonNode> revisionMetadata(String name, String revision) {
		Map<String, String> query = new LinkedHashMap<>();
		query.put("appNamespace", this.settings.appNamespace());
		query.put("project", this.settings.project());
		HttpAnswer answer = this.http.get(this.backend,
				"/api/v1/applications/" + segment(name) + "/revisions/" + segment(revision) + "/metadata", query,
				METADATA_LIMIT);
		if (!answer.ok()) {
			return Optional.empty();
		}
		// Too long is a BackendException (json refuses it): it ends the lookups.
		JsonNode metadata = answer.cut() ? this.http.json(this.backend, answer) : answer.jsonOrNull();
		return (metadata != null && metadata.isObject()) ? Optional.of(metadata) : Optional.empty();
	}

	private BackendException failure(HttpAnswer answer, String name) {
		String said = said(answer);
		int status = answer.status();
		if (status == 401) {
			return fail((this.settings.token() != null)
					? "refused the token (HTTP 401" + said + "); check that the Argo CD token is valid and not expired"
					: "needs a token (HTTP 401" + said + "); configure an Argo CD API token");
		}
		if (status == 403) {
			if (this.settings.project() != null) {
				return fail("the token may not read application " + name + " in project " + this.settings.project()
						+ " (HTTP 403" + said + ")");
			}
			return fail("application " + name + " does not exist, or the token may not read it (HTTP 403" + said
					+ "); Argo CD tells the two apart only when the adapter is configured with the "
					+ "application's project");
		}
		return fail("answered HTTP " + status + said + " for application " + name);
	}

	/**
	 * Whether an error body is Argo CD's gateway error ({@code code} and
	 * {@code message}), rather than a 404 page of whatever else answers at the URL.
	 */
	private static boolean isArgoCdError(HttpAnswer answer) {
		JsonNode error = answer.jsonOrNull();
		return error != null && error.isObject() && error.path("code").isNumber() && error.has("message");
	}

	/** Argo CD's own words from an error body, scrubbed of the token. */
	private String said(HttpAnswer answer) {
		JsonNode error = answer.jsonOrNull();
		String message = null;
		if (error != null && error.isObject()) {
			message = error.path("message").asString(null);
			if (message == null || message.isBlank()) {
				message = error.path("error").asString(null);
			}
		}
		if (message == null || message.isBlank()) {
			message = answer.text();
		}
		String quoted = this.http.quote(message);
		return quoted.isEmpty() ? "" : ": " + quoted;
	}

	private BackendException fail(String message) {
		return new BackendException(this.backend, message);
	}

	private static String segment(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
