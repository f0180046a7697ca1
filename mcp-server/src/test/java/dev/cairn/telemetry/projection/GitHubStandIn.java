package dev.cairn.telemetry.projection;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;

import dev.cairn.telemetry.BackendException;
import dev.cairn.telemetry.BuildRun;
import dev.cairn.telemetry.Builds;
import dev.cairn.telemetry.LogLine;
import dev.cairn.telemetry.LogPage;
import dev.cairn.telemetry.ServiceTarget;
import dev.cairn.telemetry.github.GitHubActionsBuilds;
import dev.cairn.telemetry.github.GitHubSettings;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.cairn.telemetry.projection.ClusterObjects.time;

/**
 * GitHub's Actions API for the source's CI runs of the commits a diagnosis can ask about
 * (the deployed revisions' and the deploy history's): the runs of a commit ({@code GET
 * /repos/{slug}/actions/runs?head_sha=}), the jobs of a failed run with the failed step
 * ({@code .../runs/{id}/jobs}), a job's log as a 302 to log storage serving GitHub's log
 * format ({@code <time, 7 decimals>Z ##[error]<text>}), and short commits resolved
 * ({@code GET /repos/{slug}/commits/{ref}}, 422 for an unknown one). A commit without
 * runs has an empty list; other paths get GitHub's 404.
 *
 * <p>
 * GitHub's ids are numbers: a source's id that is not one is given a number here (ids
 * only name evidence sources, which the comparison leaves out). Times of runs are kept to
 * the second.
 */
public final class GitHubStandIn implements AutoCloseable {

	static final int LOG_LINES = 1000;

	private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS'Z'")
		.withZone(ZoneOffset.UTC);

	private final StandInServer server = new StandInServer();

	private final List<String> notes = new ArrayList<>();

	private final Map<String, Set<String>> commitsByRepository = new LinkedHashMap<>();

	private final Map<String, Long> ids = new LinkedHashMap<>();

	private GitHubStandIn() {
		this.server.stub(any(anyUrl()).atPriority(10)
			.willReturn(aResponse().withStatus(404)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"message\":\"Not Found\",\"documentation_url\":\"https://docs.github.com/rest\","
						+ "\"status\":\"404\"}")));
	}

	/**
	 * Holds the runs of each commit, for the targets that name their repository
	 * ({@code github.com/project-slug}).
	 * @param commits the commits of each target's service to ask the source about
	 */
	public static GitHubStandIn of(Builds source, Map<ServiceTarget, Set<String>> commits) {
		GitHubStandIn github = new GitHubStandIn();
		commits.forEach((target, wanted) -> {
			String repository = target.annotation(ServiceTarget.GITHUB_PROJECT_SLUG, null);
			if (repository != null) {
				github.repository(source, target, repository, wanted);
			}
		});
		return github;
	}

	private void repository(Builds source, ServiceTarget target, String repository, Set<String> commits) {
		String repo = "/repos/" + repository;
		this.server.stub(get(urlPathEqualTo(repo + "/actions/runs")).atPriority(6)
			.willReturn(okJson("{\"total_count\":0,\"workflow_runs\":[]}")));
		this.server.computed(get(urlPathMatching(repo + "/commits/[^/]+")).atPriority(5),
				(request) -> resolve(repository, request));
		Set<String> known = this.commitsByRepository.computeIfAbsent(repository, (key) -> new LinkedHashSet<>());
		for (String commit : commits) {
			List<BuildRun> runs;
			try {
				runs = source.runsFor(target, commit);
			}
			catch (BackendException | IllegalArgumentException ex) {
				this.notes.add("no runs of " + commit + " for " + target + ": " + ex.getMessage());
				continue;
			}
			known.add(commit);
			List<Map<String, Object>> listed = new ArrayList<>();
			for (BuildRun run : runs) {
				listed.add(run(run));
				if (run.failed()) {
					jobs(source, target, repo, run);
				}
			}
			this.server.stub(get(urlPathEqualTo(repo + "/actions/runs")).withQueryParam("head_sha", equalTo(commit))
				.willReturn(okJson(StandInServer.JSON
					.writeValueAsString(Map.of("total_count", listed.size(), "workflow_runs", listed)))));
		}
	}

	/** The source's id if it is a number, else a number standing for it. */
	private long id(String id) {
		if (id != null && id.matches("[0-9]{1,18}")) {
			return Long.parseLong(id);
		}
		return this.ids.computeIfAbsent(String.valueOf(id), (key) -> 7_000_000_000L + this.ids.size());
	}

	private Map<String, Object> run(BuildRun run) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", id(run.id()));
		put(json, "name", run.workflow());
		put(json, "head_sha", run.commit());
		put(json, "status", run.status());
		json.put("conclusion", run.conclusion());
		put(json, "html_url", run.url());
		put(json, "created_at", time(run.startedAt()));
		put(json, "run_started_at", time(run.startedAt()));
		return json;
	}

	private void jobs(Builds source, ServiceTarget target, String repo, BuildRun run) {
		List<Map<String, Object>> jobs = new ArrayList<>();
		for (BuildRun.Job job : run.jobs()) {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("id", id(job.id()));
			json.put("run_id", id(run.id()));
			put(json, "name", job.name());
			json.put("status", "completed");
			json.put("conclusion", job.conclusion());
			List<Map<String, Object>> steps = new ArrayList<>();
			steps.add(Map.of("name", "Set up job", "status", "completed", "conclusion", "success", "number", 1));
			if (job.failedStep() != null) {
				steps
					.add(Map.of("name", job.failedStep(), "status", "completed", "conclusion", "failure", "number", 2));
			}
			json.put("steps", steps);
			jobs.add(json);
			boolean failing = job.conclusion() != null && !"success".equals(job.conclusion())
					&& !"skipped".equals(job.conclusion());
			if (failing) {
				log(source, target, repo, job);
			}
		}
		this.server.stub(get(urlPathEqualTo(repo + "/actions/runs/" + id(run.id()) + "/jobs")).willReturn(
				okJson(StandInServer.JSON.writeValueAsString(Map.of("total_count", jobs.size(), "jobs", jobs)))));
	}

	private void log(Builds source, ServiceTarget target, String repo, BuildRun.Job job) {
		LogPage page;
		try {
			page = source.jobLog(target, job, LOG_LINES);
		}
		catch (BackendException | IllegalArgumentException ex) {
			this.notes.add("no log of job " + job.id() + ": " + ex.getMessage());
			return;
		}
		StringBuilder text = new StringBuilder();
		List<LogLine> lines = page.lines();
		for (int i = lines.size() - 1; i >= 0; i--) {
			LogLine line = lines.get(i);
			text.append(LOG_TIME.format(line.time()))
				.append(' ')
				.append(command(line.level()))
				.append(line.message())
				.append('\n');
		}
		String storage = "/job-logs/" + id(job.id()) + ".txt";
		this.server.stub(get(urlPathEqualTo(repo + "/actions/jobs/" + id(job.id()) + "/logs"))
			.willReturn(aResponse().withStatus(302).withHeader("Location", this.server.url() + storage)));
		this.server.stub(get(urlPathEqualTo(storage)).willReturn(
				aResponse().withStatus(200).withHeader("Content-Type", "text/plain").withBody(text.toString())));
	}

	/** The workflow command GitHub writes for a level. */
	private static String command(String level) {
		if (level == null) {
			return "";
		}
		switch (level) {
			case "error":
				return "##[error]";
			case "warn":
				return "##[warning]";
			case "info":
				return "##[notice]";
			case "debug":
				return "##[debug]";
			default:
				return "";
		}
	}

	/**
	 * {@code GET /repos/{slug}/commits/{ref}} with
	 * {@code Accept: application/vnd.github.sha}.
	 */
	private ResponseDefinition resolve(String repository, Request request) {
		String ref = request.getUrl().replaceFirst("^.*/commits/", "").replaceFirst("\\?.*$", "");
		for (String commit : this.commitsByRepository.getOrDefault(repository, Set.of())) {
			if (ref.length() >= 7 && commit.startsWith(ref)) {
				return StandInServer.text(200, commit);
			}
		}
		return StandInServer.json(422, Map.of("message", "No commit found for SHA: " + ref, "documentation_url",
				"https://docs.github.com/rest/commits/commits#get-a-commit", "status", "422"));
	}

	private static void put(Map<String, Object> map, String key, Object value) {
		if (value != null) {
			map.put(key, value);
		}
	}

	/** The real adapter, pointed at this GitHub. */
	public GitHubActionsBuilds builds() {
		return new GitHubActionsBuilds(new GitHubSettings(URI.create(this.server.url().toString()),
				"github-token-for-parity", Duration.ofSeconds(10), GitHubSettings.DEFAULT_MAX_RUNS,
				GitHubSettings.DEFAULT_MAX_JOBS, GitHubSettings.DEFAULT_MAX_LOG_BYTES));
	}

	public List<String> notes() {
		return List.copyOf(this.notes);
	}

	@Override
	public void close() {
		this.server.close();
	}

}
