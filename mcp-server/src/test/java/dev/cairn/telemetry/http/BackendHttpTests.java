package dev.cairn.telemetry.http;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.cairn.telemetry.BackendException;
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

/** The bounds every adapter's exchanges get. */
class BackendHttpTests {

	private WireMockServer server;

	private BackendHttp http;

	@BeforeEach
	void start() {
		this.server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		this.server.start();
		this.http = BackendHttp.to("Test", URI.create(this.server.baseUrl()))
			.auth(HttpAuth.bearer("s3cr3t-token"))
			.timeout(Duration.ofSeconds(2))
			.maxBodyBytes(10_000)
			.labelsNameTheEndpoint()
			.build();
	}

	@AfterEach
	void stop() {
		this.server.stop();
	}

	private String label() {
		return "Test (" + this.server.baseUrl() + ")";
	}

	@Test
	void aSuccessfulBodyLongerThanTheCapIsCutAndNotReadAsJson() {
		this.server.stubFor(get(urlPathEqualTo("/big")).willReturn(aResponse().withBody("x".repeat(100_000))));
		HttpAnswer answer = this.http.get(label(), "/big", Map.of());
		assertThat(answer.cut()).isTrue();
		assertThat(answer.length()).isEqualTo(10_000);
		assertThat(answer.jsonOrNull()).isNull();
		assertThatExceptionOfType(BackendException.class).isThrownBy(() -> this.http.json(label(), answer))
			.withMessage(label() + ": answered more than 10000 bytes; refusing to read it all");
	}

	@Test
	void anErrorBodyIsCutToQuoteFrom() {
		this.server.stubFor(get(urlPathEqualTo("/error"))
			.willReturn(aResponse().withStatus(500).withBody("e".repeat(BackendHttp.ERROR_BODY_LIMIT * 2))));
		HttpAnswer answer = this.http.get(label(), "/error", Map.of(), 1_000_000);
		assertThat(answer.status()).isEqualTo(500);
		assertThat(answer.length()).isEqualTo(BackendHttp.ERROR_BODY_LIMIT);
		assertThat(answer.cut()).isTrue();
	}

	@Test
	void aRedirectIsReturnedNotFollowed() {
		this.server.stubFor(get(urlPathEqualTo("/moved"))
			.willReturn(aResponse().withStatus(302).withHeader("Location", "https://elsewhere.example.com/x")));
		HttpAnswer answer = this.http.get(label(), "/moved", Map.of());
		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.header("Location")).isEqualTo("https://elsewhere.example.com/x");
	}

	@Test
	void credentialsAndHeadersGoOnlyToTheBaseUrlsOrigin() {
		this.server.stubFor(get(urlPathEqualTo("/q")).willReturn(aResponse().withBody("{}")));
		this.http.get(label(), "/q", Map.of("a", "b c"));
		this.server.verify(getRequestedFor(urlPathEqualTo("/q")).withQueryParam("a", equalTo("b c"))
			.withHeader("Authorization", equalTo("Bearer s3cr3t-token"))
			.withHeader("Accept", equalTo("application/json")));
		HttpRequest elsewhere = this.http.request(URI.create("https://storage.example.com/log?sig=x")).build();
		assertThat(elsewhere.headers().map()).isEmpty();
		HttpRequest otherPort = this.http.request(URI.create("http://localhost:1/x")).build();
		assertThat(otherPort.headers().firstValue("Authorization")).isEmpty();
		assertThat(this.http.anonymous(URI.create(this.server.baseUrl() + "/x")).build().headers().map()).isEmpty();
	}

	@Test
	void basicCredentialsInTheUrlAreUsedAndNeverShown() {
		BackendHttp withUser = BackendHttp.to("Test", URI.create("http://reader:hunter2@prometheus:9090/prom/"))
			.build();
		assertThat(withUser.url()).isEqualTo("http://prometheus:9090/prom");
		assertThat(withUser.request(URI.create("http://prometheus:9090/prom/x"))
			.build()
			.headers()
			.firstValue("Authorization")).contains("Basic cmVhZGVyOmh1bnRlcjI=");
		assertThat(withUser.quote("bad password hunter2")).isEqualTo("bad password ****");
		assertThat(HttpAuth.basic("svc", "hunter2")).hasToString("basic svc:****");
		assertThat(HttpAuth.bearer("tok-123")).hasToString("bearer ****");
	}

	@Test
	void failuresNameTheEndpointOnce() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		URI url = URI.create("http://127.0.0.1:" + port);
		BackendHttp named = BackendHttp.to("Prometheus", url).timeout(Duration.ofSeconds(2)).build();
		assertThatExceptionOfType(BackendException.class)
			.isThrownBy(() -> named.get("Prometheus (production)", "/api", Map.of()))
			.withMessage("Prometheus (production): cannot connect to Prometheus at " + url + " (connection refused)");
		BackendHttp labelled = BackendHttp.to("Argo CD", url).labelsNameTheEndpoint().build();
		assertThatExceptionOfType(BackendException.class)
			.isThrownBy(() -> labelled.get("Argo CD (" + url + ")", "/api", Map.of()))
			.withMessage("Argo CD (" + url + "): cannot connect to 127.0.0.1:" + port + " (connection refused)");
	}

	@Test
	void messagesNeverCarryUserInfoOrSecrets() {
		assertThat(BackendText.display(URI.create("https://user:pw@argocd.example.com:8443/argo/?x=1")))
			.isEqualTo("https://argocd.example.com:8443/argo");
		assertThat(BackendText.scrub("token abcdef123 echoed", "abcdef123")).isEqualTo("token **** echoed");
		assertThat(BackendText.quote("a\n  b " + "c".repeat(400))).hasSize(303).startsWith("a b c");
		assertThat(this.http.quote("Bearer s3cr3t-token\nrejected")).isEqualTo("Bearer **** rejected");
		assertThat(BackendText.duration(Duration.ofSeconds(5))).isEqualTo("5s");
		assertThat(BackendText.duration(Duration.ofMillis(1500))).isEqualTo("1500 ms");
	}

}
