package dev.cairn.catalog;

import java.nio.file.Path;
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

import dev.cairn.bench.BenchCatalog;

/**
 * Loading the generated 100,000-entity catalog from its folder: read and parse the YAML,
 * validate, complete relations both ways, index and build the graph. Single shots,
 * because a load is long and happens once per change of the folder; the first shots are
 * warm-up so the figure is a steady-state reload, not a cold start.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 4)
@Fork(value = 1, jvmArgsAppend = { "-Xms4g", "-Xmx4g" })
public class CatalogLoadBenchmark {

	private Path folder;

	@Setup
	public void setUp() {
		this.folder = BenchCatalog.folder();
	}

	@Benchmark
	public Catalog load() {
		return new FolderCatalogSource(this.folder).load();
	}

}
