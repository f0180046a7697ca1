package dev.cairn.policy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The OPA client against stubs answering as OPA's REST Data API answers: a result with a
 * decision id and provenance, an undefined document ({@code {}}), error bodies
 * ({@code {"code": ..., "message": ...}}), and servers that are slow, broken or gone.
 * Every failure denies with {@code policy_unavailable}.
 */
class OpaServerEngineTests {

	static final String PATH = "/v1/data/cairn/authz/decision";

	private static final String ALLOW = """
			{"allow": true, "reasons": [], "hint": null, "approval": null, "obligations": {"redact": []}}""";

	private WireMockServer opa;

	@BeforeEach
	void start() {
		this.opa = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		this.opa.start();
	}

	@AfterEach
	void stop() {
		this.opa.stop();
	}

	private PolicyService service(String token, Duration timeout) {
		return new PolicyService(
				new OpaServerEngine(URI.create(this.opa.baseUrl()), "cairn/authz/decision", timeout, token),
				TestInputs.CLOCK);
	}

	private PolicyService service() {
		return service(null, Duration.ofSeconds(2));
	}

	private static PolicyInput input() {
		return TestInputs.call(TestInputs.agentFor("alice"), TestInputs.change("deploy_service"), "payment-api",
				"staging");
	}

	@Test
	void postsTheInputAndKeepsTheDecisionIdAndRevision() {
		this.opa.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson("""
				{"decision_id": "b1298a6c-6ad8-11e9-a26f-d38b5ceadad5",
				 "provenance": {"version": "1.4.2", "build_commit": "1955fc4d",
				   "bundles": {"authz": {"revision": "git-5e3f1a"}}},
				 "result": %s}""".formatted(ALLOW))));
		Decision decision = service("s3cr3t", Duration.ofSeconds(2)).decide(input());
		assertThat(decision).isEqualTo(new Decision.Allow(Decision.Obligations.NONE, "authz@git-5e3f1a",
				"b1298a6c-6ad8-11e9-a26f-d38b5ceadad5"));
		this.opa.verify(postRequestedFor(urlPathEqualTo(PATH)).withQueryParam("provenance", equalTo("true"))
			.withHeader("Authorization", equalTo("Bearer s3cr3t"))
			.withHeader("Content-Type", equalTo("application/json"))
			.withRequestBody(matchingJsonPath("$.input.principal.acting_for.id", equalTo("user:default/alice")))
			.withRequestBody(matchingJsonPath("$.input.action.tool", equalTo("deploy_service")))
			.withRequestBody(matchingJsonPath("$.input.resource.entity.owner", equalTo(TestInputs.PAYMENTS)))
			.withRequestBody(matchingJsonPath("$.input.context.time", equalTo("2026-11-21T10:00:00Z"))));
	}

	@Test
	void sendsTheInputDocumentExactly() {
		this.opa.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson("{\"result\": " + ALLOW + "}")));
		PolicyInput input = input();
		service().decide(input);
		String expected = "{\"input\": " + dev.cairn.rego.value.Values.toJsonText(input.toValue()) + "}";
		this.opa.verify(postRequestedFor(urlPathEqualTo(PATH)).withRequestBody(equalToJson(expected)));
	}

	@Test
	void sendsNoAuthorizationWithoutAToken() {
		this.opa.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson("{\"result\": " + ALLOW + "}")));
		service().decide(input());
		this.opa.verify(postRequestedFor(urlPathEqualTo(PATH)).withoutHeader("Authorization"));
	}

	@Test
	void readsOldProvenanceAndMissingProvenance() {
		this.opa.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson(
				"{\"provenance\": {\"version\": \"0.10.8\", \"revision\": \"r-17\"}, \"result\": " + ALLOW + "}")));
		assertThat(service().decide(input()).revision()).isEqualTo("r-17");
		this.opa.stubFor(post(urlPathEqualTo(PATH))
			.willReturn(okJson("{\"provenance\": {\"version\": \"1.4.2\"}, \"result\": " + ALLOW + "}")));
		assertThat(service().decide(input()).revision()).isEqualTo("opa-1.4.2");
		this.opa.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson("{\"result\": " + ALLOW + "}")));
		assertThat(service().decide(input()).revision()).isEqualTo("opa");
	}

	@Test
	void aDenialComesBackWithItsHint() {
		this.opa.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson("""
				{"decision_id": "d-2", "result": {"allow": false, "reasons": ["not_owner"],
				 "hint": "ask group:default/team-payments", "approval": null, "obligations": {}}}""")));
		assertThat(service().decide(input()))
			.isEqualTo(new Decision.Deny(List.of("not_owner"), "ask group:default/team-payments", null, "opa", "d-2"));
	}

	@Test
	void anUndefinedDocumentIsDenied() {
		// OPA answers 200 and leaves "result" out when the document is undefined.
		this.opa.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson("{\"decision_id\": \"d-3\"}")));
		Decision.Deny deny = unavailable(service().decide(input()));
		assertThat(deny.error()).contains("undefined");
		assertThat(deny.decisionId()).isEqualTo("d-3");
		this.opa.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson("{}")));
		assertThat(unavailable(service().decide(input())).error()).contains("undefined");
	}

	@Test
	void aRefusedConnectionIsDenied() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		PolicyService service = new PolicyService(new OpaServerEngine(URI.create("http://127.0.0.1:" + port),
				"cairn/authz/decision", Duration.ofSeconds(2), null), TestInputs.CLOCK);
		assertThat(unavailable(service.decide(input())).error())
			.startsWith("cannot connect to OPA at 127.0.0.1:" + port);
	}

	@Test
	void aSlowAnswerIsDenied() {
		this.opa
			.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson("{\"result\": " + ALLOW + "}").withFixedDelay(3000)));
		Decision.Deny deny = unavailable(service(null, Duration.ofMillis(200)).decide(input()));
		assertThat(deny.error()).isEqualTo("OPA at localhost:" + this.opa.port() + " did not answer within 200 ms");
	}

	@Test
	void aServerErrorIsDeniedWithOpasMessage() {
		this.opa.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(500)
			.withHeader("Content-Type", "application/json")
			.withBody(
					"""
							{"code": "internal_error",
							 "message": "1 error occurred: authz.rego:12: eval_conflict_error: complete rules must not produce multiple outputs"}""")));
		assertThat(unavailable(service().decide(input())).error()).isEqualTo(
				"OPA answered HTTP 500: internal_error: 1 error occurred: authz.rego:12: eval_conflict_error: complete rules must not produce multiple outputs");
	}

	@Test
	void aBadRequestIsDeniedWithOpasMessage() {
		this.opa.stubFor(post(urlPathEqualTo(PATH))
			.willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody("""
					{"code": "invalid_parameter", "message": "error(s) occurred while compiling module(s)",
					 "errors": [{"code": "rego_unsafe_var_error", "message": "var x is unsafe",
					   "location": {"file": "authz.rego", "row": 3, "col": 1}}]}""")));
		assertThat(unavailable(service().decide(input())).error())
			.isEqualTo("OPA answered HTTP 400: invalid_parameter: error(s) occurred while compiling module(s)");
	}

	@Test
	void anUnauthorizedAnswerIsDenied() {
		this.opa.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody(
					"{\"code\": \"unauthorized\", \"message\": \"the request did not carry a valid bearer token\"}")));
		assertThat(unavailable(service("wrong", Duration.ofSeconds(2)).decide(input())).error())
			.isEqualTo("OPA answered HTTP 401: unauthorized: the request did not carry a valid bearer token");
	}

	@Test
	void aGatewayErrorWithoutJsonIsDenied() {
		this.opa.stubFor(post(urlPathEqualTo(PATH))
			.willReturn(aResponse().withStatus(502).withBody("<html><body>Bad Gateway</body></html>")));
		assertThat(unavailable(service().decide(input())).error())
			.isEqualTo("OPA answered HTTP 502: <html><body>Bad Gateway</body></html>");
	}

	@Test
	void aGarbageBodyIsDenied() {
		this.opa.stubFor(post(urlPathEqualTo(PATH))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"res")));
		assertThat(unavailable(service().decide(input())).error()).startsWith("OPA's answer is not a JSON object");
	}

	@Test
	void aBrokenConnectionIsDenied() {
		this.opa.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		assertThat(unavailable(service().decide(input())).error()).startsWith("OPA at localhost:");
		this.opa.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
		assertThat(unavailable(service().decide(input())).error()).startsWith("OPA at localhost:");
	}

	@Test
	void aResultOfTheWrongTypeIsDenied() {
		this.opa.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson("{\"result\": true}")));
		assertThat(unavailable(service().decide(input())).error())
			.contains("the decision must be an object, got boolean true");
		this.opa.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson("{\"result\": {\"allow\": \"yes\"}}")));
		assertThat(unavailable(service().decide(input())).error()).contains("\"allow\" must be true or false");
	}

	@Test
	void anAnswerThatIsNotAnObjectIsDenied() {
		this.opa.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson("[]")));
		assertThat(unavailable(service().decide(input())).error()).startsWith("OPA's answer is not a JSON object");
	}

	@Test
	void theRevisionOfTheLastAnswerIsKeptForFailures() {
		this.opa.stubFor(post(urlPathEqualTo(PATH)).willReturn(
				okJson("{\"provenance\": {\"bundles\": {\"b\": {\"revision\": \"7\"}}}, \"result\": " + ALLOW + "}")));
		PolicyService service = service();
		service.decide(input());
		this.opa.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(503)));
		assertThat(unavailable(service.decide(input())).revision()).isEqualTo("b@7");
	}

	@Test
	void describesTheServerWithoutCredentials() {
		OpaServerEngine engine = new OpaServerEngine(URI.create("https://ci:pw@opa.internal:8443/"),
				"cairn/authz/decision", Duration.ofSeconds(1), "token");
		assertThat(engine.describe()).isEqualTo("opa https://opa.internal:8443/v1/data/cairn/authz/decision");
	}

	@Test
	void refusesAMissingUrlAndABadPath() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new OpaServerEngine(null, "cairn/authz/decision", Duration.ofSeconds(1), null))
			.withMessageContaining("cairn.policy.opa.url");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new OpaServerEngine(URI.create("http://opa:8181"), "../x?y", Duration.ofSeconds(1), null))
			.withMessageContaining("cairn.policy.opa.path");
	}

	static Decision.Deny unavailable(Decision decision) {
		assertThat(decision).isInstanceOf(Decision.Deny.class);
		Decision.Deny deny = (Decision.Deny) decision;
		assertThat(deny.reasons()).containsExactly(Decision.POLICY_UNAVAILABLE);
		assertThat(deny.policyUnavailable()).isTrue();
		return deny;
	}

}
