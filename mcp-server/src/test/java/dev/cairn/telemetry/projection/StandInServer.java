package dev.cairn.telemetry.projection;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

/**
 * A WireMock server on a free loopback port whose stubs are either fixed answers or
 * answers computed from the request ({@link #computed}), for backends whose answer
 * depends on the query (Loki's time range and filters, GitHub's short commits).
 */
final class StandInServer implements AutoCloseable {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String COMPUTED = "cairn-computed";

	private final Map<String, Function<Request, ResponseDefinition>> answers = new ConcurrentHashMap<>();

	private final WireMockServer server;

	StandInServer() {
		ResponseDefinitionTransformerV2 transformer = new ResponseDefinitionTransformerV2() {

			@Override
			public ResponseDefinition transform(ServeEvent event) {
				Object key = event.getStubMapping().getMetadata().get(COMPUTED);
				Function<Request, ResponseDefinition> answer = StandInServer.this.answers.get(String.valueOf(key));
				return (answer != null) ? answer.apply(event.getRequest()) : event.getResponseDefinition();
			}

			@Override
			public boolean applyGlobally() {
				return false;
			}

			@Override
			public String getName() {
				return COMPUTED;
			}

		};
		this.server = new WireMockServer(
				WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort().extensions(transformer));
		this.server.start();
	}

	URI url() {
		return URI.create(this.server.baseUrl());
	}

	/** A fixed answer. */
	void stub(MappingBuilder mapping) {
		this.server.stubFor(mapping);
	}

	/** An answer computed from each request the mapping matches. */
	void computed(MappingBuilder mapping, Function<Request, ResponseDefinition> answer) {
		String key = Integer.toString(this.answers.size());
		this.answers.put(key, answer);
		this.server
			.stubFor(mapping.withMetadata(Map.of(COMPUTED, key)).willReturn(aResponse().withTransformers(COMPUTED)));
	}

	static ResponseDefinition json(int status, Object body) {
		return aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withBody(JSON.writeValueAsString(body))
			.build();
	}

	static ResponseDefinition text(int status, String body) {
		return aResponse().withStatus(status)
			.withHeader("Content-Type", "text/plain; charset=utf-8")
			.withBody(body)
			.build();
	}

	@Override
	public void close() {
		this.server.stop();
	}

}
