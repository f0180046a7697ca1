package dev.cairn.policy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cairn configured for an OPA server ({@code cairn.policy.engine=opa}): decisions come
 * from OPA with the catalog's groups in the input, and readiness goes down while OPA
 * fails and up again when it answers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PolicyIntegrationTests {

	private static final WireMockServer opa = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	static {
		opa.start();
	}

	@DynamicPropertySource
	static void opaServer(DynamicPropertyRegistry registry) {
		registry.add("cairn.policy.engine", () -> "opa");
		registry.add("cairn.policy.opa.url", opa::baseUrl);
		registry.add("cairn.policy.opa.token", () -> "opa-token");
		registry.add("cairn.policy.opa.timeout", () -> "500ms");
	}

	@AfterAll
	static void stop() {
		opa.stop();
	}

	@LocalServerPort
	int port;

	@Autowired
	PolicyService policies;

	@Autowired
	PolicyInputs inputs;

	@Test
	void decidesThroughOpaAndReadinessFollowsIt() throws Exception {
		opa.stubFor(post(urlPathEqualTo(OpaServerEngineTests.PATH)).willReturn(okJson("""
				{"decision_id": "d-1", "provenance": {"bundles": {"cairn": {"revision": "v12"}}},
				 "result": {"allow": false, "reasons": ["not_owner"], "hint": "ask group:default/team-payments",
				            "approval": null, "obligations": {}}}""")));
		Decision decision = this.policies
			.decide(this.inputs.forCall(TestInputs.user("dana"), TestInputs.change("deploy_service"),
					Map.of("ref", "payment-api", "environment", "staging"), "req-9", null));
		assertThat(decision).isEqualTo(new Decision.Deny(java.util.List.of("not_owner"),
				"ask group:default/team-payments", null, "cairn@v12", "d-1"));
		opa.verify(postRequestedFor(urlPathEqualTo(OpaServerEngineTests.PATH))
			.withHeader("Authorization", equalTo("Bearer opa-token"))
			.withRequestBody(matchingJsonPath("$.input.principal.groups[1]", equalTo("group:default/team-checkout")))
			.withRequestBody(
					matchingJsonPath("$.input.resource.entity.owner", equalTo("group:default/team-payments"))));
		assertThat(readiness().statusCode()).isEqualTo(200);

		opa.resetMappings();
		opa.stubFor(post(urlPathEqualTo(OpaServerEngineTests.PATH)).willReturn(aResponse().withStatus(500)
			.withBody("{\"code\": \"internal_error\", \"message\": \"storage closed\"}")));
		OpaServerEngineTests.unavailable(this.policies
			.decide(this.inputs.forListing(TestInputs.user("dana"), TestInputs.read("catalog_search"))));
		HttpResponse<String> down = readiness();
		assertThat(down.statusCode()).isEqualTo(503);
		assertThat(down.body()).contains("\"policy\"")
			.contains("OPA answered HTTP 500: internal_error: storage closed");

		opa.resetMappings();
		opa.stubFor(
				post(urlPathEqualTo(OpaServerEngineTests.PATH)).willReturn(okJson("{\"result\": {\"allow\": true}}")));
		assertThat(readiness().statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> readiness() throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/health/readiness"))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

}
