package dev.cairn.rego;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cairn.rego.value.Value;
import dev.cairn.rego.value.Values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code http.send}, {@code net.lookup_ip_addr} and {@code opa.runtime} against a real
 * HTTP server on this machine: refused unless the embedding application grants the host.
 */
class NetworkBuiltinsTests {

	private HttpServer server;

	private final AtomicInteger requests = new AtomicInteger();

	private String url;

	@BeforeEach
	void startServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/teams", (exchange) -> {
			this.requests.incrementAndGet();
			String auth = exchange.getRequestHeaders().getFirst("Authorization");
			byte[] body = ("{\"team\": \"payments\", \"auth\": \"" + auth + "\"}").getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.getResponseHeaders().add("X-Trace", "t-1");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		this.server.createContext("/echo", (exchange) -> {
			byte[] body = exchange.getRequestBody().readAllBytes();
			exchange.sendResponseHeaders(201, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		this.server.start();
		this.url = "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	@AfterEach
	void stopServer() {
		this.server.stop(0);
	}

	@Test
	void refusesEveryHostByDefaultNamingIt() {
		Rego rego = Rego.builder()
			.module("p.rego", policy("{\"method\": \"get\", \"url\": \"" + this.url + "/teams\"}"))
			.strictBuiltinErrors(true)
			.build();
		assertThatExceptionOfType(RegoException.class).isThrownBy(() -> rego.prepare("data.p.r").evaluate())
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.EVAL_BUILTIN_ERROR))
			.withMessageContaining("http.send: unallowed host: 127.0.0.1");
		assertThat(this.requests).hasValue(0);
	}

	@Test
	void sendsToAnAllowedHostAndDecodesJson() {
		Rego rego = Rego.builder()
			.module("p.rego",
					policy("{\"method\": \"get\", \"url\": \"" + this.url
							+ "/teams\", \"headers\": {\"Authorization\": \"Bearer abc\"}}"))
			.network(NetworkAccess.hosts("127.0.0.1:" + this.server.getAddress().getPort()))
			.build();
		Value response = rego.prepare("x := data.p.r").evaluate().rows().get(0).get("x");
		assertThat(Values.toJsonText(response)).contains("\"status\":\"200 OK\"")
			.contains("\"status_code\":200")
			.contains("\"body\":{\"auth\":\"Bearer abc\",\"team\":\"payments\"}")
			.contains("\"x-trace\":[\"t-1\"]");
	}

	@Test
	void sendsTheSameRequestOncePerEvaluation() {
		String request = "{\"method\": \"get\", \"url\": \"" + this.url + "/teams\"}";
		Rego rego = Rego.builder()
			.module("p.rego", "package p\n\nr := [http.send(" + request + "), http.send(" + request + ")]\n")
			.network(NetworkAccess.ANY)
			.build();
		rego.prepare("data.p.r").evaluate();
		assertThat(this.requests).hasValue(1);
		rego.prepare("data.p.r").evaluate();
		assertThat(this.requests).hasValue(2);
	}

	@Test
	void postsJsonBodies() {
		Rego rego = Rego.builder()
			.module("p.rego",
					policy("{\"method\": \"post\", \"url\": \"" + this.url
							+ "/echo\", \"body\": {\"a\": [1, 2]}, \"force_json_decode\": true}"))
			.network(NetworkAccess.ANY)
			.build();
		Value response = rego.prepare("x := data.p.r").evaluate().rows().get(0).get("x");
		assertThat(Values.toJsonText(response)).contains("\"status_code\":201").contains("\"body\":{\"a\":[1,2]}");
	}

	@Test
	void reportsUnreachableServersAsErrorObjectsWhenAsked() throws IOException {
		int closedPort;
		try (var socket = new java.net.ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		Rego rego = Rego.builder()
			.module("p.rego",
					policy("{\"method\": \"get\", \"url\": \"http://127.0.0.1:" + closedPort
							+ "/\", \"raise_error\": false, \"timeout\": \"2s\"}"))
			.network(NetworkAccess.ANY)
			.build();
		Value response = rego.prepare("x := data.p.r").evaluate().rows().get(0).get("x");
		assertThat(Values.toJsonText(response)).contains("\"status_code\":0")
			.contains("\"code\":\"eval_http_send_network_error\"");
	}

	@Test
	void rejectsUnknownAndUnsupportedRequestParameters() {
		for (String request : List.of("{\"method\": \"get\", \"url\": \"" + this.url + "\", \"colour\": 1}",
				"{\"method\": \"get\", \"url\": \"" + this.url + "\", \"tls_client_cert\": \"x\"}",
				"{\"url\": \"" + this.url + "\"}")) {
			Rego rego = Rego.builder()
				.module("p.rego", policy(request))
				.network(NetworkAccess.ANY)
				.strictBuiltinErrors(true)
				.build();
			assertThatExceptionOfType(RegoException.class).isThrownBy(() -> rego.prepare("data.p.r").evaluate())
				.withMessageMatching(
						"(?s).*http.send: (invalid request parameters\\(s\\): \\{\"colour\"\\}|request parameter tls_client_cert is not supported by this engine|missing required request parameters\\(s\\): \\{\"method\"\\}).*");
		}
		assertThat(this.requests).hasValue(0);
	}

	@Test
	void looksUpNamesOnlyWhenAllowedButAlwaysReadsAddressLiterals() {
		String module = "package p\n\nlocal := net.lookup_ip_addr(\"localhost\")\n\nliteral := net.lookup_ip_addr(\"2001:db8:0:0:0:0:0:1\")\n";
		Rego closed = Rego.builder().module("p.rego", module).strictBuiltinErrors(true).build();
		assertThat(closed.prepare("x := data.p.literal").evaluate().rows().get(0).get("x").toString())
			.isEqualTo("{\"2001:db8::1\"}");
		assertThatExceptionOfType(RegoException.class).isThrownBy(() -> closed.prepare("data.p.local").evaluate())
			.withMessageContaining("unallowed host: localhost");
		Rego open = Rego.builder().module("p.rego", module).network(NetworkAccess.hosts("localhost")).build();
		assertThat(open.prepare("x := data.p.local").evaluate().rows().get(0).get("x").toString())
			.containsAnyOf("127.0.0.1", "::1");
	}

	@Test
	void runtimeIsWhatTheApplicationProvides() {
		Rego rego = Rego.builder()
			.module("p.rego", "package p\n\nv := opa.runtime().version\n")
			.runtime(Values.parseJson("{\"version\": \"1.2.3\"}"))
			.build();
		assertThat(rego.prepare("x := data.p.v").evaluate().rows().get(0).get("x").toString()).isEqualTo("\"1.2.3\"");
	}

	@Test
	void hostPatternsMatchNamesPortsAndSubdomains() {
		NetworkAccess access = NetworkAccess.hosts("opa.internal:8181", "*.example.com", "10.0.0.1");
		assertThat(access.allows("opa.internal", 8181)).isTrue();
		assertThat(access.allows("opa.internal", 80)).isFalse();
		assertThat(access.allows("API.Example.com", 443)).isTrue();
		assertThat(access.allows("example.com", 443)).isFalse();
		assertThat(access.allows("10.0.0.1", 22)).isTrue();
		assertThat(NetworkAccess.NONE.allows("localhost", 80)).isFalse();
	}

	private static String policy(String request) {
		return "package p\n\nr := http.send(" + request + ")\n";
	}

}
