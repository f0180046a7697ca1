package dev.cairn.telemetry.http;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.cairn.telemetry.BackendException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The bounds every adapter's exchanges get. */
class BackendHttpTests {

	private WireMockServer server;

	private BackendHttp http;

	@BeforeEach
	void start() {
		this.server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		this.server.start();
		this.http = new BackendHttp("Test (" + this.server.baseUrl() + ")", Duration.ofSeconds(2));
	}

	@AfterEach
	void stop() {
		this.server.stop();
	}

	@Test
	void aSuccessfulBodyLongerThanTheLimitIsRefused() {
		this.server.stubFor(get(urlPathEqualTo("/big")).willReturn(aResponse().withBody("x".repeat(100_000))));
		assertThatExceptionOfType(BackendException.class)
			.isThrownBy(() -> this.http.get(URI.create(this.server.baseUrl() + "/big"), Map.of(), 10_000))
			.withMessage(
					"Test (" + this.server.baseUrl() + "): answered more than 10000 bytes; refusing to read it all");
	}

	@Test
	void anErrorBodyIsCutToQuoteFrom() {
		this.server.stubFor(get(urlPathEqualTo("/error"))
			.willReturn(aResponse().withStatus(500).withBody("e".repeat(BackendHttp.ERROR_BODY_LIMIT * 2))));
		BackendHttp.Answer answer = this.http.get(URI.create(this.server.baseUrl() + "/error"), Map.of(), 10);
		assertThat(answer.status()).isEqualTo(500);
		assertThat(answer.content()).hasSize(BackendHttp.ERROR_BODY_LIMIT);
	}

	@Test
	void messagesNeverCarryUserInfoOrSecrets() {
		assertThat(BackendHttp.display(URI.create("https://user:pw@argocd.example.com:8443/argo/?x=1")))
			.isEqualTo("https://argocd.example.com:8443/argo");
		assertThat(BackendHttp.scrub("token abcdef123 echoed", "abcdef123")).isEqualTo("token **** echoed");
		assertThat(BackendHttp.quote("a\n  b " + "c".repeat(400))).hasSize(303).startsWith("a b c");
	}

}
