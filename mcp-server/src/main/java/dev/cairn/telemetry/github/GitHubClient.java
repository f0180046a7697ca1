package dev.cairn.telemetry.github;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import dev.cairn.telemetry.BackendException;
import dev.cairn.telemetry.http.BackendHttp;
import dev.cairn.telemetry.http.BackendText;
import dev.cairn.telemetry.http.HttpAnswer;
import dev.cairn.telemetry.http.HttpAuth;
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

	static final String JSON = "application/vnd.github+json";

	private static final int JSON_LIMIT = 8 * 1024 * 1024;

	private static final int MAX_REDIRECTS = 3;

	private final GitHubSettings settings;

	private final BackendHttp http;

	private final String backend;

	GitHubClient(GitHubSettings settings) {
		this.settings = settings;
		this.http = BackendHttp.to("GitHub", settings.apiUrl())
			.auth(HttpAuth.bearer(settings.token()))
			.header("Accept", JSON)
			.header("X-GitHub-Api-Version", API_VERSION)
			.timeout(settings.timeout())
			.maxBodyBytes(JSON_LIMIT)
			.labelsNameTheEndpoint()
			.build();
		this.backend = "GitHub (" + BackendText.hostAndPort(settings.apiUrl()) + ")";
	}

	String backend() {
		return this.backend;
	}

	URI uri(String pathAndQuery) {
		return URI.create(this.http.url() + pathAndQuery);
	}

	BackendException fail(String message) {
		return new BackendException(this.backend, message);
	}

	BackendException fail(String message, Throwable cause) {
		return new BackendException(this.backend, message, cause);
	}

	/**
	 * A JSON GET on the API.
	 * @return the answer, or empty when GitHub answers 422 (an unknown commit, say); a
	 * 404 and every other failure throw
	 */
	Optional<JsonNode> getJson(URI uri, String repository, String accept) {
		HttpAnswer answer = get(uri, accept);
		if (answer.status() == 422) {
			return Optional.empty();
		}
		if (!answer.ok()) {
			throw failure(answer, repository);
		}
		return Optional.of(this.http.json(this.backend, answer));
	}

	/** A GET on the API answered as text (the {@code vnd.github.sha} media type). */
	Optional<String> getText(URI uri, String repository, String accept) {
		HttpAnswer answer = get(uri, accept);
		if (answer.status() == 422) {
			return Optional.empty();
		}
		if (!answer.ok()) {
			throw failure(answer, repository);
		}
		return Optional.of(answer.text().trim());
	}

	private HttpAnswer get(URI uri, String accept) {
		URI next = uri;
		for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
			HttpRequest.Builder request = this.http.request(next).GET();
			if (this.http.isOwnOrigin(next)) {
				request.setHeader("Accept", accept);
			}
			HttpAnswer answer = this.http.exchange(this.backend, request.build(), JSON_LIMIT);
			URI location = redirect(answer.status(), answer.headers(), next);
			if (location == null) {
				return answer;
			}
			next = location;
		}
		throw fail("redirected more than " + MAX_REDIRECTS + " times from " + uri.getPath());
	}

	/**
	 * Sends a GET with the API's headers and token when {@code api} is set and the URI is
	 * on the API's origin, and with none of them otherwise (a signed link to log storage
	 * needs nothing of ours, and must not get the token, whatever its host).
	 */
	<T> HttpResponse<T> send(URI uri, boolean api, Map<String, String> extra, HttpResponse.BodyHandler<T> handler) {
		HttpRequest.Builder request = (api ? this.http.request(uri) : this.http.anonymous(uri)).GET();
		extra.forEach(request::setHeader);
		return this.http.send(this.backend, request.build(), handler);
	}

	/** The redirect's target, or {@code null} when the answer is not a redirect. */
	URI redirect(int status, HttpHeaders headers, URI from) {
		if (status != 301 && status != 302 && status != 303 && status != 307 && status != 308) {
			return null;
		}
		String location = headers.firstValue("Location").orElse(null);
		if (location == null || location.isBlank()) {
			throw fail("answered HTTP " + status + " without a Location to follow");
		}
		URI target;
		try {
			target = from.resolve(location.trim());
		}
		catch (IllegalArgumentException ex) {
			throw fail("redirected to something that is not a URL", ex);
		}
		if (!"https".equals(target.getScheme()) && !"http".equals(target.getScheme())) {
			throw fail("redirected to a " + target.getScheme() + " URL, which is not followed");
		}
		if ("https".equals(from.getScheme()) && "http".equals(target.getScheme())) {
			throw fail("redirected from https to plain http, which is not followed");
		}
		return target;
	}

	/**
	 * GitHub's failure for a request about a repository, in words an agent can act on.
	 */
	BackendException failure(HttpAnswer answer, String repository) {
		int status = answer.status();
		HttpHeaders headers = answer.headers();
		String said = said(answer);
		String where = "repository " + repository;
		if (status == 403 || status == 429) {
			String limited = rateLimited(headers);
			if (limited != null) {
				return fail(limited + " (HTTP " + status + said + ")");
			}
			if (status == 429) {
				return fail("rate limited (HTTP 429" + said + "); try again later");
			}
			return fail(where + ": the token may not read its Actions (HTTP 403" + said
					+ "); it needs \"Actions: read\" on the repository");
		}
		if (status == 401) {
			return fail((this.settings.token() != null)
					? "refused the token (HTTP 401" + said + "); check that the GitHub token is valid and not expired"
					: "needs a token (HTTP 401" + said + "); configure a GitHub token");
		}
		if (status == 404) {
			return fail(where + " was not found, or the token may not see it (HTTP 404" + said
					+ "); check the component's github.com/project-slug annotation and the token's access");
		}
		return fail(where + ": GitHub answered HTTP " + status + said);
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
	private String said(HttpAnswer answer) {
		JsonNode error = answer.jsonOrNull();
		String message = (error != null && error.isObject()) ? error.path("message").asString(null) : null;
		String quoted = (message != null) ? this.http.quote(message) : this.http.excerpt(answer);
		return quoted.isEmpty() ? "" : ": " + quoted;
	}

}
