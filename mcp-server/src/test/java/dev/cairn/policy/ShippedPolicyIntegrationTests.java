package dev.cairn.policy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cairn with its defaults: no policies folder in the working directory (tests run in
 * mcp-server/), so the guardrails shipped in the jar decide in process, over the demo
 * catalog's groups and entities.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ShippedPolicyIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	PolicyService policies;

	@Autowired
	PolicyInputs inputs;

	@Test
	void theShippedGuardrailsDecideOverTheDemoCatalog() throws Exception {
		assertThat(this.policies.engine()).startsWith("rego shipped guardrails (");
		assertThat(this.policies.revision()).matches("[0-9a-f]{12}");

		// Dana is on team-checkout: she may change checkout-web in staging, not
		// payment-api.
		Decision own = this.policies
			.decide(this.inputs.forCall(TestInputs.agentFor("dana"), TestInputs.change("deploy_service"),
					Map.of("ref", "checkout-web", "environment", "staging"), "r1", null));
		assertThat(own.allowed()).as(own.toString()).isTrue();
		Decision other = this.policies
			.decide(this.inputs.forCall(TestInputs.agentFor("dana"), TestInputs.change("deploy_service"),
					Map.of("ref", "payment-api", "environment", "staging"), "r2", null));
		assertThat(other).isInstanceOfSatisfying(Decision.Deny.class,
				(deny) -> assertThat(deny.reasons()).isEqualTo(List.of("not_owner")));

		HttpResponse<String> readiness = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/health/readiness"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(readiness.statusCode()).isEqualTo(200);
		assertThat(readiness.body()).contains("\"policy\"").contains(this.policies.revision());
	}

}
