package dev.cairn.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * The load the MCP benchmarks make: {@code catalog_get_entity} for random entity refs,
 * over Streamable HTTP with the MCP Java SDK client, from one session or several at once.
 * Every loop is bounded by a count or a deadline.
 */
final class EntityCalls {

	static final String TOOL = "catalog_get_entity";

	private EntityCalls() {
	}

	/** An initialized session with the Cairn on this loopback port. */
	static McpSyncClient connect(int port) {
		McpSyncClient client = McpClient
			.sync(HttpClientStreamableHttpTransport.builder("http://localhost:" + port).endpoint("/mcp").build())
			.clientInfo(new McpSchema.Implementation("cairn-bench", "1.0"))
			.requestTimeout(Duration.ofSeconds(30))
			.build();
		client.initialize();
		return client;
	}

	/**
	 * Calls the tool for random refs until {@code calls} calls or the deadline, whichever
	 * comes first.
	 * @return each call's latency in nanoseconds
	 */
	static long[] run(McpSyncClient client, List<String> refs, Random random, int calls, long deadline) {
		long[] latencies = new long[calls];
		int done = 0;
		while (done < calls && System.nanoTime() < deadline) {
			String ref = refs.get(random.nextInt(refs.size()));
			long start = System.nanoTime();
			McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest(TOOL, Map.of("ref", ref)));
			latencies[done++] = System.nanoTime() - start;
			if (Boolean.TRUE.equals(result.isError())) {
				throw new IllegalStateException(TOOL + " failed for " + ref + ": " + result.content());
			}
		}
		return Arrays.copyOf(latencies, done);
	}

	/**
	 * Clients that each open a session, then call until the deadline.
	 * @return each client's latencies
	 */
	static long[][] concurrent(int port, List<String> refs, int clients, int seconds, long seed) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		List<McpSyncClient> sessions = new ArrayList<>();
		try {
			for (int i = 0; i < clients; i++) {
				sessions.add(connect(port));
			}
			long deadline = System.nanoTime() + seconds * 1_000_000_000L;
			List<Future<long[]>> futures = new ArrayList<>();
			for (int i = 0; i < clients; i++) {
				McpSyncClient session = sessions.get(i);
				Random random = new Random(seed + i);
				// A count bound well above what the deadline allows; the deadline ends
				// it.
				futures.add(pool.submit(() -> run(session, refs, random, 10_000_000 / clients, deadline)));
			}
			long[][] results = new long[clients][];
			for (int i = 0; i < clients; i++) {
				results[i] = futures.get(i).get();
			}
			return results;
		}
		finally {
			sessions.forEach(McpSyncClient::closeGracefully);
			pool.shutdownNow();
		}
	}

	/** The value at the p-th percentile (nearest rank) of unsorted values. */
	static long percentile(long[] values, double p) {
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

}
