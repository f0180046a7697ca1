package dev.cairn.telemetry.github;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.cairn.telemetry.BackendException;
import dev.cairn.telemetry.BuildRun;
import dev.cairn.telemetry.LogLine;
import dev.cairn.telemetry.LogPage;
import dev.cairn.telemetry.ServiceTarget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The GitHub Actions adapter against stand-ins answering as GitHub's REST API documents:
 * workflow runs of a commit, jobs with their steps, the 302 from a job's logs to signed
 * log storage (a second server, as on github.com), GitHub's error bodies
 * ({@code {"message", "documentation_url", "status"}}) and rate-limit headers; and
 * against servers that are slow or gone.
 */
class GitHubActionsBuildsTests {

	private static final Path FIXTURES = Path.of("src/test/resources/github");

	private static final String TOKEN = "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ";

	private static final String RUNS = "/repos/acme/checkout-api/actions/runs";

	private static final String GOOD = "9f2c1e7a4b3d5f6e8a0b1c2d3e4f5a6b7c8d9e0f";

	private static final String BAD = "4c1d7e9a0b2f3e5d6c8a9b0e1f2d3c4b5a6e7f80";

	private static final ServiceTarget CHECKOUT = new ServiceTarget("checkout-api", "production",
			Map.of(ServiceTarget.GITHUB_PROJECT_SLUG, "acme/checkout-api"));

	private static final BuildRun.Job TEST_JOB = new BuildRun.Job("33066100145", "11811420087", "test", "failure",
			"Run ./mvnw -B verify");

	private WireMockServer github;

	private WireMockServer storage;

	@BeforeEach
	void start() {
		this.github = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		this.github.start();
		this.storage = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		this.storage.start();
	}

	@AfterEach
	void stop() {
		this.github.stop();
		this.storage.stop();
	}

	private GitHubActionsBuilds builds() {
		return builds(Duration.ofSeconds(2), GitHubSettings.DEFAULT_MAX_LOG_BYTES);
	}

	private GitHubActionsBuilds builds(Duration timeout, int maxLogBytes) {
		return new GitHubActionsBuilds(new GitHubSettings(URI.create(this.github.baseUrl() + "/api/v3/"), TOKEN,
				timeout, 10, 30, maxLogBytes));
	}

	private String backend() {
		return "GitHub (localhost:" + this.github.port() + ")";
	}

	private void json(String path, String fixture) throws IOException {
		this.github.stubFor(get(urlPathEqualTo("/api/v3" + path))
			.willReturn(okJson(Files.readString(FIXTURES.resolve(fixture))).withHeader("X-RateLimit-Limit", "5000")
				.withHeader("X-RateLimit-Remaining", "4987")
				.withHeader("X-RateLimit-Reset", "1795260000")
				.withHeader("X-GitHub-Api-Version-Selected", "2022-11-28")));
	}

	private void fails(int status, Map<String, String> headers, String message, String docs) {
		com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response = aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json; charset=utf-8")
			.withBody("{\"message\":\"%s\",\"documentation_url\":\"%s\",\"status\":\"%d\"}".formatted(message, docs,
					status));
		headers.forEach(response::withHeader);
		this.github.stubFor(get(urlPathMatching("/api/v3/repos/.*")).willReturn(response));
	}

	@Test
	void aCommitWithASuccessfulRunAsksWithGitHubsHeaders() throws IOException {
		json(RUNS, "runs-success.json");
		List<BuildRun> runs = builds().runsFor(CHECKOUT, GOOD);
		assertThat(runs).containsExactly(new BuildRun("11802937451", "CI", GOOD, "completed", "success",
				"https://github.com/acme/checkout-api/actions/runs/11802937451", Instant.parse("2026-11-20T13:59:02Z"),
				List.of()));
		this.github.verify(getRequestedFor(urlPathEqualTo("/api/v3" + RUNS)).withQueryParam("head_sha", equalTo(GOOD))
			.withQueryParam("per_page", equalTo("10"))
			.withHeader("Accept", equalTo("application/vnd.github+json"))
			.withHeader("X-GitHub-Api-Version", equalTo("2022-11-28"))
			.withHeader("Authorization", equalTo("Bearer " + TOKEN)));
		this.github.verify(0, getRequestedFor(urlPathMatching(".*/jobs")));
	}

	@Test
	void aFailedRunCarriesItsFailedJobAndStep() throws IOException {
		json(RUNS, "runs-failed.json");
		json(RUNS + "/11811420087/jobs", "jobs-failed.json");
		List<BuildRun> runs = builds().runsFor(CHECKOUT, BAD);
		assertThat(runs).extracting(BuildRun::workflow).containsExactly("CI", "CodeQL");
		BuildRun ci = runs.get(0);
		assertThat(ci.failed()).isTrue();
		assertThat(ci.conclusion()).isEqualTo("failure");
		assertThat(ci.jobs()).containsExactly(new BuildRun.Job("33066100101", "11811420087", "lint", "success", null),
				TEST_JOB, new BuildRun.Job("33066100178", "11811420087", "build-image", "skipped", null));
		assertThat(runs.get(1).jobs()).isEmpty();
		this.github.verify(1, getRequestedFor(urlPathMatching(".*/jobs")));
		this.github.verify(getRequestedFor(urlPathEqualTo("/api/v3" + RUNS + "/11811420087/jobs"))
			.withQueryParam("filter", equalTo("latest")));
	}

	@Test
	void aShortShaIsResolvedFirst() throws IOException {
		this.github.stubFor(get(urlPathEqualTo("/api/v3/repos/acme/checkout-api/commits/4c1d7e9"))
			.withHeader("Accept", equalTo("application/vnd.github.sha"))
			.willReturn(aResponse().withStatus(200).withBody(BAD)));
		json(RUNS, "runs-failed.json");
		json(RUNS + "/11811420087/jobs", "jobs-failed.json");
		assertThat(builds().runsFor(CHECKOUT, "4c1d7e9")).hasSize(2);
		this.github.verify(getRequestedFor(urlPathEqualTo("/api/v3" + RUNS)).withQueryParam("head_sha", equalTo(BAD)));
	}

	@Test
	void aCommitCiNeverBuiltHasNoRuns() throws IOException {
		json(RUNS, "runs-none.json");
		assertThat(builds().runsFor(CHECKOUT, GOOD)).isEmpty();
		// An image tag naming a commit GitHub does not know.
		this.github.stubFor(get(urlPathEqualTo("/api/v3/repos/acme/checkout-api/commits/0dead00"))
			.willReturn(aResponse().withStatus(422)
				.withHeader("Content-Type", "application/json; charset=utf-8")
				.withBody("{\"message\":\"No commit found for SHA: 0dead00\",\"documentation_url\":"
						+ "\"https://docs.github.com/rest/commits/commits#get-a-commit\",\"status\":\"422\"}")));
		assertThat(builds().runsFor(CHECKOUT, "0dead00")).isEmpty();
	}

	@Test
	void aComponentWithoutTheAnnotationHasNoBuildsAndGitHubIsNotAsked() {
		ServiceTarget bare = new ServiceTarget("checkout-api", "production");
		assertThat(builds().runsFor(bare, GOOD)).isEmpty();
		assertThat(builds().jobLog(bare, TEST_JOB, 10).lines()).isEmpty();
		this.github.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void aMalformedSlugIsReportedNotGuessed() {
		ServiceTarget odd = new ServiceTarget("checkout-api", "production",
				Map.of(ServiceTarget.GITHUB_PROJECT_SLUG, "https://github.com/acme/checkout-api"));
		assertThatExceptionOfType(BackendException.class).isThrownBy(() -> builds().runsFor(odd, GOOD))
			.withMessage(backend() + ": the github.com/project-slug annotation of checkout-api is "
					+ "\"https://github.com/acme/checkout-api\", not owner/repo");
		this.github.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void theLogIsFetchedFromStorageWithoutTheToken() {
		String signed = "/actions-results/7b1c/logs/job/job-logs.txt?sv=2023-11-03&se=2026-11-21T10%3A01%3A00Z"
				+ "&sr=b&sp=r&sig=Zm9vYmFy";
		this.github.stubFor(get(urlPathEqualTo("/api/v3/repos/acme/checkout-api/actions/jobs/33066100145/logs"))
			.willReturn(aResponse().withStatus(302)
				.withHeader("Location", this.storage.baseUrl() + signed)
				.withHeader("Content-Type", "text/html;charset=utf-8")));
		this.storage.stubFor(get(urlPathEqualTo("/actions-results/7b1c/logs/job/job-logs.txt"))
			.willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "text/plain")
				.withHeader("x-ms-blob-type", "BlockBlob")
				.withBody(LOG)));
		LogPage page = builds().jobLog(CHECKOUT, TEST_JOB, 5);
		assertThat(page.lines()).extracting(LogLine::message)
			.containsExactly("Post job cleanup.", "Process completed with exit code 1.", "[ERROR] BUILD FAILURE",
					"[ERROR]   CheckoutServiceTests.retriesDeclinedCardsOnce:88 expected: <1> but was: <3>",
					"[INFO] Tests run: 212, Failures: 1, Errors: 0, Skipped: 3");
		assertThat(page.lines()).extracting(LogLine::level).containsExactly(null, "error", null, null, null);
		assertThat(page.lines().get(1).time()).isEqualTo(Instant.parse("2026-11-21T09:33:41.1190121Z"));
		assertThat(page.truncated()).isTrue();
		assertThat(page.query()).isEqualTo("GET /repos/acme/checkout-api/actions/jobs/33066100145/logs");
		assertThat(page.source()).isEqualTo("GitHub Actions (localhost:" + this.github.port() + ")");
		this.github.verify(
				getRequestedFor(urlPathMatching(".*/logs")).withHeader("Authorization", equalTo("Bearer " + TOKEN)));
		this.storage.verify(getRequestedFor(urlPathEqualTo("/actions-results/7b1c/logs/job/job-logs.txt"))
			.withQueryParam("sig", equalTo("Zm9vYmFy"))
			.withoutHeader("Authorization")
			.withoutHeader("X-GitHub-Api-Version"));
	}

	@Test
	void aRedirectOnTheSameHostGetsNoTokenEither() {
		this.github.stubFor(get(urlPathEqualTo("/api/v3/repos/acme/checkout-api/actions/jobs/33066100145/logs"))
			.willReturn(aResponse().withStatus(302).withHeader("Location", "/storage/logs/33066100145?token=signed")));
		this.github.stubFor(get(urlPathEqualTo("/storage/logs/33066100145")).willReturn(aResponse().withBody(LOG)));
		LogPage page = builds().jobLog(CHECKOUT, TEST_JOB, 100);
		assertThat(page.truncated()).isFalse();
		assertThat(page.lines()).hasSize(LOG.split("\n").length);
		assertThat(page.lines().get(page.lines().size() - 1).message()).isEqualTo("Current runner version: '2.321.0'");
		assertThat(page.lines()).filteredOn((line) -> "warn".equals(line.level()))
			.extracting(LogLine::message)
			.containsExactly("Node.js 16 actions are deprecated.");
		this.github.verify(getRequestedFor(urlPathEqualTo("/storage/logs/33066100145")).withoutHeader("Authorization"));
	}

	@Test
	void aLongLogIsReadFromItsEndWithARange() {
		StringBuilder log = new StringBuilder();
		for (int i = 0; i < 400; i++) {
			log.append("2026-11-21T09:32:%02d.0000000Z [INFO] line %d of the build\n".formatted(i % 60, i));
		}
		log.append("2026-11-21T09:33:41.1190121Z ##[error]Process completed with exit code 1.\n");
		byte[] whole = log.toString().getBytes(StandardCharsets.UTF_8);
		int limit = 2048;
		int from = whole.length - limit;
		this.github.stubFor(get(urlPathMatching(".*/logs"))
			.willReturn(aResponse().withStatus(302).withHeader("Location", this.storage.baseUrl() + "/blob/log.txt")));
		// Blob storage says how long the log is, and serves byte ranges.
		this.storage.stubFor(get(urlPathEqualTo("/blob/log.txt")).atPriority(5)
			.willReturn(aResponse().withHeader("Content-Length", String.valueOf(whole.length))
				.withHeader("Accept-Ranges", "bytes")
				.withBody(whole)));
		this.storage.stubFor(get(urlPathEqualTo("/blob/log.txt")).atPriority(1)
			.withHeader("Range", equalTo("bytes=" + from + "-"))
			.willReturn(aResponse().withStatus(206)
				.withHeader("Content-Range", "bytes " + from + "-" + (whole.length - 1) + "/" + whole.length)
				.withBody(java.util.Arrays.copyOfRange(whole, from, whole.length))));
		LogPage page = builds(Duration.ofSeconds(2), limit).jobLog(CHECKOUT, TEST_JOB, 3);
		assertThat(page.truncated()).isTrue();
		assertThat(page.lines()).extracting(LogLine::message)
			.containsExactly("Process completed with exit code 1.", "[INFO] line 399 of the build",
					"[INFO] line 398 of the build");
		this.storage.verify(
				getRequestedFor(urlPathEqualTo("/blob/log.txt")).withHeader("Range", equalTo("bytes=" + from + "-")));
	}

	@Test
	void storageThatIgnoresRangesGivesTheBeginningOfALongLog() {
		StringBuilder log = new StringBuilder();
		for (int i = 0; i < 400; i++) {
			log.append("2026-11-21T09:32:%02d.0000000Z [INFO] line %d of the build\n".formatted(i % 60, i));
		}
		byte[] whole = log.toString().getBytes(StandardCharsets.UTF_8);
		this.github.stubFor(get(urlPathMatching(".*/logs"))
			.willReturn(aResponse().withStatus(302).withHeader("Location", this.storage.baseUrl() + "/blob/log.txt")));
		this.storage.stubFor(get(urlPathEqualTo("/blob/log.txt"))
			.willReturn(aResponse().withHeader("Content-Length", String.valueOf(whole.length)).withBody(whole)));
		LogPage page = builds(Duration.ofSeconds(2), 2048).jobLog(CHECKOUT, TEST_JOB, 2);
		assertThat(page.truncated()).isTrue();
		assertThat(page.lines()).extracting(LogLine::message)
			.containsExactly("[INFO] line 35 of the build", "[INFO] line 34 of the build");
		this.storage.verify(2, getRequestedFor(urlPathEqualTo("/blob/log.txt")));
	}

	@Test
	void anExhaustedRateLimitSaysWhenItResets() {
		fails(403,
				Map.of("x-ratelimit-limit", "5000", "x-ratelimit-remaining", "0", "x-ratelimit-reset", "1795260000",
						"x-ratelimit-resource", "core"),
				"API rate limit exceeded for user ID 4411021. If you reach out to GitHub Support for help, please "
						+ "include the request ID 9F98:10C34:780D5BB:79F498E:606B300D.",
				"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api");
		assertThatExceptionOfType(BackendException.class).isThrownBy(() -> builds().runsFor(CHECKOUT, GOOD))
			.withMessageStartingWith(backend() + ": the API rate limit of 5000 requests is used up; it resets at "
					+ Instant.ofEpochSecond(1795260000L) + " (HTTP 403: API rate limit exceeded");
		fails(429, Map.of("retry-after", "60"),
				"You have exceeded a secondary rate limit. Please wait a few minutes " + "before you try again.",
				"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api");
		assertThatExceptionOfType(BackendException.class).isThrownBy(() -> builds().runsFor(CHECKOUT, GOOD))
			.withMessageStartingWith(
					backend() + ": a secondary rate limit was hit; GitHub asks to wait 60 s before trying again");
	}

	@Test
	void aMissingRepositoryIsNamed() {
		fails(404, Map.of(), "Not Found",
				"https://docs.github.com/rest/actions/workflow-runs#list-workflow-runs-for-a-repository");
		assertThatExceptionOfType(BackendException.class).isThrownBy(() -> builds().runsFor(CHECKOUT, GOOD))
			.withMessageStartingWith(
					backend() + ": repository acme/checkout-api was not found, or the token may not see it (HTTP 404: "
							+ "Not Found)")
			.satisfies((ex) -> assertThat(ex.backend()).isEqualTo(backend()));
	}

	@Test
	void aRefusedTokenNeverAppearsInTheMessage() {
		fails(401, Map.of(), "Bad credentials", "https://docs.github.com/rest");
		assertThatExceptionOfType(BackendException.class).isThrownBy(() -> builds().runsFor(CHECKOUT, GOOD))
			.satisfies((ex) -> assertThat(ex.getMessage())
				.isEqualTo(backend() + ": refused the token (HTTP 401: Bad credentials); check that the GitHub token "
						+ "is valid and not expired")
				.doesNotContain(TOKEN));
		assertThat(new GitHubSettings(null, TOKEN).toString()).doesNotContain(TOKEN);
	}

	@Test
	void aServerErrorIsABackendFailure() {
		this.github.stubFor(get(urlPathMatching("/api/v3/repos/.*"))
			.willReturn(aResponse().withStatus(503).withBody("<html><body><h1>Unicorn!</h1></body></html>")));
		assertThatExceptionOfType(BackendException.class).isThrownBy(() -> builds().runsFor(CHECKOUT, GOOD))
			.withMessage(backend() + ": repository acme/checkout-api: GitHub answered HTTP 503: <html><body><h1>"
					+ "Unicorn!</h1></body></html>");
	}

	@Test
	void aSlowGitHubTimesOut() throws IOException {
		this.github.stubFor(get(urlPathEqualTo("/api/v3" + RUNS))
			.willReturn(okJson(Files.readString(FIXTURES.resolve("runs-success.json"))).withFixedDelay(3000)));
		assertThatExceptionOfType(BackendException.class)
			.isThrownBy(() -> builds(Duration.ofMillis(300), 4096).runsFor(CHECKOUT, GOOD))
			.withMessage(backend() + ": did not answer within 300 ms");
	}

	@Test
	void aLogThatTricklesInTimesOut() {
		this.github.stubFor(get(urlPathMatching(".*/logs"))
			.willReturn(aResponse().withStatus(302).withHeader("Location", this.storage.baseUrl() + "/blob/slow.txt")));
		this.storage.stubFor(get(urlPathEqualTo("/blob/slow.txt"))
			.willReturn(aResponse().withBody(LOG).withChunkedDribbleDelay(20, 5000)));
		assertThatExceptionOfType(BackendException.class)
			.isThrownBy(() -> builds(Duration.ofMillis(500), 4096).jobLog(CHECKOUT, TEST_JOB, 10))
			.withMessage(backend() + ": did not answer within 500 ms");
	}

	@Test
	void anExpiredStorageLinkIsExplained() {
		this.github.stubFor(get(urlPathMatching(".*/logs"))
			.willReturn(aResponse().withStatus(302).withHeader("Location", this.storage.baseUrl() + "/blob/gone.txt")));
		this.storage.stubFor(get(urlPathEqualTo("/blob/gone.txt")).willReturn(aResponse().withStatus(403)
			.withHeader("Content-Type", "application/xml")
			.withBody("<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>AuthenticationFailed</Code>"
					+ "<Message>Signed expiry time has to be after signed start time</Message></Error>")));
		assertThatExceptionOfType(BackendException.class).isThrownBy(() -> builds().jobLog(CHECKOUT, TEST_JOB, 10))
			.withMessage(backend() + ": the log storage localhost:" + this.storage.port()
					+ " answered HTTP 403 for the log of job 33066100145 (its signed link may have expired); try again");
	}

	@Test
	void anUnreachableGitHubIsNamed() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		GitHubActionsBuilds builds = new GitHubActionsBuilds(
				new GitHubSettings(URI.create("http://127.0.0.1:" + port + "/api/v3"), TOKEN));
		assertThatExceptionOfType(BackendException.class).isThrownBy(() -> builds.runsFor(CHECKOUT, GOOD))
			.satisfies((ex) -> assertThat(ex.getMessage())
				.startsWith("GitHub (127.0.0.1:" + port + "): cannot connect to 127.0.0.1:" + port)
				.doesNotContain(TOKEN));
	}

	/**
	 * A job log as GitHub stores it: BOM, timestamps with seven decimals, ANSI colours.
	 */
	private static final String LOG = """
			\uFEFF2026-11-21T09:31:01.8213004Z Current runner version: '2.321.0'
			2026-11-21T09:31:01.8240577Z ##[group]Operating System
			2026-11-21T09:31:01.8241260Z Ubuntu
			2026-11-21T09:31:01.8241702Z 24.04.1
			2026-11-21T09:31:01.8242087Z ##[endgroup]
			2026-11-21T09:31:03.1022911Z ##[warning]Node.js 16 actions are deprecated.
			2026-11-21T09:31:12.4410032Z ##[group]Run ./mvnw -B verify
			2026-11-21T09:31:12.4410590Z \u001B[36;1m./mvnw -B verify\u001B[0m
			2026-11-21T09:31:12.4452215Z shell: /usr/bin/bash -e {0}
			2026-11-21T09:31:12.4452744Z ##[endgroup]
			2026-11-21T09:33:40.5521907Z [\u001B[1;34mINFO\u001B[m] Tests run: 212, Failures: 1, Errors: 0, Skipped: 3
			2026-11-21T09:33:40.5531100Z [\u001B[1;31mERROR\u001B[m]   CheckoutServiceTests.retriesDeclinedCardsOnce:88 expected: <1> but was: <3>
			2026-11-21T09:33:41.0014223Z [\u001B[1;31mERROR\u001B[m] \u001B[1;31mBUILD FAILURE\u001B[m
			2026-11-21T09:33:41.1190121Z ##[error]Process completed with exit code 1.
			2026-11-21T09:33:41.1293344Z Post job cleanup.
			""";

}
