package dev.cairn.redaction;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link Redactor#text} on the kinds of text it sees most: log lines with nothing to mask
 * (the common case, which the anchor pre-check is for), log lines with key=value pairs, a
 * line with secrets, and a stack trace. Not run by the build; run it with
 *
 * <pre>
 * ./mvnw -q -pl mcp-server -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
 * java -cp mcp-server/target/test-classes:mcp-server/target/classes:$(cat mcp-server/target/bench-classpath.txt) \
 *     org.openjdk.jmh.Main RedactorBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RedactorBenchmark {

	private final String plainLine = "2026-11-21T09:14:03.512Z  INFO 1 --- [payments-api] [nio-8080-exec-7] "
			+ "d.c.t.LedgerClient : POST /v2/entries 201 in 12 ms (trace 4bf92f3577b34da6a3ce929d0e0e4736)";

	private final String pairsLine = "level=info ts=2026-11-21T09:14:03.512Z caller=ledger.go:118 msg=\"entry stored\" "
			+ "tenant=acme user_id=4411 request_id=0b6f5a8e-1c1e-4a49-9d4c-2f3b8a1c9e10 key=orders/2026/11/21 "
			+ "duration=12ms status=201";

	private final String secretLine = "calling https://ledger:s3cr3t-pw@ledger.internal/v2 with Authorization: Bearer "
			+ "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJkYW5hIiwiZXhwIjoxOTk5OTk5OTk5fQ.c2lnbmF0dXJlLXZhbHVlLWhlcmU and "
			+ "api_key=9f86d081884c7d659a2feaa0c55ad015 (GITHUB_TOKEN=ghp_R2d2C3poR2d2C3poR2d2C3poR2d2C3po1234)";

	private final String stackTrace = buildStackTrace();

	private static String buildStackTrace() {
		StringBuilder trace = new StringBuilder("java.lang.IllegalStateException: ledger rejected entry 4411\n");
		for (int frame = 0; frame < 60; frame++) {
			trace.append("\tat dev.cairn.telemetry.LedgerClient$Retry.attempt")
				.append(frame)
				.append("(LedgerClient.java:")
				.append(100 + frame)
				.append(")\n");
		}
		return trace.append("Caused by: java.net.SocketTimeoutException: Read timed out\n\t... 42 more\n").toString();
	}

	@Benchmark
	public String plainLine() {
		return Redactor.text(this.plainLine);
	}

	@Benchmark
	public String pairsLine() {
		return Redactor.text(this.pairsLine);
	}

	@Benchmark
	public String secretLine() {
		return Redactor.text(this.secretLine);
	}

	@Benchmark
	public String stackTrace() {
		return Redactor.text(this.stackTrace);
	}

}
