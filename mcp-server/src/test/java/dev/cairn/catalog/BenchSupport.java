package dev.cairn.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

import org.slf4j.LoggerFactory;

import dev.cairn.identity.Caller;
import dev.cairn.mcp.ToolContext;

/**
 * What the catalog benchmarks share: the entities they draw from, a tool context for
 * calling tools in-process, and the search for the worst blast radius.
 */
final class BenchSupport {

	/** The kinds the dependency graph is about; users and groups have no dependents. */
	static final Set<String> GRAPH_KINDS = Set.of("component", "api", "resource");

	/** A tool context for in-process calls; the catalog tools use neither field. */
	static final ToolContext CONTEXT = new ToolContext() {

		@Override
		public Caller caller() {
			return null;
		}

		@Override
		public void progress(double progress, Double total, String message) {
		}

	};

	private BenchSupport() {
	}

	/**
	 * {@code count} entities drawn at random (with a fixed seed) from those whose kind is
	 * in {@code kinds}, or from all entities when {@code kinds} is empty.
	 */
	static List<Entity> sample(Catalog catalog, Set<String> kinds, int count, long seed) {
		List<Entity> pool = catalog.entities()
			.stream()
			.filter((entity) -> kinds.isEmpty() || kinds.contains(entity.ref().kind()))
			.toList();
		Random random = new Random(seed);
		List<Entity> sample = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			sample.add(pool.get(random.nextInt(pool.size())));
		}
		return sample;
	}

	static int dependents(Catalog catalog, int id) {
		return catalog.graph().walk(id, CatalogGraph.Direction.UPSTREAM, Integer.MAX_VALUE).reached;
	}

	/**
	 * The entity with the most transitive dependents. Walking upstream from all 100,000
	 * entities takes minutes, so this climbs instead: if A depends on B, everything that
	 * depends on A depends on B too, so B's blast radius is at least A's. Starting from
	 * the entities with the most direct dependents, it moves to a dependency while that
	 * grows the radius.
	 */
	static Entity largestBlastRadius(Catalog catalog) {
		CatalogGraph graph = catalog.graph();
		int[] starts = IntStream.range(0, catalog.entities().size())
			.boxed()
			.sorted(Comparator
				.comparingInt((Integer id) -> graph.neighbours(id, CatalogGraph.Direction.UPSTREAM).length)
				.reversed())
			.limit(100)
			.mapToInt(Integer::intValue)
			.toArray();
		int best = -1;
		int bestSize = -1;
		for (int start : starts) {
			int node = start;
			int size = dependents(catalog, node);
			boolean climbed = true;
			while (climbed) {
				climbed = false;
				for (int next : graph.neighbours(node, CatalogGraph.Direction.DOWNSTREAM)) {
					int nextSize = dependents(catalog, next);
					if (nextSize > size) {
						node = next;
						size = nextSize;
						climbed = true;
						break;
					}
				}
			}
			if (size > bestSize) {
				best = node;
				bestSize = size;
			}
		}
		return catalog.get(best);
	}

	/**
	 * Benchmarks run without Spring Boot's logging set-up, where logback would log
	 * everything at debug level; only warnings matter here.
	 */
	static void quietLogging() {
		ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) LoggerFactory
			.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		root.setLevel(ch.qos.logback.classic.Level.WARN);
	}

	/** A service holding an already loaded snapshot, for constructing the tools. */
	static CatalogService serviceOf(Catalog catalog) {
		return new CatalogService(new CatalogSource() {

			@Override
			public Catalog load() {
				return catalog;
			}

			@Override
			public String describe() {
				return catalog.source();
			}

		});
	}

	static long percentile(long[] sorted, double p) {
		if (sorted.length == 0) {
			return 0;
		}
		int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

}
