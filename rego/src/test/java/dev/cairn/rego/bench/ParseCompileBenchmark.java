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
import org.openjdk.jmh.annotations.Warmup;

import dev.cairn.rego.Rego;

/** Parsing and compiling 100 generated modules (about 17,000 lines) into one policy. */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ParseCompileBenchmark {

	List<String> modules;

	@Setup
	public void setUp() {
		this.modules = AuthzFixture.modules(100);
	}

	@Benchmark
	public Rego parseAndCompile100Modules() {
		Rego.Builder builder = Rego.builder();
		for (int i = 0; i < this.modules.size(); i++) {
			builder.module("team" + i + ".rego", this.modules.get(i));
		}
		return builder.build();
	}

}
