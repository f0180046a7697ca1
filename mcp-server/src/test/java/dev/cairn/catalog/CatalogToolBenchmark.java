package dev.cairn.catalog;

import java.time.Clock;
import java.util.List;
import java.util.Set;
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
import dev.cairn.mcp.ToolResult;

/**
 * The catalog tools called in-process on the generated 100,000-entity catalog, through
 * their {@code call} method: ref parsing and lookup, the work itself and the text
 * rendering, everything but the MCP and JSON layers. Sample-time mode, so the output has
 * percentiles and not only a mean.
 * <p>
 * Refs come from an array drawn at random once and walked in order, so each call asks for
 * a different entity without paying for a random number generator.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = { "-Xms4g", "-Xmx4g" })
public class CatalogToolBenchmark {

	private static final int REFS = 1 << 16;

	private CatalogGetEntityTool getEntity;

	private CatalogBlastRadiusTool blastRadius;

	/** Any kind of entity, as an agent would ask about. */
	private String[] anyRefs;

	/** Components, APIs and resources: what a blast radius is asked for. */
	private String[] graphRefs;

	private String worstRef;

	/** Each benchmark thread's position in the ref arrays. */
	@State(Scope.Thread)
	public static class Cursor {

		int next;

	}

	@Setup
	public void setUp() {
		BenchSupport.quietLogging();
		Catalog catalog = new FolderCatalogSource(BenchCatalog.folder()).load();
		CatalogService service = BenchSupport.serviceOf(catalog);
		this.getEntity = new CatalogGetEntityTool(service, Clock.systemUTC());
		this.blastRadius = new CatalogBlastRadiusTool(service);
		this.anyRefs = refs(BenchSupport.sample(catalog, Set.of(), REFS, 1));
		this.graphRefs = refs(BenchSupport.sample(catalog, BenchSupport.GRAPH_KINDS, REFS, 2));
		this.worstRef = BenchSupport.largestBlastRadius(catalog).ref().toString();
	}

	private static String[] refs(List<Entity> entities) {
		return entities.stream().map((entity) -> entity.ref().toString()).toArray(String[]::new);
	}

	/** {@code catalog_get_entity} for a random entity of any kind. */
	@Benchmark
	public ToolResult getEntity(Cursor cursor) {
		return this.getEntity.call(new CatalogGetEntityTool.Input(this.anyRefs[cursor.next++ & (REFS - 1)]),
				BenchSupport.CONTEXT);
	}

	/**
	 * {@code catalog_blast_radius} (default limit of 50) for a random component, API or
	 * resource.
	 */
	@Benchmark
	public ToolResult blastRadiusRandom(Cursor cursor) {
		return this.blastRadius.call(new CatalogBlastRadiusTool.Input(this.graphRefs[cursor.next++ & (REFS - 1)], null),
				BenchSupport.CONTEXT);
	}

	/** {@code catalog_blast_radius} for the entity with the most dependents. */
	@Benchmark
	public ToolResult blastRadiusWorst() {
		return this.blastRadius.call(new CatalogBlastRadiusTool.Input(this.worstRef, null), BenchSupport.CONTEXT);
	}

}
