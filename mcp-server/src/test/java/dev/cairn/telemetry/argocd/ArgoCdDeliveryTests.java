package dev.cairn.telemetry.argocd;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.cairn.telemetry.BackendException;
import dev.cairn.telemetry.DeliveryStatus;
import dev.cairn.telemetry.DeployRecord;
import dev.cairn.telemetry.ServiceTarget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Argo CD adapter against a stand-in answering as Argo CD's REST API does: whole
 * applications (spec, status with resources, sync, health, history, operation state and
 * summary), revision metadata, and the gateway's error bodies ({@code {"error", "code",
 * "message"}}) for missing applications, refused tokens and denied permissions; and
 * against servers that are slow, gone or not Argo CD.
 */
class ArgoCdDeliveryTests {

	private static final Path FIXTURES = Path.of("src/test/resources/argocd");

	private static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.argocd-api-token-for-tests.c2lnbmF0dXJl";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final ServiceTarget CHECKOUT = new ServiceTarget("checkout-api", "production");

	private WireMockServer argocd;

	@BeforeEach
	void start() {
		this.argocd = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		this.argocd.start();
	}

	@AfterEach
	void stop() {
		this.argocd.stop();
	}

	private ArgoCdDelivery delivery() {
		return new ArgoCdDelivery(new ArgoCdSettings(URI.create(this.argocd.baseUrl()), TOKEN));
	}

	private ArgoCdDelivery delivery(Duration timeout, String project, int lookups) {
		return new ArgoCdDelivery(new ArgoCdSettings(URI.create(this.argocd.baseUrl() + "/"), TOKEN, timeout, null,
				null, project, lookups));
	}

	private void application(String name, String fixture) throws IOException {
		this.argocd.stubFor(get(urlPathEqualTo("/api/v1/applications/" + name))
			.willReturn(okJson(Files.readString(FIXTURES.resolve(fixture)))));
	}

	private void metadata(String app, String revision, String author, String message) {
		this.argocd.stubFor(get(urlPathEqualTo("/api/v1/applications/" + app + "/revisions/" + revision + "/metadata"))
			.willReturn(okJson("""
					{"author": "%s", "date": "2026-11-20T13:58:40Z", "tags": ["v2.14.1"], "message": "%s"}"""
				.formatted(author, message))));
	}

	private void error(int status, int code, String message) {
		this.argocd.stubFor(get(urlPathMatching("/api/v1/applications/.*")).willReturn(aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":\"%s\",\"code\":%d,\"message\":\"%s\"}".formatted(message, code, message))));
	}

	@Test
	void readsASyncedHealthyApplicationWithTheToken() throws IOException {
		application("checkout-api-production", "application-synced-healthy.json");
		DeliveryStatus status = delivery().status(CHECKOUT).orElseThrow();
		assertThat(status).isEqualTo(new DeliveryStatus("checkout-api-production", "Synced", "Healthy", null,
				"9f2c1e7a4b3d5f6e8a0b1c2d3e4f5a6b7c8d9e0f", "Succeeded", "successfully synced (all tasks run)",
				Instant.parse("2026-11-20T14:03:12Z")));
		this.argocd.verify(getRequestedFor(urlPathEqualTo("/api/v1/applications/checkout-api-production"))
			.withHeader("Authorization", equalTo("Bearer " + TOKEN))
			.withHeader("Accept", equalTo("application/json"))
			.withoutQueryParam("projects")
			.withoutQueryParam("appNamespace"));
	}

	@Test
	void namesTheApplicationByAnnotationOrTemplateAndSendsProjectAndNamespace() throws IOException {
		application("checkout", "application-synced-healthy.json");
		application("checkout-prod", "application-synced-healthy.json");
		ServiceTarget annotated = new ServiceTarget("checkout-api", "production",
				Map.of(ServiceTarget.ARGOCD_APP_NAME, "checkout"));
		URI url = URI.create(this.argocd.baseUrl());
		assertThat(new ArgoCdDelivery(new ArgoCdSettings(url, TOKEN)).status(annotated)).isPresent();
		ArgoCdSettings templated = new ArgoCdSettings(url, TOKEN, Duration.ofSeconds(2), "{app}-prod", "team-apps",
				"payments", 0);
		assertThat(new ArgoCdDelivery(templated).status(annotated)).isPresent();
		this.argocd.verify(getRequestedFor(urlPathEqualTo("/api/v1/applications/checkout-prod"))
			.withQueryParam("projects", equalTo("payments"))
			.withQueryParam("appNamespace", equalTo("team-apps")));
		assertThat(templated.applicationName(CHECKOUT)).isEqualTo("checkout-api-prod");
		assertThat(new ArgoCdSettings(url, null, null, "{service}-{environment}-eu", null, null, 0)
			.applicationName(CHECKOUT)).isEqualTo("checkout-api-production-eu");
	}

	@Test
	void outOfSyncAndDegradedCarriesTheMessageOfTheDegradedResource() throws IOException {
		application("payments-api-staging", "application-outofsync-degraded.json");
		DeliveryStatus status = delivery().status(new ServiceTarget("payments-api", "staging")).orElseThrow();
		assertThat(status.sync()).isEqualTo("OutOfSync");
		assertThat(status.health()).isEqualTo("Degraded");
		assertThat(status.healthMessage())
			.isEqualTo("Deployment payments-api: Deployment \"payments-api\" exceeded its progress deadline");
		assertThat(status.revision()).isEqualTo("c0ffee0123456789abcdef0123456789abcdef01");
	}

	@Test
	void anApplicationHealthMessageIsTakenAsItIs() throws IOException {
		ObjectNode application = (ObjectNode) JSON
			.readTree(Files.readString(FIXTURES.resolve("application-outofsync-degraded.json")));
		((ObjectNode) application.path("status").path("health")).put("message",
				"Deployment \"payments-api\" exceeded its progress deadline");
		this.argocd.stubFor(get(urlPathEqualTo("/api/v1/applications/payments-api-staging"))
			.willReturn(okJson(application.toString())));
		assertThat(delivery().status(new ServiceTarget("payments-api", "staging")).orElseThrow().healthMessage())
			.isEqualTo("Deployment \"payments-api\" exceeded its progress deadline");
	}

	@Test
	void aFailedSyncOperationIsReportedAndLeadsTheHistory() throws IOException {
		application("orders-api-production", "application-sync-failed.json");
		metadata("orders-api-production", "e4d3c2b1a09f8e7d6c5b4a3928171615e4d3c2b1", "Dana Ortiz <dana@acme.example>",
				"Add NOT NULL constraint to orders.customer_ref");
		metadata("orders-api-production", "77aa88bb99cc00dd11ee22ff33aa44bb55cc66dd", "Eli Park <eli@acme.example>",
				"Bump orders-api to 3.7.2");
		ServiceTarget orders = new ServiceTarget("orders-api", "production");
		DeliveryStatus status = delivery().status(orders).orElseThrow();
		assertThat(status.sync()).isEqualTo("OutOfSync");
		assertThat(status.health()).isEqualTo("Healthy");
		assertThat(status.healthMessage()).isNull();
		assertThat(status.operation()).isEqualTo("Failed");
		assertThat(status.operationMessage()).startsWith("one or more synchronization tasks completed unsuccessfully")
			.contains("backoff limit");
		assertThat(status.operationFinishedAt()).isEqualTo(Instant.parse("2026-11-21T09:43:58Z"));

		List<DeployRecord> history = delivery().history(orders, 10);
		assertThat(history).containsExactly(
				new DeployRecord("operation@2026-11-21T09:43:58Z", "3.8.0", "e4d3c2b1a09f8e7d6c5b4a3928171615e4d3c2b1",
						"Dana Ortiz <dana@acme.example>", "Add NOT NULL constraint to orders.customer_ref",
						Instant.parse("2026-11-21T09:43:58Z"), "Failed"),
				new DeployRecord("19", "3.7.2", "77aa88bb99cc00dd11ee22ff33aa44bb55cc66dd",
						"Eli Park <eli@acme.example>", "Bump orders-api to 3.7.2",
						Instant.parse("2026-11-14T11:29:51Z"), "Succeeded"));
	}

	@Test
	void historyIsNewestFirstWithVersionsAndCommitsWithinTheLimit() throws IOException {
		application("checkout-api-production", "application-synced-healthy.json");
		metadata("checkout-api-production", "9f2c1e7a4b3d5f6e8a0b1c2d3e4f5a6b7c8d9e0f",
				"Alice Moreau <alice@acme.example>",
				"Release checkout-api 2.14.1\\n\\nFixes the retry storm on card declines.");
		metadata("checkout-api-production", "5e6f708192a3b4c5d6e7f8091a2b3c4d1a2b3c4d", "Bob Chen <bob@acme.example>",
				"Release checkout-api 2.14.0");
		List<DeployRecord> history = delivery().history(CHECKOUT, 2);
		assertThat(history).containsExactly(
				new DeployRecord("43", "2.14.1", "9f2c1e7a4b3d5f6e8a0b1c2d3e4f5a6b7c8d9e0f",
						"Alice Moreau <alice@acme.example>", "Release checkout-api 2.14.1",
						Instant.parse("2026-11-20T14:03:12Z"), "Succeeded"),
				new DeployRecord("42", "2.14.0", "5e6f708192a3b4c5d6e7f8091a2b3c4d1a2b3c4d",
						"Bob Chen <bob@acme.example>", "Release checkout-api 2.14.0",
						Instant.parse("2026-11-19T16:45:31Z"), "Succeeded"));
		this.argocd.verify(2, getRequestedFor(urlPathMatching("/api/v1/applications/.*/metadata")));
	}

	@Test
	void commitLookupsAreBoundedAndAFailedOneLeavesTheAuthorUnknown() throws IOException {
		application("checkout-api-production", "application-synced-healthy.json");
		metadata("checkout-api-production", "9f2c1e7a4b3d5f6e8a0b1c2d3e4f5a6b7c8d9e0f",
				"Alice Moreau <alice@acme.example>", "Release checkout-api 2.14.1");
		this.argocd.stubFor(get(urlPathEqualTo("/api/v1/applications/checkout-api-production/revisions/"
				+ "5e6f708192a3b4c5d6e7f8091a2b3c4d1a2b3c4d/metadata"))
			.willReturn(aResponse().withStatus(500)
				.withBody("{\"error\":\"rpc error: code = Unknown desc = unable to resolve revision\",\"code\":2,"
						+ "\"message\":\"rpc error: code = Unknown desc = unable to resolve revision\"}")));
		List<DeployRecord> history = delivery(Duration.ofSeconds(2), null, 2).history(CHECKOUT, 10);
		assertThat(history).extracting(DeployRecord::version).containsExactly("2.14.1", "2.14.0", "2.13.0");
		assertThat(history).extracting(DeployRecord::author)
			.containsExactly("Alice Moreau <alice@acme.example>", null, null);
		this.argocd.verify(2, getRequestedFor(urlPathMatching("/api/v1/applications/.*/metadata")));
	}

	@Test
	void aSlowCommitLookupEndsTheLookupsButNotTheHistory() throws IOException {
		application("checkout-api-production", "application-synced-healthy.json");
		this.argocd.stubFor(get(urlPathMatching("/api/v1/applications/checkout-api-production/revisions/.*/metadata"))
			.willReturn(okJson("{\"author\": \"late\"}").withFixedDelay(2000)));
		List<DeployRecord> history = delivery(Duration.ofMillis(300), null, 5).history(CHECKOUT, 10);
		assertThat(history).hasSize(3).allSatisfy((record) -> assertThat(record.author()).isNull());
		this.argocd.verify(1, getRequestedFor(urlPathMatching("/api/v1/applications/.*/metadata")));
	}

	@Test
	void theRunningVersionComesFromTheImagesWhenTheSourceNamesNone() throws IOException {
		application("payments-api-staging", "application-outofsync-degraded.json");
		List<DeployRecord> history = delivery(Duration.ofSeconds(2), null, 0)
			.history(new ServiceTarget("payments-api", "staging"), 10);
		assertThat(history).extracting(DeployRecord::id).containsExactly("8", "7");
		assertThat(history).extracting(DeployRecord::version).containsExactly("1.9.0-rc.2", null);
		assertThat(history).extracting(DeployRecord::commit)
			.containsExactly("c0ffee0123456789abcdef0123456789abcdef01", "0badc0de0123456789abcdef0123456789abcdef");
	}

	@Test
	void aMissingApplicationIsNotManagedHere() {
		error(404, 5, "applications.argoproj.io \\\"checkout-api-production\\\" not found");
		assertThat(delivery().status(CHECKOUT)).isEmpty();
		assertThat(delivery().history(CHECKOUT, 5)).isEmpty();
	}

	@Test
	void aNotFoundPageThatIsNotArgoCdsIsNotAbsence() {
		this.argocd.stubFor(get(urlPathMatching("/api/v1/applications/.*")).willReturn(
				aResponse().withStatus(404).withHeader("Content-Type", "text/plain").withBody("404 page not found")));
		assertThatExceptionOfType(BackendException.class).isThrownBy(() -> delivery().status(CHECKOUT))
			.withMessage("Argo CD (" + this.argocd.baseUrl() + "): answered HTTP 404 for application "
					+ "checkout-api-production with something that is not an Argo CD error: 404 page not found; "
					+ "is the URL Argo CD's?");
	}

	@Test
	void permissionDeniedSaysWhatArgoCdCannotTellApart() {
		error(403, 7, "permission denied");
		assertThatExceptionOfType(BackendException.class).isThrownBy(() -> delivery().status(CHECKOUT))
			.withMessage("Argo CD (" + this.argocd.baseUrl() + "): application checkout-api-production does not "
					+ "exist, or the token may not read it (HTTP 403: permission denied); Argo CD tells the two apart "
					+ "only when the adapter is configured with the application's project");
		assertThatExceptionOfType(BackendException.class)
			.isThrownBy(() -> delivery(Duration.ofSeconds(2), "payments", 0).status(CHECKOUT))
			.withMessageContaining("the token may not read application checkout-api-production in project payments")
			.satisfies((ex) -> assertThat(ex.backend()).isEqualTo("Argo CD (" + this.argocd.baseUrl() + ")"));
	}

	@Test
	void aRefusedTokenNeverAppearsInTheMessage() {
		// Argo CD does not echo tokens; a proxy in front of it might.
		error(401, 16, "invalid session: token signature is invalid: " + TOKEN);
		assertThatExceptionOfType(BackendException.class).isThrownBy(() -> delivery().history(CHECKOUT, 5))
			.satisfies((ex) -> assertThat(ex.getMessage()).startsWith("Argo CD (" + this.argocd.baseUrl() + ")")
				.contains("refused the token (HTTP 401: invalid session: token signature is invalid")
				.doesNotContain(TOKEN)
				.doesNotContain("argocd-api-token-for-tests"));
		ArgoCdSettings settings = new ArgoCdSettings(URI.create(this.argocd.baseUrl()), TOKEN);
		assertThat(settings.toString()).doesNotContain(TOKEN).contains("token=(set)");
	}

	@Test
	void aServerErrorIsABackendFailure() {
		this.argocd.stubFor(get(urlPathMatching("/api/v1/applications/.*"))
			.willReturn(aResponse().withStatus(502).withBody("<html><body>502 Bad Gateway</body></html>")));
		assertThatExceptionOfType(BackendException.class).isThrownBy(() -> delivery().status(CHECKOUT))
			.withMessage("Argo CD (" + this.argocd.baseUrl() + "): answered HTTP 502: <html><body>502 Bad "
					+ "Gateway</body></html> for application checkout-api-production");
	}

	@Test
	void aSlowArgoCdTimesOut() throws IOException {
		this.argocd.stubFor(get(urlPathEqualTo("/api/v1/applications/checkout-api-production")).willReturn(
				okJson(Files.readString(FIXTURES.resolve("application-synced-healthy.json"))).withFixedDelay(3000)));
		assertThatExceptionOfType(BackendException.class)
			.isThrownBy(() -> delivery(Duration.ofMillis(200), null, 0).status(CHECKOUT))
			.withMessage("Argo CD (" + this.argocd.baseUrl() + "): did not answer within 200 ms");
	}

	@Test
	void anUnreachableArgoCdIsNamed() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		ArgoCdDelivery delivery = new ArgoCdDelivery(new ArgoCdSettings(URI.create("http://127.0.0.1:" + port), TOKEN,
				Duration.ofSeconds(2), null, null, null, 0));
		assertThatExceptionOfType(BackendException.class).isThrownBy(() -> delivery.status(CHECKOUT))
			.satisfies((ex) -> assertThat(ex.getMessage())
				.startsWith("Argo CD (http://127.0.0.1:" + port + "): cannot connect to 127.0.0.1:" + port)
				.doesNotContain(TOKEN));
	}

	@Test
	void somethingThatIsNotArgoCdIsRefused() {
		// An SSO proxy's login page, answered with 200.
		this.argocd.stubFor(get(urlPathMatching("/api/v1/applications/.*")).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "text/html")
			.withBody("<!DOCTYPE html><html><head><title>Sign in</title></head><body>...</body></html>")));
		assertThatExceptionOfType(BackendException.class).isThrownBy(() -> delivery().status(CHECKOUT))
			.withMessageStartingWith("Argo CD (" + this.argocd.baseUrl() + "): answered HTTP 200 with a body that is "
					+ "not JSON: <!DOCTYPE html>");
		this.argocd.stubFor(get(urlPathMatching("/api/v1/applications/.*")).willReturn(okJson("[1, 2, 3]")));
		assertThatExceptionOfType(BackendException.class).isThrownBy(() -> delivery().history(CHECKOUT, 3))
			.withMessageContaining("answered something that is not an application: [1, 2, 3]");
	}

}
