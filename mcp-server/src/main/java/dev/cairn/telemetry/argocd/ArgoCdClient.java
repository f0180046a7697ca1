package dev.cairn.telemetry.argocd;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.cairn.telemetry.BackendException;
import dev.cairn.telemetry.http.BackendHttp;
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

	private final String base;

	private final BackendHttp http;

	ArgoCdClient(ArgoCdSettings settings) {
		this.settings = settings;
		this.base = BackendHttp.display(settings.url());
		this.http = new BackendHttp("Argo CD (" + this.base + ")", settings.timeout());
	}

	String backend() {
		return this.http.backend();
	}

	/**
	 * {@code GET /api/v1/applications/{name}}: the application, or empty when Argo CD
	 * says it does not exist.
	 */
	Optional<JsonNode> application(String name) {
		Map<String, String> query = new LinkedHashMap<>();
		query.put("appNamespace", this.settings.appNamespace());
		query.put("projects", this.settings.project());
		BackendHttp.Answer answer = this.http.get(uri("/api/v1/applications/" + segment(name), query), headers(),
				APPLICATION_LIMIT);
		if (answer.status() == 404) {
			if (!isArgoCdError(answer)) {
				throw this.http.fail("answered HTTP 404 for application " + name + " with something that is not an "
						+ "Argo CD error: " + quote(answer.text()) + "; is the URL Argo CD's?");
			}
			return Optional.empty();
		}
		if (!answer.ok()) {
			throw failure(answer, name);
		}
		JsonNode application = this.http.json(answer);
		if (!application.isObject() || !application.path("metadata").isObject()) {
			throw this.http.fail("answered something that is not an application: " + quote(answer.text()));
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
		BackendHttp.Answer answer = this.http.get(
				uri("/api/v1/applications/" + segment(name) + "/revisions/" + segment(revision) + "/metadata", query),
				headers(), METADATA_LIMIT);
		if (!answer.ok()) {
			return Optional.empty();
		}
		JsonNode metadata = BackendHttp.jsonOrNull(answer.content());
		return (metadata != null && metadata.isObject()) ? Optional.of(metadata) : Optional.empty();
	}

	private BackendException failure(BackendHttp.Answer answer, String name) {
		String said = said(answer);
		int status = answer.status();
		if (status == 401) {
			return this.http.fail((this.settings.token() != null)
					? "refused the token (HTTP 401" + said + "); check that the Argo CD token is valid and not expired"
					: "needs a token (HTTP 401" + said + "); configure an Argo CD API token");
		}
		if (status == 403) {
			if (this.settings.project() != null) {
				return this.http.fail("the token may not read application " + name + " in project "
						+ this.settings.project() + " (HTTP 403" + said + ")");
			}
			return this.http.fail("application " + name + " does not exist, or the token may not read it (HTTP 403"
					+ said + "); Argo CD tells the two apart only when the adapter is configured with the "
					+ "application's project");
		}
		return this.http.fail("answered HTTP " + status + said + " for application " + name);
	}

	/**
	 * Whether an error body is Argo CD's gateway error ({@code code} and
	 * {@code message}), rather than a 404 page of whatever else answers at the URL.
	 */
	private static boolean isArgoCdError(BackendHttp.Answer answer) {
		JsonNode error = BackendHttp.jsonOrNull(answer.content());
		return error != null && error.isObject() && error.path("code").isNumber() && error.has("message");
	}

	/** Argo CD's own words from an error body, scrubbed of the token. */
	private String said(BackendHttp.Answer answer) {
		JsonNode error = BackendHttp.jsonOrNull(answer.content());
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
		String quoted = quote(message);
		return quoted.isEmpty() ? "" : ": " + quoted;
	}

	private String quote(String text) {
		return BackendHttp.quote(BackendHttp.scrub(text, this.settings.token()));
	}

	private Map<String, String> headers() {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Accept", "application/json");
		if (this.settings.token() != null) {
			headers.put("Authorization", "Bearer " + this.settings.token());
		}
		return headers;
	}

	private URI uri(String path, Map<String, String> query) {
		StringBuilder uri = new StringBuilder(this.base).append(path);
		char separator = '?';
		for (Map.Entry<String, String> parameter : query.entrySet()) {
			if (parameter.getValue() != null) {
				uri.append(separator).append(parameter.getKey()).append('=').append(encode(parameter.getValue()));
				separator = '&';
			}
		}
		return URI.create(uri.toString());
	}

	private static String segment(String value) {
		return encode(value).replace("+", "%20");
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
