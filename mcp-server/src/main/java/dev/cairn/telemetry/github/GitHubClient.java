package dev.cairn.telemetry.github;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

import dev.cairn.telemetry.BackendException;
import dev.cairn.telemetry.http.BackendHttp;
import dev.cairn.telemetry.http.CappedBody;
import tools.jackson.databind.JsonNode;

/**
 * GitHub's REST API as the Actions adapter calls it: the documented headers
 * ({@code Accept: application/vnd.github+json}, {@code X-GitHub-Api-Version: 2022-11-28},
 * a bearer token), redirects within the API followed with the token (GitHub answers 301
 * for a renamed repository) and redirects elsewhere followed without it, and GitHub's
 * ways of failing read for what they mean: an exhausted rate limit (403 or 429 with
 * {@code x-ratelimit-remaining: 0}, or a {@code retry-after}), a refused token (401), a
 * repository that does not exist or that the token may not see (404).
 */
final class GitHubClient {

	static final String API_VERSION = "2022-11-28";

	private static final int JSON_LIMIT = 8 * 1024 * 1024;

	private static final int MAX_REDIRECTS = 3;

	private final GitHubSettings settings;

	private final URI api;

	private final BackendHttp http;

	GitHubClient(GitHubSettings settings) {
		this.settings = settings;
		String base = settings.apiUrl().toString().replaceAll("/+$", "");
		this.api = URI.create(base);
		this.http = new BackendHttp("GitHub (" + BackendHttp.hostAndPort(this.api) + ")", settings.timeout());
	}

	String backend() {
		return this.http.backend();
	}

	BackendHttp http() {
		return this.http;
	}

	URI uri(String pathAndQuery) {
		return URI.create(this.api + pathAndQuery);
	}

	/**
	 * A JSON GET on the API.
	 * @return the answer, or empty when GitHub answers 422 (an unknown commit, say); a
	 * 404 and every other failure throw
	 */
	Optional<JsonNode> getJson(URI uri, String repository, String accept) {
		BackendHttp.Answer answer = get(uri, accept);
		if (answer.status() == 422) {
			return Optional.empty();
		}
		if (!answer.ok()) {
			throw failure(answer.status(), answer.headers(), answer.content(), repository);
		}
		return Optional.of(this.http.json(answer));
	}

	/** A GET on the API answered as text (the {@code vnd.github.sha} media type). */
	Optional<String> getText(URI uri, String repository, String accept) {
		BackendHttp.Answer answer = get(uri, accept);
		if (answer.status() == 422) {
			return Optional.empty();
		}
		if (!answer.ok()) {
			throw failure(answer.status(), answer.headers(), answer.content(), repository);
		}
		return Optional.of(answer.text().trim());
	}

	private BackendHttp.Answer get(URI uri, String accept) {
		URI next = uri;
		for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
			BackendHttp.Answer answer = this.http.get(next, headers(next, accept), JSON_LIMIT);
			URI location = redirect(answer.status(), answer.headers(), next);
			if (location == null) {
				return answer;
			}
			next = location;
		}
		throw this.http.fail("redirected more than " + MAX_REDIRECTS + " times from " + uri.getPath());
	}

	/**
	 * Sends a GET with the API's headers and token when {@code api} is set and the URI is
	 * on the API's host, and with none of them otherwise (a signed link to log storage
	 * needs nothing of ours, and must not get the token, whatever its host).
	 */
	<T> HttpResponse<T> send(URI uri, boolean api, Map<String, String> extra, HttpResponse.BodyHandler<T> handler) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(this.settings.timeout()).GET();
		if (api) {
			headers(uri, "application/vnd.github+json").forEach(request::header);
		}
		extra.forEach(request::header);
		return this.http.send(request.build(), handler);
	}

	/** The redirect's target, or {@code null} when the answer is not a redirect. */
	URI redirect(int status, HttpHeaders headers, URI from) {
		if (status != 301 && status != 302 && status != 303 && status != 307 && status != 308) {
			return null;
		}
		String location = headers.firstValue("Location").orElse(null);
		if (location == null || location.isBlank()) {
			throw this.http.fail("answered HTTP " + status + " without a Location to follow");
		}
		URI target;
		try {
			target = from.resolve(location.trim());
		}
		catch (IllegalArgumentException ex) {
			throw this.http.fail("redirected to something that is not a URL", ex);
		}
		if (!"https".equals(target.getScheme()) && !"http".equals(target.getScheme())) {
			throw this.http.fail("redirected to a " + target.getScheme() + " URL, which is not followed");
		}
		if ("https".equals(from.getScheme()) && "http".equals(target.getScheme())) {
			throw this.http.fail("redirected from https to plain http, which is not followed");
		}
		return target;
	}

	/** Whether a URI is on the API's own origin, where the token may go. */
	boolean isApi(URI uri) {
		return Objects.equals(uri.getScheme(), this.api.getScheme())
				&& Objects.equals(uri.getHost(), this.api.getHost()) && uri.getPort() == this.api.getPort();
	}

	private Map<String, String> headers(URI uri, String accept) {
		Map<String, String> headers = new LinkedHashMap<>();
		if (!isApi(uri)) {
			// Log storage is reached through a signed URL: it needs nothing of ours.
			return headers;
		}
		headers.put("Accept", accept);
		headers.put("X-GitHub-Api-Version", API_VERSION);
		if (this.settings.token() != null) {
			headers.put("Authorization", "Bearer " + this.settings.token());
		}
		return headers;
	}

	/**
	 * GitHub's failure for a request about a repository, in words an agent can act on.
	 */
	BackendException failure(int status, HttpHeaders headers, byte[] body, String repository) {
		String said = said(body);
		String where = "repository " + repository;
		if (status == 403 || status == 429) {
			String limited = rateLimited(headers);
			if (limited != null) {
				return this.http.fail(limited + " (HTTP " + status + said + ")");
			}
			if (status == 429) {
				return this.http.fail("rate limited (HTTP 429" + said + "); try again later");
			}
			return this.http.fail(where + ": the token may not read its Actions (HTTP 403" + said
					+ "); it needs \"Actions: read\" on the repository");
		}
		if (status == 401) {
			return this.http.fail((this.settings.token() != null)
					? "refused the token (HTTP 401" + said + "); check that the GitHub token is valid and not expired"
					: "needs a token (HTTP 401" + said + "); configure a GitHub token");
		}
		if (status == 404) {
			return this.http.fail(where + " was not found, or the token may not see it (HTTP 404" + said
					+ "); check the component's github.com/project-slug annotation and the token's access");
		}
		return this.http.fail(where + ": GitHub answered HTTP " + status + said);
	}

	/**
	 * What an exhausted rate limit says about waiting, or {@code null} when the answer is
	 * not one.
	 */
	static String rateLimited(HttpHeaders headers) {
		OptionalLong retryAfter = number(headers, "retry-after");
		if (headers.firstValue("x-ratelimit-remaining").map(String::trim).filter("0"::equals).isPresent()) {
			OptionalLong reset = number(headers, "x-ratelimit-reset");
			String limit = headers.firstValue("x-ratelimit-limit").map((value) -> " of " + value.trim()).orElse("");
			return "the API rate limit" + limit + " requests is used up; it resets at "
					+ (reset.isPresent() ? Instant.ofEpochSecond(reset.getAsLong()).toString() : "an unknown time");
		}
		if (retryAfter.isPresent()) {
			return "a secondary rate limit was hit; GitHub asks to wait " + retryAfter.getAsLong()
					+ " s before trying again";
		}
		return null;
	}

	private static OptionalLong number(HttpHeaders headers, String name) {
		Optional<String> value = headers.firstValue(name);
		if (value.isEmpty()) {
			return OptionalLong.empty();
		}
		try {
			return OptionalLong.of(Long.parseLong(value.get().trim()));
		}
		catch (NumberFormatException ex) {
			return OptionalLong.empty();
		}
	}

	/** GitHub's {@code message} from an error body, scrubbed of the token. */
	private String said(byte[] body) {
		JsonNode error = BackendHttp.jsonOrNull(body);
		String message = (error != null && error.isObject()) ? error.path("message").asString(null) : null;
		if (message == null) {
			message = new String(body, StandardCharsets.UTF_8);
		}
		String quoted = BackendHttp.quote(BackendHttp.scrub(message, this.settings.token()));
		return quoted.isEmpty() ? "" : ": " + quoted;
	}

	/** Reads an error body of a streamed request into something to quote. */
	static HttpResponse.BodySubscriber<CappedBody.Bytes> errorBody() {
		return CappedBody.truncatedAt(BackendHttp.ERROR_BODY_LIMIT);
	}

}
