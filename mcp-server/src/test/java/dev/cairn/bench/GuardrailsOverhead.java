package dev.cairn.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.modelcontextprotocol.client.McpSyncClient;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import dev.cairn.CairnApplication;
import dev.cairn.audit.AuditQuery;
import dev.cairn.audit.AuditTrail;
import dev.cairn.catalog.CatalogService;
import dev.cairn.mcp.UnguardedTools;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * The cost of the guardrails: the same {@code tools/call} ({@code catalog_get_entity} for
 * random entities of the demo catalog, over MCP Streamable HTTP with the Java SDK client)
 * against three Cairns started in this JVM, in one run:
 * <ul>
 * <li><b>off</b>: tools registered without the guard (no identity resolution, policy
 * decision or audit record; see {@link UnguardedTools});</li>
 * <li><b>rego</b>: Cairn as shipped, the in-process engine deciding with the shipped
 * guardrails and the audit trail on its H2 file;</li>
 * <li><b>opa</b>: the same, asking an OPA server instead, played by a WireMock stub that
 * answers an allow decision as OPA answers it.</li>
 * </ul>
 * Rounds alternate between the three so that drift (JIT, GC, the machine) spreads evenly:
 * each round makes a sequential run per Cairn (latency), then a concurrent run per Cairn
 * (throughput, several clients with a session each). Clients and servers share the
 * machine's cores, so the absolute numbers are a floor; the ratios are the point.
 * <p>
 * Arguments: rounds, sequential calls per round, concurrent clients, seconds per
 * concurrent run (defaults 5, 2000, 4, 5).
 */
public final class GuardrailsOverhead {

	private static final String TOOL = EntityCalls.TOOL;

	private static final String OPA_ALLOW = """
			{"decision_id": "4f0c2a8e-bench", "result": {"allow": true, "reasons": [], "hint": null,
			 "approval": null, "obligations": {}}}""";

	private GuardrailsOverhead() {
	}

	public static void main(String[] args) throws Exception {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 5;
		int sequentialCalls = (args.length > 1) ? Integer.parseInt(args[1]) : 2000;
		int clients = (args.length > 2) ? Integer.parseInt(args[2]) : 4;
		int seconds = (args.length > 3) ? Integer.parseInt(args[3]) : 5;

		WireMockServer opa = new WireMockServer(
				WireMockConfiguration.options().dynamicPort().disableRequestJournal().containerThreads(16));
		opa.start();
		opa.stubFor(post(urlPathEqualTo("/v1/data/cairn/authz/decision")).willReturn(okJson(OPA_ALLOW)));
		Map<String, ConfigurableApplicationContext> apps = new LinkedHashMap<>();
		try {
			apps.put("off", start("off", List.of()));
			apps.put("rego", start("rego", List.of()));
			apps.put("opa",
					start("opa", List.of("--cairn.policy.engine=opa", "--cairn.policy.opa.url=" + opa.baseUrl())));
			List<String> refs = apps.get("rego")
				.getBean(CatalogService.class)
				.current()
				.entities()
				.stream()
				.map((entity) -> entity.ref().toString())
				.toList();
			Map<String, Integer> ports = new LinkedHashMap<>();
			apps.forEach((mode, app) -> ports.put(mode,
					app.getEnvironment().getRequiredProperty("local.server.port", Integer.class)));
			System.out.printf("%d entities; rounds %d, %d sequential calls per round, %d clients x %d s per round%n",
					refs.size(), rounds, sequentialCalls, clients, seconds);

			Map<String, McpSyncClient> sequentialClients = new LinkedHashMap<>();
			ports.forEach((mode, port) -> sequentialClients.put(mode, EntityCalls.connect(port)));
			// Warm-up: every path compiled by the JIT before anything is measured.
			for (int i = 0; i < 3; i++) {
				for (String mode : ports.keySet()) {
					EntityCalls.run(sequentialClients.get(mode), refs, new Random(i), 2000, Long.MAX_VALUE);
					EntityCalls.concurrent(ports.get(mode), refs, clients, 2, 100 + i);
				}
			}
			Map<String, List<long[]>> latencies = new LinkedHashMap<>();
			Map<String, Long> calls = new LinkedHashMap<>();
			Map<String, List<long[]>> concurrentLatencies = new LinkedHashMap<>();
			for (int round = 0; round < rounds; round++) {
				for (String mode : ports.keySet()) {
					latencies.computeIfAbsent(mode, (m) -> new ArrayList<>())
						.add(EntityCalls.run(sequentialClients.get(mode), refs, new Random(round), sequentialCalls,
								Long.MAX_VALUE));
				}
				for (String mode : ports.keySet()) {
					long[][] perClient = EntityCalls.concurrent(ports.get(mode), refs, clients, seconds, 1000 + round);
					long[] all = Arrays.stream(perClient).flatMapToLong(Arrays::stream).toArray();
					calls.merge(mode, (long) all.length, Long::sum);
					concurrentLatencies.computeIfAbsent(mode, (m) -> new ArrayList<>()).add(all);
				}
			}
			sequentialClients.values().forEach(McpSyncClient::closeGracefully);
			report(latencies, calls, concurrentLatencies, rounds, seconds, clients);
			long audited = apps.get("rego")
				.getBean(AuditTrail.class)
				.search(new AuditQuery(null, TOOL, null, null, null, null, null, null, 1))
				.items()
				.get(0)
				.seq();
			System.out.printf("%naudit trail of the rego Cairn: %,d entries; opa stub answered every decision%n",
					audited);
		}
		finally {
			apps.values().forEach(ConfigurableApplicationContext::close);
			opa.stop();
		}
	}

	private static ConfigurableApplicationContext start(String mode, List<String> extra) throws Exception {
		Path data = Files.createTempDirectory("cairn-bench-" + mode);
		List<String> args = new ArrayList<>(
				List.of("--server.port=0", "--cairn.data-dir=" + data, "--cairn.catalog.folder.watch=false",
						"--cairn.policy.watch=false", "--logging.level.root=WARN", "--spring.main.banner-mode=off"));
		args.addAll(extra);
		SpringApplication application = "off".equals(mode)
				? new SpringApplication(CairnApplication.class, UnguardedTools.class)
				: new SpringApplication(CairnApplication.class);
		return application.run(args.toArray(String[]::new));
	}

	private static void report(Map<String, List<long[]>> sequential, Map<String, Long> calls,
			Map<String, List<long[]>> concurrent, int rounds, int seconds, int clients) {
		System.out.println();
		System.out.println("tools/call " + TOOL + " over MCP HTTP, 1 client, sequential (all rounds)");
		System.out.printf("%-6s %9s %9s %9s %9s %9s %12s%n", "mode", "calls", "p50 ms", "p90 ms", "p99 ms", "mean ms",
				"p50 + ms");
		double offP50 = EntityCalls.percentile(merge(sequential.get("off")), 50);
		for (Map.Entry<String, List<long[]>> entry : sequential.entrySet()) {
			long[] all = merge(entry.getValue());
			double p50 = EntityCalls.percentile(all, 50);
			System.out.printf("%-6s %9d %9.3f %9.3f %9.3f %9.3f %12s%n", entry.getKey(), all.length, p50 / 1e6,
					EntityCalls.percentile(all, 90) / 1e6, EntityCalls.percentile(all, 99) / 1e6,
					Arrays.stream(all).average().orElse(0) / 1e6,
					"off".equals(entry.getKey()) ? "-" : String.format("%+.3f", (p50 - offP50) / 1e6));
		}
		System.out.println();
		System.out.printf("tools/call %s over MCP HTTP, %d clients, %d x %d s per mode%n", TOOL, clients, rounds,
				seconds);
		System.out.printf("%-6s %9s %10s %9s %9s %12s%n", "mode", "calls", "calls/s", "p50 ms", "p99 ms",
				"ratio to off");
		double offRate = calls.get("off") / (double) (rounds * seconds);
		for (String mode : calls.keySet()) {
			long[] all = merge(concurrent.get(mode));
			double rate = calls.get(mode) / (double) (rounds * seconds);
			System.out.printf("%-6s %9d %10.0f %9.3f %9.3f %12s%n", mode, calls.get(mode), rate,
					EntityCalls.percentile(all, 50) / 1e6, EntityCalls.percentile(all, 99) / 1e6,
					"off".equals(mode) ? "-" : String.format("%.3f", rate / offRate));
		}
		System.out.println();
		System.out.println("per round, sequential p50 ms / concurrent calls/s:");
		for (String mode : sequential.keySet()) {
			StringBuilder line = new StringBuilder(String.format("%-6s", mode));
			for (int round = 0; round < rounds; round++) {
				line.append(String.format("  %.3f / %.0f",
						EntityCalls.percentile(sequential.get(mode).get(round), 50) / 1e6,
						concurrent.get(mode).get(round).length / (double) seconds));
			}
			System.out.println(line);
		}
	}

	private static long[] merge(List<long[]> runs) {
		return runs.stream().flatMapToLong(Arrays::stream).toArray();
	}

}
