package dev.cairn.mcp;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.cairn.audit.AuditQuery;
import dev.cairn.audit.AuditTrail;
import dev.cairn.audit.AuditedCall;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cairn deciding with an OPA server that fails in eight ways (refused, reset, timeout,
 * 5xx, garbage, no {@code result}, a wrong type, a broken policy), for every tool: each
 * call is denied with {@code policy_unavailable}, no tool runs (a counting wrapper around
 * every tool bean checks it), and every call is in the audit trail as a policy error.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpaFaultIntegrationTests {

	private static final WireMockServer opa = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	private static final String PATH = "/v1/data/.*";

	static {
		opa.start();
	}

	@DynamicPropertySource
	static void opaServer(DynamicPropertyRegistry registry) {
		registry.add("cairn.policy.engine", () -> "opa");
		registry.add("cairn.policy.opa.url", opa::baseUrl);
		registry.add("cairn.policy.opa.timeout", () -> "300ms");
	}

	@AfterAll
	static void stop() {
		opa.stop();
	}

	@LocalServerPort
	int port;

	@Autowired
	AuditTrail audit;

	@Autowired
	Map<String, AtomicInteger> executions;

	@Autowired
	List<CairnTool<?>> tools;

	@Test
	void everyToolIsDeniedUnderEveryOpaFailureNothingRunsAndEverythingIsAudited() {
		Map<String, MappingBuilder> modes = new java.util.LinkedHashMap<>();
		modes.put("connection reset",
				post(urlPathMatching(PATH)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		modes.put("timeout",
				post(urlPathMatching(PATH)).willReturn(okJson("{\"result\": {\"allow\": true, \"reasons\": [], "
						+ "\"hint\": null, \"approval\": null, \"obligations\": {}}}")
					.withFixedDelay(1_500)));
		modes.put("5xx",
				post(urlPathMatching(PATH)).willReturn(aResponse().withStatus(503).withBody("upstream unavailable")));
		modes.put("garbage body",
				post(urlPathMatching(PATH)).willReturn(aResponse().withStatus(200)
					.withHeader("Content-Type", "application/json")
					.withBody("{\"result\": {\"allow\": tru")));
		modes.put("missing result", post(urlPathMatching(PATH)).willReturn(okJson("{\"decision_id\": \"d-7\"}")));
		modes.put("wrong type",
				post(urlPathMatching(PATH)).willReturn(okJson("{\"result\": {\"allow\": \"yes\", \"reasons\": [], "
						+ "\"hint\": null, \"approval\": null, \"obligations\": {}}}")));
		// Last: the server goes away for good (a restarted one would take another port).
		modes.put("broken policy",
				post(urlPathMatching(PATH)).willReturn(aResponse().withStatus(500)
					.withHeader("Content-Type", "application/json")
					.withBody("{\"code\": \"internal_error\", \"message\": \"1 error occurred: policy.rego:12: "
							+ "eval_conflict_error: complete rules must not produce multiple outputs\"}")));
		modes.put("connection refused", null);
		List<String> toolNames = this.tools.stream().map((t) -> t.descriptor().name()).sorted().toList();
		int calls = 0;
		McpSyncClient client = McpClients.http(this.port);
		try {
			for (Map.Entry<String, MappingBuilder> mode : modes.entrySet()) {
				opa.resetAll();
				if (mode.getValue() != null) {
					opa.stubFor(mode.getValue());
				}
				if (mode.getValue() == null) {
					checkTheSpyCounts(client);
					opa.stop();
				}
				for (String tool : toolNames) {
					McpSchema.CallToolResult result = client
						.callTool(new McpSchema.CallToolRequest(tool, McpClients.argumentsFor(tool)));
					calls++;
					assertThat(result.isError()).as(mode.getKey() + " / " + tool).isTrue();
					assertThat(McpClients.text(result)).as(mode.getKey() + " / " + tool).contains("policy_unavailable");
				}
			}
		}
		finally {
			client.closeGracefully();
		}
		List<AuditedCall> audited = this.audit
			.search(new AuditQuery(null, null, null, null, null, null, null, null, 1_000))
			.items()
			.stream()
			.filter((c) -> toolNames.contains(c.tool()) && "mcp".equals(c.channel())
					&& "policy_error".equals(c.decision()))
			.toList();
		assertThat(audited).hasSize(calls);
		assertThat(audited).allSatisfy((c) -> {
			assertThat(c.decision()).isEqualTo("policy_error");
			assertThat(c.outcome()).isEqualTo("denied");
		});
		assertThat(calls).isEqualTo(modes.size() * toolNames.size());
		assertThat(this.executions).containsOnlyKeys(toolNames);
		// One run in all: the spy's own check below.
		assertThat(this.executions.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(1);
	}

	/**
	 * Before the last mode, OPA answers once with an allow, so that the spy is seen to
	 * count a call that runs (nothing else runs in this test).
	 */
	private void checkTheSpyCounts(McpSyncClient client) {
		assertThat(this.executions.values()).allSatisfy((n) -> assertThat(n).hasValue(0));
		opa.stubFor(post(urlPathMatching(PATH)).willReturn(okJson("{\"result\": {\"allow\": true, \"reasons\": [], "
				+ "\"hint\": null, \"approval\": null, \"obligations\": {}}}")));
		McpSchema.CallToolResult allowed = client
			.callTool(new McpSchema.CallToolRequest("catalog_search", McpClients.CATALOG_CALLS.get("catalog_search")));
		assertThat(allowed.isError()).as(McpClients.text(allowed)).isFalse();
		assertThat(this.executions.get("catalog_search")).hasValue(1);
		opa.resetAll();
	}

	@TestConfiguration
	static class CountingTools {

		@Bean
		Map<String, AtomicInteger> executions() {
			return new ConcurrentHashMap<>();
		}

		/** Wraps every tool bean so that each run is counted. */
		@Bean
		static BeanPostProcessor countingToolWrapper(
				org.springframework.beans.factory.ObjectProvider<Map<String, AtomicInteger>> executions) {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					if (bean instanceof CairnTool<?> tool) {
						return Counting.wrap(tool, executions.getObject());
					}
					return bean;
				}
			};
		}

	}

	/** A tool that counts its runs, then runs the real one. */
	record Counting<I>(CairnTool<I> tool, AtomicInteger runs) implements CairnTool<I> {

		static <I> Counting<I> wrap(CairnTool<I> tool, Map<String, AtomicInteger> counts) {
			return new Counting<>(tool, counts.computeIfAbsent(tool.descriptor().name(), (k) -> new AtomicInteger()));
		}

		@Override
		public ToolDescriptor descriptor() {
			return this.tool.descriptor();
		}

		@Override
		public Class<I> inputType() {
			return this.tool.inputType();
		}

		@Override
		public Map<String, Object> inputSchema() {
			return this.tool.inputSchema();
		}

		@Override
		public String target(I input) {
			return this.tool.target(input);
		}

		@Override
		public ToolResult call(I input, ToolContext context) {
			this.runs.incrementAndGet();
			return this.tool.call(input, context);
		}

	}

}
