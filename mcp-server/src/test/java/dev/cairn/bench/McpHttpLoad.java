package dev.cairn.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import io.modelcontextprotocol.client.McpSyncClient;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import dev.cairn.CairnApplication;
import dev.cairn.catalog.CatalogService;

/**
 * {@code catalog_get_entity} over MCP Streamable HTTP against the generated
 * 100,000-entity catalog, with the MCP Java SDK client: first one client calling
 * sequentially (latency), then several clients at once, each with its own session
 * (throughput). Cairn runs in this JVM on a random loopback port, so clients and server
 * share the machine's cores: the numbers are a floor for a dedicated server.
 * <p>
 * Arguments: catalog folder, sequential calls, concurrent clients, concurrent seconds
 * (defaults: {@code target/bench-catalog}, 5000, 8, 30). Every loop is bounded by a count
 * or a deadline, and all traffic goes to the loopback interface.
 */
public final class McpHttpLoad {

	private static final String TOOL = EntityCalls.TOOL;

	private McpHttpLoad() {
	}

	public static void main(String[] args) throws Exception {
		Path folder = (args.length > 0) ? BenchCatalog.folder(Path.of(args[0])) : BenchCatalog.folder();
		int sequentialCalls = (args.length > 1) ? Integer.parseInt(args[1]) : 5000;
		int clients = (args.length > 2) ? Integer.parseInt(args[2]) : 8;
		int seconds = (args.length > 3) ? Integer.parseInt(args[3]) : 30;

		long started = System.nanoTime();
		ConfigurableApplicationContext app = SpringApplication.run(CairnApplication.class, "--server.port=0",
				"--cairn.catalog.folder.path=" + folder, "--cairn.catalog.folder.watch=false",
				"--logging.level.root=WARN", "--spring.main.banner-mode=off");
		try {
			int port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
			List<String> refs = app.getBean(CatalogService.class)
				.current()
				.entities()
				.stream()
				.map((entity) -> entity.ref().toString())
				.toList();
			System.out.printf("Cairn started on port %d with %,d entities in %,d ms%n", port, refs.size(),
					(System.nanoTime() - started) / 1_000_000);

			McpSyncClient client = EntityCalls.connect(port);
			try {
				// Warm-up: lets the JIT compile the server's and the client's hot paths.
				EntityCalls.run(client, refs, new Random(1), 3000, Long.MAX_VALUE);
				long[] sequential = EntityCalls.run(client, refs, new Random(2), sequentialCalls, Long.MAX_VALUE);
				System.out.println();
				System.out.println("catalog_get_entity over MCP HTTP, 1 client, sequential");
				header();
				row("sequential", sequential, sum(sequential));
			}
			finally {
				client.closeGracefully();
			}

			EntityCalls.concurrent(port, refs, clients, 5, 10);
			long[][] perClient = EntityCalls.concurrent(port, refs, clients, seconds, 20);
			long[] all = Arrays.stream(perClient).flatMapToLong(Arrays::stream).toArray();
			System.out.println();
			System.out.printf("catalog_get_entity over MCP HTTP, %d clients (one session each), %d s%n", clients,
					seconds);
			header();
			row(clients + " clients", all, seconds * 1_000_000_000L);
			System.out.printf("%-12s %s%n", "per client",
					String.join(" ", Arrays.stream(perClient).map((calls) -> String.valueOf(calls.length)).toList()));
		}
		finally {
			app.close();
		}
	}

	private static long sum(long[] values) {
		return Arrays.stream(values).sum();
	}

	private static void header() {
		System.out.printf("%-12s %9s %10s %9s %9s %9s %9s %9s%n", "run", "calls", "calls/s", "p50 ms", "p90 ms",
				"p99 ms", "max ms", "mean ms");
	}

	private static void row(String name, long[] latencies, long elapsedNanos) {
		long[] sorted = latencies.clone();
		Arrays.sort(sorted);
		System.out.printf("%-12s %9d %10.0f %9.2f %9.2f %9.2f %9.2f %9.2f%n", name, sorted.length,
				sorted.length / (elapsedNanos / 1e9), millis(EntityCalls.percentile(sorted, 50)),
				millis(EntityCalls.percentile(sorted, 90)), millis(EntityCalls.percentile(sorted, 99)),
				millis(sorted[sorted.length - 1]), millis((long) Arrays.stream(sorted).average().orElse(0)));
	}

	private static double millis(long nanos) {
		return nanos / 1e6;
	}

}
