package dev.cairn.telemetry.prometheus;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.cairn.telemetry.BackendException;
import dev.cairn.telemetry.MetricQuery;
import dev.cairn.telemetry.MetricResult;
import dev.cairn.telemetry.NamedMetric;
import dev.cairn.telemetry.ServiceTarget;
import dev.cairn.telemetry.http.HttpAuth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The adapter against stubs answering as Prometheus' HTTP API does, for the answers a
 * test Prometheus does not give easily: warnings, error types, proxies in front of it,
 * broken and slow servers, native histograms, answers too large to read.
 */
class PrometheusMetricsTests {

	static final String QUERY = "/api/v1/query";

	static final String RANGE = "/api/v1/query_range";

	static final ServiceTarget CHECKOUT = new ServiceTarget("checkout", "production",
			Map.of(ServiceTarget.KUBERNETES_ID, "checkout-api", ServiceTarget.KUBERNETES_NAMESPACE, "shop"));

	static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");

	private static final String VECTOR = """
			{"status":"success","data":{"resultType":"vector","result":[
			  {"metric":{},"value":[1795168800,"0.0125"]}]}}""";

	private WireMockServer prometheus;

	@BeforeEach
	void start() {
		this.prometheus = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		this.prometheus.start();
	}

	@AfterEach
	void stop() {
		this.prometheus.stop();
	}

	private PrometheusSettings settings() {
		return PrometheusSettings.of(URI.create(this.prometheus.baseUrl())).withTimeout(Duration.ofSeconds(2));
	}

	private MetricResult ask(PrometheusSettings settings, MetricQuery query) {
		return new PrometheusMetrics(settings).query(query);
	}

	private MetricResult ask(MetricQuery query) {
		return ask(settings(), query);
	}

	private static MetricQuery promql(String expression) {
		return new MetricQuery(CHECKOUT, null, expression, null, AT, null);
	}

	private void answer(String path, int status, String body) {
		this.prometheus.stubFor(post(urlPathEqualTo(path))
			.willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
	}

	@Test
	void postsAnInstantQueryFormEncodedWithTheBearerToken() {
		this.prometheus.stubFor(post(urlPathEqualTo(QUERY)).willReturn(okJson(VECTOR)));
		MetricResult result = ask(settings().withAuth(HttpAuth.bearer("s3cr3t")),
				MetricQuery.instant(CHECKOUT, NamedMetric.ERROR_RATE, AT));
		assertThat(result.series().get(0).points())
			.containsExactly(new MetricResult.Point(Instant.ofEpochSecond(1795168800), 0.0125));
		this.prometheus
			.verify(postRequestedFor(urlPathEqualTo(QUERY)).withHeader("Authorization", equalTo("Bearer s3cr3t"))
				.withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
				.withFormParam("query", equalTo(result.query()))
				.withFormParam("time", equalTo("1795168800"))
				.withFormParam("timeout", equalTo("1800ms")));
	}

	@Test
	void sendsBasicCredentialsFromTheSettingsOrTheUrl() {
		this.prometheus.stubFor(post(urlPathEqualTo(QUERY)).willReturn(okJson(VECTOR)));
		ask(settings().withAuth(HttpAuth.basic("cairn", "pa:ss")), promql("up"));
		this.prometheus.verify(postRequestedFor(urlPathEqualTo(QUERY))
			.withBasicAuth(new com.github.tomakehurst.wiremock.client.BasicCredentials("cairn", "pa:ss")));
		this.prometheus.resetRequests();
		URI withUser = URI.create(this.prometheus.baseUrl().replace("http://", "http://reader:hunter2@"));
		ask(PrometheusSettings.of(withUser), promql("up"));
		this.prometheus.verify(postRequestedFor(urlPathEqualTo(QUERY))
			.withBasicAuth(new com.github.tomakehurst.wiremock.client.BasicCredentials("reader", "hunter2")));
	}

	@Test
	void asksARangeWithStartEndAndStepInSeconds() {
		answer(RANGE, 200,
				"""
						{"status":"success","data":{"resultType":"matrix","result":[
						  {"metric":{"pod":"checkout-api-1"},"values":[[1795168800,"1"],[1795168830.5,"NaN"],[1795168861,"+Inf"]]}]}}""");
		MetricResult result = ask(
				MetricQuery.range(CHECKOUT, NamedMetric.MEMORY, AT.minusSeconds(60), AT, Duration.ofMillis(30_500)));
		assertThat(result.series().get(0).labels()).containsExactly(Map.entry("pod", "checkout-api-1"));
		assertThat(result.series().get(0).points()).extracting(MetricResult.Point::time)
			.containsExactly(Instant.ofEpochSecond(1795168800), Instant.ofEpochSecond(1795168830, 500_000_000),
					Instant.ofEpochSecond(1795168861));
		assertThat(result.series().get(0).points()).extracting(MetricResult.Point::value)
			.containsExactly(1.0, Double.NaN, Double.POSITIVE_INFINITY);
		assertThat(result.unit()).isEqualTo("bytes");
		this.prometheus.verify(postRequestedFor(urlPathEqualTo(RANGE)).withFormParam("start", equalTo("1795168740"))
			.withFormParam("end", equalTo("1795168800"))
			.withFormParam("step", equalTo("30.5")));
	}

	@Test
	void prometheusWarningsBecomeNotes() {
		answer(QUERY, 200,
				"""
						{"status":"success","data":{"resultType":"vector","result":[]},
						 "warnings":["PromQL info: metric might not be a counter, name does not end in _total/_sum/_count/_bucket: \\"queue_depth\\""],
						 "infos":["store eu-1 answered partially"]}""");
		MetricResult result = ask(promql("rate(queue_depth[5m])"));
		assertThat(result.series()).isEmpty();
		assertThat(result.truncated()).isFalse();
		assertThat(result.notes()).containsExactly(
				"Prometheus warns: PromQL info: metric might not be a counter, name does not end in "
						+ "_total/_sum/_count/_bucket: \"queue_depth\"",
				"Prometheus warns: store eu-1 answered partially");
	}

	@Test
	void badDataIsTheQuerysFaultInPrometheusWords() {
		answer(QUERY, 400,
				"""
						{"status":"error","errorType":"bad_data","error":"invalid parameter \\"query\\": 1:6: parse error: unexpected end of input"}""");
		assertThatIllegalArgumentException().isThrownBy(() -> ask(promql("rate(")))
			.withMessage("Prometheus rejected the query: invalid parameter \"query\": 1:6: parse error: "
					+ "unexpected end of input");
	}

	@Test
	void anExecutionErrorIsTheQuerysFaultToo() {
		answer(QUERY, 422,
				"""
						{"status":"error","errorType":"execution","error":"found duplicate series for the match group {pod=\\"a\\"} on the right hand-side of the operation"}""");
		assertThatIllegalArgumentException().isThrownBy(() -> ask(promql("a * on(pod) b")))
			.withMessageContaining("found duplicate series for the match group");
	}

	@Test
	void aPrometheusTimeoutIsABackendFailureWithItsWords() {
		answer(QUERY, 503, """
				{"status":"error","errorType":"timeout","error":"query timed out in expression evaluation"}""");
		assertThatExceptionOfType(BackendException.class).isThrownBy(() -> ask(promql("up")))
			.withMessage("Prometheus (production): Prometheus at " + this.prometheus.baseUrl()
					+ " answered HTTP 503 timeout: query timed out in expression evaluation");
	}

	@Test
	void aProxyErrorPageIsABackendFailure() {
		this.prometheus.stubFor(post(urlPathEqualTo(QUERY)).willReturn(aResponse().withStatus(502)
			.withHeader("Content-Type", "text/html")
			.withBody("<html><body><h1>502 Bad Gateway</h1>\n</body></html>")));
		assertThatExceptionOfType(BackendException.class).isThrownBy(() -> ask(promql("up")))
			.withMessageContaining("answered HTTP 502: <html><body><h1>502 Bad Gateway</h1> </body></html>");
	}

	@Test
	void refusedCredentialsAreNamedButNotShown() {
		this.prometheus
			.stubFor(post(urlPathEqualTo(QUERY)).willReturn(aResponse().withStatus(401).withBody("Unauthorized")));
		assertThatExceptionOfType(BackendException.class)
			.isThrownBy(() -> ask(settings().withAuth(HttpAuth.bearer("s3cr3t-token")), promql("up")))
			.withMessageContaining("refused the request (HTTP 401); check the credentials")
			.withMessageNotContaining("s3cr3t-token");
	}

	@Test
	void garbageIsABackendFailure() {
		answer(QUERY, 200, "<<not json>>");
		assertThatExceptionOfType(BackendException.class).isThrownBy(() -> ask(promql("up")))
			.withMessageContaining("not a Prometheus API response: <<not json>>");
		answer(QUERY, 200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"value\":42}]}}");
		assertThatExceptionOfType(BackendException.class).isThrownBy(() -> ask(promql("up")))
			.withMessageContaining("not a Prometheus API response");
		answer(QUERY, 200, "{\"hello\":\"world\"}");
		assertThatExceptionOfType(BackendException.class).isThrownBy(() -> ask(promql("up")))
			.withMessageContaining("not a Prometheus API response");
	}

	@Test
	void aStringResultIsNotAMetric() {
		answer(QUERY, 200,
				"{\"status\":\"success\",\"data\":{\"resultType\":\"string\",\"result\":[1795168800,\"hello\"]}}");
		assertThatIllegalArgumentException().isThrownBy(() -> ask(promql("\"hello\"")))
			.withMessage("the PromQL expression evaluates to the string \"hello\", not to a number");
	}

	@Test
	void nativeHistogramSamplesAreCountedAndLeftOut() {
		answer(QUERY, 200, """
				{"status":"success","data":{"resultType":"vector","result":[
				  {"metric":{"__name__":"rpc_duration_seconds"},"histogram":[1795168800,{"count":"10","sum":"3.2",
				    "buckets":[[0,"0.5","1","10"]]}]}]}}""");
		MetricResult result = ask(promql("rpc_duration_seconds"));
		assertThat(result.series()).singleElement().satisfies((series) -> assertThat(series.points()).isEmpty());
		assertThat(result.notes()).singleElement().asString().contains("1 native histogram samples are not shown");
	}

	@Test
	void anAnswerLargerThanTheCapKeepsTheSeriesReadBeforeIt() {
		StringBuilder body = new StringBuilder(
				"{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[");
		for (int i = 0; i < 20_000; i++) {
			body.append((i > 0) ? "," : "")
				.append("{\"metric\":{\"pod\":\"p-")
				.append(i)
				.append("\"},\"value\":[1795168800,\"1\"]}");
		}
		body.append("]}}");
		answer(QUERY, 200, body.toString());
		MetricResult result = ask(settings().withLimits(100_000, 1000, 64 * 1024), promql("up"));
		assertThat(result.truncated()).isTrue();
		assertThat(result.series()).hasSizeBetween(1000, 1600);
		assertThat(result.series().get(0).labels()).containsEntry("pod", "p-0");
		assertThat(result.notes()).anyMatch((note) -> note.startsWith("the answer was larger than 65536 bytes"));
	}

	@Test
	void aSlowPrometheusIsABackendFailure() {
		this.prometheus.stubFor(post(urlPathEqualTo(QUERY)).willReturn(okJson(VECTOR).withFixedDelay(1_500)));
		assertThatExceptionOfType(BackendException.class)
			.isThrownBy(() -> ask(settings().withTimeout(Duration.ofMillis(300)), promql("up")))
			.withMessage("Prometheus (production): Prometheus at " + this.prometheus.baseUrl()
					+ " did not answer within 300 ms");
	}

	@Test
	void aBodyThatTricklesPastTheDeadlineIsABackendFailure() {
		this.prometheus
			.stubFor(post(urlPathEqualTo(QUERY)).willReturn(okJson(VECTOR).withChunkedDribbleDelay(5, 1_500)));
		assertThatExceptionOfType(BackendException.class)
			.isThrownBy(() -> ask(settings().withTimeout(Duration.ofMillis(500)), promql("up")))
			.withMessageContaining("did not answer within 500 ms");
	}

	@Test
	void aDroppedConnectionIsABackendFailure() {
		this.prometheus
			.stubFor(post(urlPathEqualTo(QUERY)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		assertThatExceptionOfType(BackendException.class).isThrownBy(() -> ask(promql("up")))
			.withMessageContaining("Prometheus at " + this.prometheus.baseUrl());
	}

	@Test
	void anUnreachablePrometheusIsNamed() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		assertThatExceptionOfType(BackendException.class)
			.isThrownBy(() -> ask(PrometheusSettings.of(URI.create("http://user:pw@127.0.0.1:" + port)), promql("up")))
			.withMessage("Prometheus (production): cannot connect to Prometheus at http://127.0.0.1:" + port
					+ " (connection refused)")
			.satisfies((ex) -> assertThat(ex.backend()).isEqualTo("Prometheus (production)"));
	}

}
