package dev.cairn.rego.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import dev.cairn.rego.PreparedQuery;
import dev.cairn.rego.QueryResult;
import dev.cairn.rego.value.Value;

/**
 * One gateway decision ({@code data.cairn.authz.decision}) per operation, the query
 * prepared once and the inputs taken in turn from a pool of 256: latency percentiles on
 * one thread, and throughput on one and two threads sharing the prepared query.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class AuthzEvalBenchmark {

	PreparedQuery query;

	List<Value> inputs;

	@Setup
	public void setUp() {
		this.query = AuthzFixture.prepare();
		this.inputs = AuthzFixture.inputs(256);
	}

	/** The next input of the pool, per thread. */
	@State(Scope.Thread)
	public static class Cursor {

		int next;

		Value take(List<Value> inputs) {
			Value input = inputs.get(this.next);
			this.next = (this.next + 1) & (inputs.size() - 1);
			return input;
		}

	}

	@Benchmark
	@BenchmarkMode(Mode.SampleTime)
	@OutputTimeUnit(TimeUnit.MICROSECONDS)
	public QueryResult latency(Cursor cursor) {
		return this.query.evaluate(cursor.take(this.inputs));
	}

	@Benchmark
	@BenchmarkMode(Mode.Throughput)
	@OutputTimeUnit(TimeUnit.SECONDS)
	@Threads(1)
	public QueryResult throughput1Thread(Cursor cursor) {
		return this.query.evaluate(cursor.take(this.inputs));
	}

	@Benchmark
	@BenchmarkMode(Mode.Throughput)
	@OutputTimeUnit(TimeUnit.SECONDS)
	@Threads(2)
	public QueryResult throughput2Threads(Cursor cursor) {
		return this.query.evaluate(cursor.take(this.inputs));
	}

}
