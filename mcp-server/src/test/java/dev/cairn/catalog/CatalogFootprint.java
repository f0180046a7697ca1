package dev.cairn.catalog;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import dev.cairn.bench.BenchCatalog;

/**
 * Facts about the generated catalog that a timing benchmark cannot give: entity and
 * relation counts, the heap a loaded snapshot retains, and how blast radii are
 * distributed (which explains the blast radius percentiles). Run in a fresh JVM: the load
 * time it prints is a cold one, the JMH load benchmark gives warm ones.
 */
public final class CatalogFootprint {

	private CatalogFootprint() {
	}

	public static void main(String[] args) throws InterruptedException {
		BenchSupport.quietLogging();
		Path folder = (args.length > 0) ? BenchCatalog.folder(Path.of(args[0])) : BenchCatalog.folder();
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		Runtime runtime = Runtime.getRuntime();
		System.out.printf("JVM: %s %s, %d cores, max heap %,d MB, GC %s%n", System.getProperty("java.vm.name"),
				System.getProperty("java.runtime.version"), runtime.availableProcessors(), runtime.maxMemory() >> 20,
				ManagementFactory.getGarbageCollectorMXBeans().get(0).getName());
		long before = usedAfterGc(memory);
		long started = System.nanoTime();
		Catalog catalog = new FolderCatalogSource(folder).load();
		long loadMillis = (System.nanoTime() - started) / 1_000_000;
		long after = usedAfterGc(memory);
		System.out.printf("cold load: %,d ms%n", loadMillis);
		System.out.printf("entities: %,d %s%n", catalog.entities().size(), catalog.countsByKind());
		System.out.printf("relations (both directions): %,d%n", catalog.relationCount());
		System.out.printf("problems: %,d (%s)%n", catalog.problems().size(),
				catalog.problems().isEmpty() ? "none" : catalog.problems().get(0).message());
		int edges = 0;
		for (int id = 0; id < catalog.entities().size(); id++) {
			edges += catalog.graph().neighbours(id, CatalogGraph.Direction.DOWNSTREAM).length;
		}
		System.out.printf("dependency graph edges: %,d%n", edges);
		System.out.printf(
				"heap retained by the snapshot: %,d MB (used heap after full GC: %,d MB before load, %,d MB after)%n",
				(after - before) >> 20, before >> 20, after >> 20);

		List<Entity> sample = BenchSupport.sample(catalog, BenchSupport.GRAPH_KINDS, 5_000, 1);
		long[] sizes = new long[sample.size()];
		for (int i = 0; i < sizes.length; i++) {
			sizes[i] = BenchSupport.dependents(catalog, catalog.idOf(sample.get(i).ref()));
		}
		Arrays.sort(sizes);
		System.out.printf(
				"blast radius size over %,d random components/APIs/resources: p50 %,d, p90 %,d, p99 %,d, "
						+ "max %,d dependents%n",
				sizes.length, BenchSupport.percentile(sizes, 50), BenchSupport.percentile(sizes, 90),
				BenchSupport.percentile(sizes, 99), sizes[sizes.length - 1]);
		Entity worst = BenchSupport.largestBlastRadius(catalog);
		System.out.printf("largest blast radius: %s, %,d dependents%n", worst.ref(),
				BenchSupport.dependents(catalog, catalog.idOf(worst.ref())));
		Reference.reachabilityFence(catalog);
	}

	private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
		long used = Long.MAX_VALUE;
		// Several collections: the first may leave objects whose finalization or
		// reference processing frees more in the next.
		for (int i = 0; i < 4; i++) {
			System.gc();
			Thread.sleep(200);
			used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
		}
		return used;
	}

}
