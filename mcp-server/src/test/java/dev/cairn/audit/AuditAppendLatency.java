package dev.cairn.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

import dev.cairn.identity.Caller;

/**
 * A load harness for what the audit trail adds to one tool call: {@code decided} then
 * {@code completed} through {@link AuditTrail}, as the guard calls them, each returning
 * once committed. Prints percentiles per call, sequential and with concurrent callers
 * (where group commit shares transactions), on an H2 file as the sandbox uses it and on
 * the embedded PostgreSQL of the tests.
 * <p>
 * Usage (test class path): {@code java dev.cairn.audit.AuditAppendLatency [calls]}. Not a
 * test: numbers only mean something on a quiet machine.
 */
public final class AuditAppendLatency {

	private AuditAppendLatency() {
	}

	public static void main(String[] args) throws Exception {
		int calls = (args.length > 0) ? Integer.parseInt(args[0]) : 20_000;
		Path dir = Files.createTempDirectory("cairn-audit-latency");
		JdbcDataSource h2 = new JdbcDataSource();
		h2.setURL("jdbc:h2:file:" + dir.resolve("cairn").toAbsolutePath() + ";AUTO_SERVER=TRUE");
		h2.setUser("sa");
		Flyway.configure().dataSource(h2).load().migrate();
		measure("H2 file (sandbox default)", TestDatabase.pool(h2, 10), calls);
		measure("PostgreSQL 18 (embedded)", TestDatabase.POSTGRESQL.create(10), calls);
	}

	private static void measure(String name, HikariDataSource dataSource, int calls) throws Exception {
		try (dataSource) {
			AuditStore store = new AuditStore(dataSource, TestEntries.KEY);
			AuditTrail trail = new AuditTrail(new AuditWriter(store), new AuditSearch(dataSource), TestEntries.KEY,
					Clock.systemUTC());
			run(trail, calls / 4, 1);
			long[] sequential = run(trail, calls, 1);
			report(name + ", 1 caller", sequential);
			run(trail, calls / 4, 8);
			long started = System.nanoTime();
			long[] concurrent = run(trail, calls, 8);
			double seconds = (System.nanoTime() - started) / 1e9;
			report(name + ", 8 callers", concurrent);
			System.out.printf(Locale.ROOT, "  8 callers: %.0f calls/s (%d entries per second)%n", calls / seconds,
					(long) (2 * calls / seconds));
			AuditVerifier.Report verified = AuditVerifier.verify(store, TestEntries.KEY);
			System.out.printf(Locale.ROOT, "  trail after the run: %d entries, %d anomalies%n", verified.entries(),
					verified.anomalies().size());
		}
	}

	/** Latency of each call in nanoseconds, {@code calls} spread over {@code threads}. */
	private static long[] run(AuditTrail trail, int calls, int threads) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		List<Future<long[]>> parts = new ArrayList<>();
		Caller caller = new Caller("user:default/dana", Caller.PrincipalKind.USER, Caller.Channel.MCP,
				"claude-code/2.1", null, "local-demo:http");
		for (int t = 0; t < threads; t++) {
			int share = calls / threads;
			int thread = t;
			parts.add(pool.submit(() -> {
				long[] nanos = new long[share];
				for (int i = 0; i < share; i++) {
					long start = System.nanoTime();
					AuditTrail.Ticket ticket = trail
						.decided(new AuditCall("req-" + thread + "-" + i, Instant.now(), caller, Caller.Channel.MCP,
								"catalog_get_entity", "component:default/payment-api", Map.of("ref", "payment-api")),
								Decision.allow("no policy engine yet", null));
					trail.completed(ticket, Outcome.SUCCESS, null, 250);
					nanos[i] = System.nanoTime() - start;
				}
				return nanos;
			}));
		}
		List<long[]> results = new ArrayList<>();
		for (Future<long[]> part : parts) {
			results.add(part.get());
		}
		pool.shutdown();
		return results.stream().flatMapToLong(Arrays::stream).toArray();
	}

	private static void report(String name, long[] nanos) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		System.out.printf(Locale.ROOT, "%s: %d calls (decided + completed), p50 %.3f ms, p90 %.3f ms, p99 %.3f ms%n",
				name, sorted.length, at(sorted, 0.50), at(sorted, 0.90), at(sorted, 0.99));
	}

	private static double at(long[] sorted, double quantile) {
		return sorted[Math.min(sorted.length - 1, (int) (quantile * sorted.length))] / 1e6;
	}

}
