package dev.cairn.telemetry.loki;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.cairn.telemetry.BackendException;
import dev.cairn.telemetry.LogLine;
import dev.cairn.telemetry.LogPage;
import dev.cairn.telemetry.LogQuery;
import dev.cairn.telemetry.ServiceTarget;
import dev.cairn.telemetry.http.BackendText;
import dev.cairn.telemetry.http.HttpAuth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The adapter against stubs answering as Loki's {@code query_range} does: streams with
 * nanosecond string timestamps, structured metadata in either encoding, {@code stats};
 * plain-text 400s with the LogQL parser's words; and servers that are down, slow, broken
 * or ignore the limit.
 */
class LokiLogsTests {

	static final String PATH = "/loki/api/v1/query_range";

	static final ServiceTarget CHECKOUT = new ServiceTarget("checkout", "production",
			Map.of(ServiceTarget.KUBERNETES_ID, "checkout-api", ServiceTarget.KUBERNETES_NAMESPACE, "shop"));

	static final Instant FROM = Instant.parse("2026-11-20T10:00:00Z");

	static final Instant TO = FROM.plus(Duration.ofHours(1));

	/** Nanoseconds since the epoch, {@code seconds} after {@link #FROM}. */
	static long at(int seconds) {
		return (FROM.getEpochSecond() + seconds) * 1_000_000_000L + 123_456_789L;
	}

	private static final String STATS = """
			"stats": {"summary": {"bytesProcessedPerSecond": 20971520, "linesProcessedPerSecond": 102400,
			  "totalBytesProcessed": 10485760, "totalLinesProcessed": 51200, "execTime": 0.5, "queueTime": 0.001,
			  "subqueries": 1, "totalEntriesReturned": 4, "splits": 2, "shards": 4},
			 "querier": {"store": {"totalChunksRef": 12, "totalChunksDownloaded": 12, "chunksDownloadTime": 1200000}},
			 "ingester": {"totalReached": 3, "totalChunksMatched": 2, "totalBatches": 1, "totalLinesSent": 4},
			 "cache": {"chunk": {"entriesFound": 0, "entriesRequested": 12, "requests": 1}}}""";

	private WireMockServer loki;

	@BeforeEach
	void start() {
		this.loki = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		this.loki.start();
	}

	@AfterEach
	void stop() {
		this.loki.stop();
	}

	private LokiSettings settings() {
		return LokiSettings.of(URI.create(this.loki.baseUrl())).withTimeout(Duration.ofSeconds(2));
	}

	private static LogQuery query(String level, String text, int limit, int maxBytes) {
		return new LogQuery(CHECKOUT, FROM, TO, level, text, null, limit, maxBytes);
	}

	private LogPage ask(LokiSettings settings, LogQuery query) {
		return new LokiLogs(settings).query(query);
	}

	private LogPage ask(LogQuery query) {
		return ask(settings(), query);
	}

	private void answer(String body) {
		this.loki.stubFor(get(urlPathEqualTo(PATH))
			.willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(body)));
	}

	/** A success answer holding the streams, each {@code [labels, [[ns, line], ...]]}. */
	static String streams(String... streams) {
		return "{\"status\":\"success\",\"data\":{\"resultType\":\"streams\",\"result\":[" + String.join(",", streams)
				+ "]," + STATS + "}}";
	}

	static String stream(String labels, String... values) {
		return "{\"stream\":" + labels + ",\"values\":[" + String.join(",", values) + "]}";
	}

	static String value(long nanos, String line) {
		return "[\"" + nanos + "\"," + json(line) + "]";
	}

	static String json(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	private static final String POD_A = "{\"namespace\":\"shop\",\"app\":\"checkout-api\",\"pod\":\"checkout-api-6c8d7f9b5-k9m4p\","
			+ "\"container\":\"checkout-api\",\"stream\":\"stdout\"}";

	private static final String POD_B = "{\"namespace\":\"shop\",\"app\":\"checkout-api\",\"pod\":\"checkout-api-6c8d7f9b5-q2w3e\","
			+ "\"container\":\"checkout-api\",\"stream\":\"stderr\"}";

	@Test
	void mergesStreamsNewestFirstAndSendsTheQueryLokiExpects() {
		answer(streams(
				stream(POD_A, value(at(50), "{\"level\":\"error\",\"msg\":\"payment declined\"}"),
						value(at(30), "level=info msg=\"checkout ok\""), value(at(10), "started")),
				stream(POD_B, value(at(40), "2026-11-20T10:00:40.123Z  WARN 1 --- [main] slow downstream"),
						value(at(20), "[error] connection reset"))));
		LogPage page = ask(query(null, null, 100, 65_536));
		assertThat(page.lines()).extracting(LogLine::message)
			.containsExactly("{\"level\":\"error\",\"msg\":\"payment declined\"}",
					"2026-11-20T10:00:40.123Z  WARN 1 --- [main] slow downstream", "level=info msg=\"checkout ok\"",
					"[error] connection reset", "started");
		assertThat(page.lines()).extracting(LogLine::level).containsExactly("error", "warn", "info", "error", null);
		assertThat(page.lines()).extracting(LogLine::pod)
			.containsExactly("checkout-api-6c8d7f9b5-k9m4p", "checkout-api-6c8d7f9b5-q2w3e",
					"checkout-api-6c8d7f9b5-k9m4p", "checkout-api-6c8d7f9b5-q2w3e", "checkout-api-6c8d7f9b5-k9m4p");
		assertThat(page.lines().get(0).container()).isEqualTo("checkout-api");
		assertThat(page.lines().get(0).time())
			.isEqualTo(Instant.ofEpochSecond(FROM.getEpochSecond() + 50, 123_456_789));
		assertThat(page.truncated()).isFalse();
		assertThat(page.query()).isEqualTo("{namespace=\"shop\", app=\"checkout-api\"}");
		assertThat(page.source()).isEqualTo("Loki (production)");
		this.loki.verify(getRequestedFor(urlPathEqualTo(PATH))
			.withQueryParam("query", equalTo("{namespace=\"shop\", app=\"checkout-api\"}"))
			.withQueryParam("start", equalTo(FROM.getEpochSecond() + "000000000"))
			.withQueryParam("end", equalTo(TO.getEpochSecond() + "000000000"))
			.withQueryParam("limit", equalTo("100"))
			.withQueryParam("direction", equalTo("backward"))
			.withoutHeader("X-Scope-OrgID")
			.withoutHeader("Authorization"));
	}

	@Test
	void aFullPageFromLokiMayHaveMoreBehindIt() {
		answer(streams(stream(POD_A, value(at(3), "c"), value(at(2), "b"), value(at(1), "a"))));
		assertThat(ask(query(null, null, 3, 65_536)).truncated()).isTrue();
		assertThat(ask(query(null, null, 4, 65_536)).truncated()).isFalse();
	}

	@Test
	void aServerThatIgnoresTheLimitIsCutToTheNewestLines() {
		answer(streams(stream(POD_A, value(at(1), "one"), value(at(5), "five"), value(at(3), "three")),
				stream(POD_B, value(at(4), "four"), value(at(2), "two"), value(at(6), "six"))));
		LogPage page = ask(query(null, null, 3, 65_536));
		assertThat(page.lines()).extracting(LogLine::message).containsExactly("six", "five", "four");
		assertThat(page.truncated()).isTrue();
	}

	@Test
	void linesBeyondTheByteBudgetAreCutAndMarked() {
		String long1 = "a".repeat(60);
		String long2 = "b".repeat(60);
		answer(streams(stream(POD_A, value(at(3), long1), value(at(2), long2), value(at(1), "never shown"))));
		LogPage page = ask(query(null, null, 10, 100));
		assertThat(page.truncated()).isTrue();
		assertThat(page.lines()).hasSize(2);
		assertThat(page.lines().get(0).message()).isEqualTo(long1);
		assertThat(page.lines().get(1).message()).startsWith("bbbb").endsWith(" …[" + (60 - 21) + " more bytes]");
		int total = page.lines()
			.stream()
			.mapToInt((line) -> line.message().getBytes(StandardCharsets.UTF_8).length)
			.sum();
		assertThat(total).isLessThanOrEqualTo(100);
	}

	@Test
	void aLongLineIsCutToTheLineLimitWithoutSplittingACharacter() {
		String line = "ü".repeat(5_000);
		answer(streams(stream(POD_A, value(at(1), line))));
		LogPage page = ask(settings().withLimits(1_000, 1 << 20), query(null, null, 10, 1 << 20));
		String message = page.lines().get(0).message();
		assertThat(message.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(1_000);
		assertThat(message).matches("ü+ …\\[\\d+ more bytes\\]");
		int kept = message.indexOf(' ');
		assertThat(message).endsWith("[" + (10_000 - 2 * kept) + " more bytes]");
		assertThat(page.truncated()).isTrue();
	}

	@Test
	void theLevelFilterIsALineFilterForJsonLogfmtAndPlainLines() {
		answer(streams());
		ask(query("warn", null, 50, 65_536));
		String words = "warn|warning|error|err|fatal|critical|crit|panic|alert|emerg|emergency|severe";
		String regex = "(?i:\\b(?:level|lvl|severity|loglevel)\"?\\s*[:=]\\s*\"?(?:" + words + ")\\b)|(?i:\\[(?:"
				+ words + ")\\])|\\b(?:" + words.toUpperCase() + ")\\b";
		String expected = "{namespace=\"shop\", app=\"checkout-api\"} |~ \"" + BackendText.goStringContent(regex)
				+ "\"";
		assertThat(expected).contains("\\\\b(?:level|lvl|severity|loglevel)\\\"?\\\\s*[:=]");
		this.loki.verify(getRequestedFor(urlPathEqualTo(PATH)).withQueryParam("query", equalTo(expected)));
	}

	@Test
	void debugAsksForEveryLine() {
		answer(streams());
		assertThat(ask(query("debug", null, 50, 65_536)).query())
			.isEqualTo("{namespace=\"shop\", app=\"checkout-api\"}");
	}

	@Test
	void aLevelLabelMakesTheLevelFilterALabelFilter() {
		answer(streams());
		LogPage page = ask(settings().withLevelLabel("detected_level"), query("ERROR", "timeout", 50, 65_536));
		assertThat(page.query()).isEqualTo("{namespace=\"shop\", app=\"checkout-api\"} |= \"timeout\" | "
				+ "detected_level=~\"(?i)(?:error|err|fatal|critical|crit|panic|alert|emerg|emergency|severe)\"");
	}

	@Test
	void linesBelowTheLevelAreLeftOutEvenWhenTheirTextMatched() {
		answer(streams(stream(POD_A, value(at(3), "INFO retrying after ERROR from the bank"),
				value(at(2), "{\"level\":\"error\",\"msg\":\"gave up\"}"), value(at(1), "no level here"))));
		LogPage page = ask(query("error", null, 50, 65_536));
		assertThat(page.lines()).extracting(LogLine::message)
			.containsExactly("{\"level\":\"error\",\"msg\":\"gave up\"}", "no level here");
	}

	@Test
	void anUnknownLevelIsRefusedBeforeAsking() {
		assertThatIllegalArgumentException().isThrownBy(() -> ask(query("loud", null, 50, 65_536)))
			.withMessage("unknown log level \"loud\"; use debug, info, warn or error");
		assertThat(this.loki.getAllServeEvents()).isEmpty();
	}

	@Test
	void quotesAndBackslashesInTheTextAreEscaped() {
		answer(streams());
		ask(query(null, "say \"hi\" to C:\\temp\n", 50, 65_536));
		this.loki.verify(getRequestedFor(urlPathEqualTo(PATH)).withQueryParam("query",
				equalTo("{namespace=\"shop\", app=\"checkout-api\"} |= \"say \\\"hi\\\" to C:\\\\temp\\n\"")));
	}

	@Test
	void annotationsCannotBreakOutOfTheSelector() {
		answer(streams());
		ServiceTarget hostile = new ServiceTarget("x", "production",
				Map.of(ServiceTarget.KUBERNETES_NAMESPACE, "shop\"} |= \"", ServiceTarget.KUBERNETES_ID, "a\\b"));
		LogPage page = ask(new LogQuery(hostile, FROM, TO, null, null, null, 10, 1000));
		assertThat(page.query()).isEqualTo("{namespace=\"shop\\\"} |= \\\"\", app=\"a\\\\b\"}");
	}

	@Test
	void theSelectorIsConfigurable() {
		answer(streams());
		Map<String, String> selector = new LinkedHashMap<>();
		selector.put("k8s_namespace_name", "$namespace");
		selector.put("service_name", "$service");
		selector.put("deployment_environment", "$environment");
		LogPage page = ask(settings().withSelector(selector).withDefaultNamespace("apps"),
				new LogQuery(new ServiceTarget("billing", "staging"), FROM, TO, null, null, null, 10, 1000));
		assertThat(page.query())
			.isEqualTo("{k8s_namespace_name=\"apps\", service_name=\"billing\", deployment_environment=\"staging\"}");
		assertThatIllegalArgumentException().isThrownBy(() -> settings().withSelector(Map.of("app", "$workloadname")))
			.withMessageContaining("unknown placeholder $workloadname");
		assertThatIllegalArgumentException().isThrownBy(() -> settings().withSelector(Map.of("app-name", "x")))
			.withMessageContaining("not a Loki label name");
	}

	@Test
	void sendsTheTenantAndCredentials() {
		answer(streams());
		ask(settings().withTenant("team-payments").withAuth(HttpAuth.bearer("s3cr3t")), query(null, null, 5, 100));
		this.loki.verify(getRequestedFor(urlPathEqualTo(PATH)).withHeader("X-Scope-OrgID", equalTo("team-payments"))
			.withHeader("Authorization", equalTo("Bearer s3cr3t")));
	}

	@Test
	void theCallersLogQlIsSentUnchanged() {
		answer(streams(stream(POD_A, value(at(1), "x"))));
		String logql = "{cluster=\"eu-1\"} | json | status >= 500 | line_format \"{{.msg}}\"";
		LogPage page = ask(new LogQuery(CHECKOUT, FROM, TO, "error", "ignored", logql, 10, 1000));
		assertThat(page.query()).isEqualTo(logql);
		this.loki.verify(getRequestedFor(urlPathEqualTo(PATH)).withQueryParam("query", equalTo(logql)));
	}

	@Test
	void readsStructuredMetadataInBothEncodings() {
		String labels = "{\"service_name\":\"checkout-api\"}";
		answer(streams(stream(labels,
				"[\"" + at(2) + "\",\"payment declined\",{\"structuredMetadata\":{\"detected_level\":\"warn\","
						+ "\"k8s_pod_name\":\"checkout-api-1\",\"trace_id\":\"4bf92f3577b34da6\"},\"parsed\":{}}]",
				"[\"" + at(1) + "\",\"started\",{\"detected_level\":\"info\",\"k8s_container_name\":\"app\"}]")));
		LogPage page = ask(query(null, null, 10, 1000));
		assertThat(page.lines()).extracting(LogLine::level).containsExactly("warn", "info");
		assertThat(page.lines().get(0).pod()).isEqualTo("checkout-api-1");
		assertThat(page.lines().get(1).container()).isEqualTo("app");
	}

	@Test
	void aLogQlSyntaxErrorIsRejectedInLokisWords() {
		this.loki.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "text/plain; charset=utf-8")
			.withHeader("X-Content-Type-Options", "nosniff")
			.withBody("parse error at line 1, col 5: syntax error: unexpected IDENTIFIER")));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ask(new LogQuery(CHECKOUT, FROM, TO, null, null, "{app foo", 10, 1000)))
			.withMessage("Loki rejected the query: parse error at line 1, col 5: syntax error: unexpected IDENTIFIER");
	}

	@Test
	void aMissingTenantIsAConfigurationProblemNotTheQuerys() {
		this.loki.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(400).withBody("no org id")));
		assertThatExceptionOfType(BackendException.class).isThrownBy(() -> ask(query(null, null, 10, 1000)))
			.withMessageContaining("needs a tenant (X-Scope-OrgID)");
	}

	@Test
	void aMetricQueryIsNotALogQuery() {
		answer("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{\"app\":\"x\"},"
				+ "\"values\":[[1795168800,\"3\"]]}]," + STATS + "}}");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ask(new LogQuery(CHECKOUT, FROM, TO, null, null, "rate({app=\"x\"}[5m])", 10, 1000)))
			.withMessageStartingWith("the LogQL is a metric query (Loki answered a matrix)");
	}

	@Test
	void aServerErrorIsABackendFailureNamingLoki() {
		this.loki.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(500)
			.withHeader("Content-Type", "text/plain; charset=utf-8")
			.withBody("rpc error: code = Unavailable desc = connection error")));
		assertThatExceptionOfType(BackendException.class).isThrownBy(() -> ask(query(null, null, 10, 1000)))
			.withMessage("Loki (production): Loki at " + this.loki.baseUrl()
					+ " answered HTTP 500: rpc error: code = Unavailable desc = connection error")
			.satisfies((ex) -> assertThat(ex.backend()).isEqualTo("Loki (production)"));
	}

	@Test
	void refusedCredentialsAreNamedButNotShown() {
		this.loki.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(401)));
		assertThatExceptionOfType(BackendException.class)
			.isThrownBy(() -> ask(settings().withAuth(HttpAuth.basic("cairn", "hunter2")), query(null, null, 10, 1000)))
			.withMessageContaining("refused the request (HTTP 401)")
			.withMessageNotContaining("hunter2");
	}

	@Test
	void garbageIsABackendFailure() {
		answer("<html>not loki</html>");
		assertThatExceptionOfType(BackendException.class).isThrownBy(() -> ask(query(null, null, 10, 1000)))
			.withMessageContaining("not a Loki query result: <html>not loki</html>");
		answer(streams(stream(POD_A, "[1795168800, \"numeric time\"]")));
		assertThatExceptionOfType(BackendException.class).isThrownBy(() -> ask(query(null, null, 10, 1000)))
			.withMessageContaining("not a Loki query result");
		answer(streams(stream(POD_A, "[\"yesterday\", \"bad time\"]")));
		assertThatExceptionOfType(BackendException.class).isThrownBy(() -> ask(query(null, null, 10, 1000)))
			.withMessageContaining("not a Loki query result");
	}

	@Test
	void aSlowLokiIsABackendFailure() {
		this.loki.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withBody(streams()).withFixedDelay(1_500)));
		assertThatExceptionOfType(BackendException.class)
			.isThrownBy(() -> ask(settings().withTimeout(Duration.ofMillis(300)), query(null, null, 10, 1000)))
			.withMessage("Loki (production): Loki at " + this.loki.baseUrl() + " did not answer within 300 ms");
	}

	@Test
	void aDroppedConnectionIsABackendFailure() {
		this.loki.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
		assertThatExceptionOfType(BackendException.class).isThrownBy(() -> ask(query(null, null, 10, 1000)))
			.withMessageContaining("Loki at " + this.loki.baseUrl());
	}

	@Test
	void anUnreachableLokiIsNamed() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		LokiSettings settings = LokiSettings.of(URI.create("http://127.0.0.1:" + port));
		assertThatExceptionOfType(BackendException.class).isThrownBy(() -> ask(settings, query(null, null, 10, 1000)))
			.withMessage(
					"Loki (production): cannot connect to Loki at http://127.0.0.1:" + port + " (connection refused)");
	}

	@Test
	void settingsShowNoSecret() {
		LokiSettings settings = LokiSettings.of(URI.create("https://svc:hunter2@logs.example.com/loki"))
			.withAuth(HttpAuth.basic("svc", "hunter2"));
		assertThat(settings.toString()).contains("https://logs.example.com/loki", "basic svc:****")
			.doesNotContain("hunter2");
		assertThat(List.of(settings.selector().keySet().toArray())).containsExactly("namespace", "app");
	}

}
