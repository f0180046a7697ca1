package dev.cairn.telemetry.github;

import java.net.URI;
import java.time.Duration;

/**
 * How to reach GitHub's REST API, and how much to read from it.
 *
 * @param apiUrl the API's base URL: {@code https://api.github.com} for github.com (the
 * default when {@code null}), {@code https://<host>/api/v3} for GitHub Enterprise Server
 * @param token a token that may read the repositories' Actions (a fine-grained token with
 * "Actions: read", a classic token with {@code repo} for private repositories, or a
 * GitHub App installation token); {@code null} for public repositories only, at GitHub's
 * anonymous rate limit
 * @param timeout the limit of one exchange with GitHub (a log download is one exchange)
 * @param maxRuns at most this many workflow runs per commit
 * @param maxJobs at most this many jobs per failed run
 * @param maxLogBytes at most this many bytes of a job's log are read: its end, when the
 * storage serves byte ranges, else its beginning
 */
public record GitHubSettings(URI apiUrl, String token, Duration timeout, int maxRuns, int maxJobs, int maxLogBytes) {

	public static final URI GITHUB_COM = URI.create("https://api.github.com");

	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

	public static final int DEFAULT_MAX_RUNS = 10;

	public static final int DEFAULT_MAX_JOBS = 30;

	public static final int DEFAULT_MAX_LOG_BYTES = 2 * 1024 * 1024;

	public GitHubSettings {
		apiUrl = (apiUrl != null) ? apiUrl : GITHUB_COM;
		if (apiUrl.getHost() == null || !("http".equals(apiUrl.getScheme()) || "https".equals(apiUrl.getScheme()))) {
			throw new IllegalArgumentException("the GitHub API URL must be an http(s) URL such as " + GITHUB_COM
					+ " or https://github.example.com/api/v3, not " + apiUrl);
		}
		if (apiUrl.getUserInfo() != null) {
			throw new IllegalArgumentException("the GitHub API URL must not carry credentials; give a token instead");
		}
		token = (token == null || token.isBlank()) ? null : token.trim();
		timeout = (timeout != null) ? timeout : DEFAULT_TIMEOUT;
		if (timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("the GitHub timeout must be positive, got " + timeout);
		}
		if (maxRuns < 1 || maxRuns > 100) {
			throw new IllegalArgumentException("maxRuns must be between 1 and 100 (a page), got " + maxRuns);
		}
		if (maxJobs < 1 || maxJobs > 100) {
			throw new IllegalArgumentException("maxJobs must be between 1 and 100 (a page), got " + maxJobs);
		}
		if (maxLogBytes < 1024) {
			throw new IllegalArgumentException("maxLogBytes must be at least 1024, got " + maxLogBytes);
		}
	}

	/** Settings with the default timeout and limits. */
	public GitHubSettings(URI apiUrl, String token) {
		this(apiUrl, token, DEFAULT_TIMEOUT, DEFAULT_MAX_RUNS, DEFAULT_MAX_JOBS, DEFAULT_MAX_LOG_BYTES);
	}

	/** Never shows the token. */
	@Override
	public String toString() {
		return "GitHubSettings[apiUrl=" + this.apiUrl + ", token=" + ((this.token != null) ? "(set)" : "(none)")
				+ ", timeout=" + this.timeout + ", maxRuns=" + this.maxRuns + ", maxJobs=" + this.maxJobs
				+ ", maxLogBytes=" + this.maxLogBytes + "]";
	}

}
