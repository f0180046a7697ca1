package dev.cairn.policy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cairn.rego.value.Values;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both engines feed one mapping: the same decision document is the same decision, whether
 * the in-process engine computed it or an OPA server sent it. The OPA side is a stub that
 * answers each input with exactly the document the in-process engine produced.
 */
class EngineAgreementTests {

	@TempDir
	Path folder;

	private WireMockServer opa;

	private PolicyService viaOpa;

	@BeforeEach
	void start() {
		this.opa = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		this.opa.start();
		this.viaOpa = new PolicyService(new OpaServerEngine(URI.create(this.opa.baseUrl()), "cairn/authz/decision",
				Duration.ofSeconds(2), null), TestInputs.CLOCK);
	}

	@AfterEach
	void stop() {
		this.opa.stop();
	}

	@Test
	void theShippedPolicyDecidesTheSameThroughBothEngines() {
		RegoPolicyEngine rego = TestInputs.shippedEngine();
		PolicyService inProcess = new PolicyService(rego, TestInputs.CLOCK);
		List<String> disagreements = new ArrayList<>();
		List<PolicyMatrix.Case> cases = PolicyMatrix.cases(false);
		for (PolicyMatrix.Case c : cases) {
			DecisionDocument document = rego.evaluate(c.input());
			serve(Values.toJsonText(document.result()));
			Decision local = inProcess.decide(c.input());
			Decision remote = this.viaOpa.decide(c.input());
			if (!normalized(local).equals(normalized(remote))) {
				disagreements.add(c + ": in process " + local + ", via OPA " + remote);
			}
		}
		assertThat(disagreements).isEmpty();
		assertThat(cases).hasSizeGreaterThan(100);
	}

	@Test
	void everyDocumentMeansTheSameThroughBothEngines() throws IOException {
		List<String> documents = List.of("{\"allow\": true}",
				"{\"allow\": true, \"reasons\": [], \"hint\": null, \"approval\": null, \"obligations\": {\"redact\": [\"a.b\"], \"limit\": 5}}",
				"{\"allow\": false, \"reasons\": [\"not_owner\"], \"hint\": \"ask them\"}", "{\"allow\": false}",
				"{\"allow\": false, \"approval\": {\"approvers\": [\"group:default/x\"], \"reason\": \"tier-1\"}}",
				// Malformed: each must fail closed the same way on both sides.
				"true", "\"allow\"", "[true]", "{}", "{\"allow\": \"true\"}", "{\"allow\": 1}",
				"{\"allow\": true, \"reason\": []}", "{\"allow\": false, \"reasons\": \"x\"}",
				"{\"allow\": true, \"approval\": {\"approvers\": [\"g\"], \"reason\": \"r\"}}",
				"{\"allow\": true, \"obligations\": {\"limit\": -3}}", "{\"allow\": null}");
		PolicyInput input = TestInputs.call(TestInputs.user("alice"), TestInputs.change("deploy_service"),
				"payment-api", "production");
		for (String document : documents) {
			Files.writeString(this.folder.resolve("authz.rego"),
					"package cairn.authz\n\ndecision := " + document + "\n");
			Decision local = new PolicyService(engine(), TestInputs.CLOCK).decide(input);
			serve(document);
			Decision remote = this.viaOpa.decide(input);
			assertThat(normalized(remote)).as(document).isEqualTo(normalized(local));
		}
	}

	@Test
	void anUndefinedDecisionIsDeniedByBothEngines() throws IOException {
		Files.writeString(this.folder.resolve("authz.rego"), "package cairn.authz\n\nsomething_else := 1\n");
		Decision local = new PolicyService(engine(), TestInputs.CLOCK)
			.decide(TestInputs.call(TestInputs.user("alice"), TestInputs.read("catalog_search"), null, null));
		this.opa.stubFor(post(urlPathEqualTo(OpaServerEngineTests.PATH)).willReturn(okJson("{}")));
		Decision remote = this.viaOpa
			.decide(TestInputs.call(TestInputs.user("alice"), TestInputs.read("catalog_search"), null, null));
		assertThat(OpaServerEngineTests.unavailable(local).error()).contains("undefined");
		assertThat(normalized(remote)).isEqualTo(normalized(local));
	}

	private RegoPolicyEngine engine() {
		return new RegoPolicyEngine(this.folder, TestInputs.ENTRYPOINT, Duration.ofSeconds(5), TestInputs.CLOCK);
	}

	private void serve(String document) {
		this.opa.resetMappings();
		this.opa.stubFor(post(urlPathEqualTo(OpaServerEngineTests.PATH)).willReturn(
				okJson("{\"decision_id\": \"4ca636c1-55e4-417a-b1d8-4aceb67960d1\", \"result\": " + document + "}")));
	}

	/** The decision without what differs by engine: the revision and the decision id. */
	static Decision normalized(Decision decision) {
		if (decision instanceof Decision.Allow allow) {
			return new Decision.Allow(allow.obligations(), "-", null);
		}
		if (decision instanceof Decision.RequireApproval approval) {
			return new Decision.RequireApproval(approval.approvers(), approval.reason(), approval.hint(), "-", null);
		}
		Decision.Deny deny = (Decision.Deny) decision;
		String error = (deny.error() != null) ? deny.error().replace(deny.revision(), "-") : null;
		return new Decision.Deny(deny.reasons(), deny.hint(), error, "-", null);
	}

}
