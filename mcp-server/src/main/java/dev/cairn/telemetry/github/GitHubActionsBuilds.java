package dev.cairn.telemetry.github;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.cairn.telemetry.BackendException;
import dev.cairn.telemetry.BuildRun;
import dev.cairn.telemetry.Builds;
import dev.cairn.telemetry.LogLine;
import dev.cairn.telemetry.LogPage;
import dev.cairn.telemetry.ServiceTarget;
import dev.cairn.telemetry.http.BackendHttp;
import dev.cairn.telemetry.http.BackendText;
import dev.cairn.telemetry.http.HttpAnswer;
import tools.jackson.databind.JsonNode;

/**
 * The CI builds of a service as GitHub Actions ran them, through GitHub's REST API. The
 * repository is the component's {@code github.com/project-slug} annotation
 * ({@code owner/repo}); a component without one has no builds here, and GitHub is not
 * asked.
 *
 * <p>
 * {@link #runsFor} lists the runs of a commit ({@code GET
 * /repos/{owner}/{repo}/actions/runs?head_sha=}, at most
 * {@link GitHubSettings#maxRuns()}), and for each run that failed its latest jobs
 * ({@code GET .../actions/runs/{id}/jobs?filter=latest}, at most
 * {@link GitHubSettings#maxJobs()}) with the first failed step of each failed job. A
 * commit given shorter than a full SHA (an image tag often carries seven characters) is
 * first resolved with {@code GET /repos/{owner}/{repo}/commits/{ref}}; a commit GitHub
 * does not know has no runs.
 *
 * <p>
 * {@link #jobLog} asks {@code GET .../actions/jobs/{id}/logs}, which redirects to a
 * signed URL on GitHub's log storage; that URL is fetched without the token. At most
 * {@link GitHubSettings#maxLogBytes()} bytes are read: when the log is longer, its end is
 * asked for with a byte range, and when the storage ignores ranges its beginning is read.
 * Lines are parsed by {@link JobLogTail}. Thread-safe.
 */
public final class GitHubActionsBuilds implements Builds {

	private static final Pattern SLUG = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]*)/[A-Za-z0-9._-]+");

	private static final Pattern FULL_SHA = Pattern.compile("[0-9a-fA-F]{40}");

	private static final Pattern REF = Pattern.compile("[A-Za-z0-9._/-]{1,255}");

	private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-\\d+/(?:\\d+|\\*)");

	private static final int MAX_REDIRECTS = 3;

	private final GitHubSettings settings;

	private final GitHubClient client;

	public GitHubActionsBuilds(GitHubSettings settings) {
		this.settings = settings;
		this.client = new GitHubClient(settings);
	}

	/** The backend's name in messages, for example {@code GitHub (api.github.com)}. */
	public String describe() {
		return this.client.backend();
	}

	@Override
	public List<BuildRun> runsFor(ServiceTarget target, String commit) {
		String repository = repository(target);
		if (repository == null || commit == null || commit.isBlank()) {
			return List.of();
		}
		Optional<String> sha = fullSha(repository, commit.trim());
		if (sha.isEmpty()) {
			return List.of();
		}
		JsonNode page = this.client
			.getJson(this.client.uri("/repos/" + repository + "/actions/runs?head_sha=" + sha.get() + "&per_page="
					+ this.settings.maxRuns() + "&exclude_pull_requests=true"), repository, GitHubClient.JSON)
			.orElse(null);
		if (page == null) {
			return List.of();
		}
		if (!page.path("workflow_runs").isArray()) {
			throw this.client.fail("answered the runs of repository " + repository + " without workflow_runs");
		}
		List<BuildRun> runs = new ArrayList<>();
		for (JsonNode run : page.path("workflow_runs")) {
			if (runs.size() == this.settings.maxRuns()) {
				break;
			}
			BuildRun mapped = run(run, List.of());
			if (mapped.failed()) {
				mapped = run(run, jobs(repository, mapped.id()));
			}
			runs.add(mapped);
		}
		runs.sort(
				Comparator.comparing(BuildRun::startedAt, Comparator.nullsFirst(Comparator.naturalOrder())).reversed());
		return List.copyOf(runs);
	}

	@Override
	public LogPage jobLog(ServiceTarget target, BuildRun.Job job, int maxLines) {
		if (maxLines < 1) {
			throw new IllegalArgumentException("maxLines must be at least 1, got " + maxLines);
		}
		String source = "GitHub Actions (" + BackendText.hostAndPort(this.settings.apiUrl()) + ")";
		String repository = repository(target);
		if (repository == null) {
			return new LogPage(List.of(), false, null, source);
		}
		if (job.id() == null || !job.id().matches("[0-9]{1,20}")) {
			throw new IllegalArgumentException("a GitHub Actions job id is a number, not " + job.id());
		}
		String path = "/repos/" + repository + "/actions/jobs/" + job.id() + "/logs";
		JobLogTail.Tail tail = download(this.client.uri(path), repository, job, maxLines);
		// Read oldest first; served newest first, like every LogPage.
		List<LogLine> newestFirst = new ArrayList<>(tail.lines());
		Collections.reverse(newestFirst);
		return new LogPage(newestFirst, tail.truncated(), "GET " + path, source);
	}

	private JobLogTail.Tail download(URI logs, String repository, BuildRun.Job job, int maxLines) {
		URI next = logs;
		Map<String, String> range = Map.of();
		for (int attempt = 0; attempt <= MAX_REDIRECTS + 1; attempt++) {
			boolean ranged = !range.isEmpty();
			HttpResponse<Fetched> response = this.client.send(next, next.equals(logs), range,
					(info) -> body(info, maxLines, ranged));
			URI location = this.client.redirect(response.statusCode(), response.headers(), next);
			Fetched fetched = response.body();
			if (location != null) {
				next = location;
			}
			else if (fetched.tooLong() > 0) {
				range = Map.of("Range", "bytes=" + (fetched.tooLong() - this.settings.maxLogBytes()) + "-");
			}
			else if (fetched.log() != null) {
				return fetched.log();
			}
			else {
				throw logFailure(fetched.error(), next, logs, repository, job);
			}
		}
		throw this.client.fail("redirected too many times fetching the log of job " + job.id());
	}

	private HttpResponse.BodySubscriber<Fetched> body(HttpResponse.ResponseInfo info, int maxLines, boolean ranged) {
		int status = info.statusCode();
		if (status == 200 || status == 206) {
			long length = info.headers().firstValueAsLong("Content-Length").orElse(-1);
			if (status == 200 && !ranged && length > this.settings.maxLogBytes()) {
				// Stop this transfer at once and ask for the end instead.
				return HttpResponse.BodySubscribers.mapping(BackendHttp.answer(info, 0),
						(ignored) -> new Fetched(null, length, null));
			}
			boolean midLine = status == 206 && rangeStart(info.headers().firstValue("Content-Range").orElse("")) > 0;
			return HttpResponse.BodySubscribers.mapping(new JobLogTail(maxLines, this.settings.maxLogBytes(), midLine),
					(tail) -> new Fetched(tail, 0, null));
		}
		return HttpResponse.BodySubscribers.mapping(BackendHttp.answer(info, BackendHttp.ERROR_BODY_LIMIT),
				(answer) -> new Fetched(null, 0, answer));
	}

	private static long rangeStart(String contentRange) {
		Matcher matcher = CONTENT_RANGE.matcher(contentRange.trim());
		return matcher.matches() ? Long.parseLong(matcher.group(1)) : 1;
	}

	private BackendException logFailure(HttpAnswer answer, URI uri, URI logs, String repository, BuildRun.Job job) {
		int status = answer.status();
		if (!uri.equals(logs)) {
			return this.client.fail("the log storage " + BackendText.hostAndPort(uri) + " answered HTTP " + status
					+ " for the log of job " + job.id() + " (its signed link may have expired); try again");
		}
		if (status == 404 || status == 410) {
			return this.client
				.fail("the log of job " + job.id() + " in repository " + repository + " is not available (HTTP "
						+ status + "): the job does not exist, or its logs were deleted or expired");
		}
		return this.client.failure(answer, repository);
	}

	private Optional<String> fullSha(String repository, String commit) {
		if (FULL_SHA.matcher(commit).matches()) {
			return Optional.of(commit.toLowerCase(Locale.ROOT));
		}
		if (!REF.matcher(commit).matches() || commit.contains("..")) {
			throw new IllegalArgumentException("not a commit: " + commit);
		}
		Optional<String> resolved = this.client.getText(
				this.client
					.uri("/repos/" + repository + "/commits/" + URLEncoder.encode(commit, StandardCharsets.UTF_8)),
				repository, "application/vnd.github.sha");
		if (resolved.isPresent() && !FULL_SHA.matcher(resolved.get()).matches()) {
			throw this.client
				.fail("answered something that is not a commit SHA for " + commit + " in repository " + repository);
		}
		return resolved;
	}

	private List<BuildRun.Job> jobs(String repository, String runId) {
		JsonNode page = this.client.getJson(this.client.uri("/repos/" + repository + "/actions/runs/" + runId
				+ "/jobs?filter=latest&per_page=" + this.settings.maxJobs()), repository, GitHubClient.JSON)
			.orElse(null);
		List<BuildRun.Job> jobs = new ArrayList<>();
		if (page == null) {
			return jobs;
		}
		for (JsonNode job : page.path("jobs")) {
			if (jobs.size() == this.settings.maxJobs()) {
				break;
			}
			String conclusion = text(job.path("conclusion"));
			String failedStep = failing(conclusion) ? failedStep(job.path("steps")) : null;
			jobs.add(new BuildRun.Job(text(job.path("id")), runId, text(job.path("name")), conclusion, failedStep));
		}
		return jobs;
	}

	/** The first step that failed, else the first that timed out or was cancelled. */
	private static String failedStep(JsonNode steps) {
		List<JsonNode> ordered = new ArrayList<>();
		steps.forEach(ordered::add);
		ordered.sort(Comparator.comparingLong((step) -> step.path("number").asLong(Long.MAX_VALUE)));
		String fallback = null;
		for (JsonNode step : ordered) {
			String conclusion = text(step.path("conclusion"));
			if ("failure".equals(conclusion)) {
				return text(step.path("name"));
			}
			if (fallback == null && ("timed_out".equals(conclusion) || "cancelled".equals(conclusion))) {
				fallback = text(step.path("name"));
			}
		}
		return fallback;
	}

	private static boolean failing(String conclusion) {
		return conclusion != null && !"success".equals(conclusion) && !"skipped".equals(conclusion)
				&& !"neutral".equals(conclusion);
	}

	private static BuildRun run(JsonNode run, List<BuildRun.Job> jobs) {
		Instant startedAt = instant(run.path("run_started_at"));
		if (startedAt == null) {
			startedAt = instant(run.path("created_at"));
		}
		String workflow = text(run.path("name"));
		if (workflow == null) {
			workflow = text(run.path("display_title"));
		}
		return new BuildRun(text(run.path("id")), workflow, text(run.path("head_sha")), text(run.path("status")),
				text(run.path("conclusion")), text(run.path("html_url")), startedAt, jobs);
	}

	/** The repository of the component, or {@code null} when it names none. */
	private String repository(ServiceTarget target) {
		String slug = target.annotation(ServiceTarget.GITHUB_PROJECT_SLUG, null);
		if (slug == null) {
			return null;
		}
		if (!SLUG.matcher(slug).matches()) {
			throw this.client.fail("the " + ServiceTarget.GITHUB_PROJECT_SLUG + " annotation of " + target.service()
					+ " is \"" + BackendText.quote(slug) + "\", not owner/repo");
		}
		return slug;
	}

	private static String text(JsonNode node) {
		if (node == null || node.isNull() || node.isMissingNode() || node.isContainer()) {
			return null;
		}
		String value = node.asString();
		return value.isBlank() ? null : value;
	}

	private static Instant instant(JsonNode node) {
		String value = text(node);
		if (value == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/**
	 * What one response of a log download held: the log, the length of a log too long to
	 * read whole, or the answer (an error, a redirect) read to quote from.
	 */
	private record Fetched(JobLogTail.Tail log, long tooLong, HttpAnswer error) {

	}

}
