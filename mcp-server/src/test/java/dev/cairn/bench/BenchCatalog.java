package dev.cairn.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The generated catalog every benchmark reads: the folder named by the system property
 * {@value #PROPERTY} (default {@code target/bench-catalog}), generated on first use. A
 * marker file records the shape and seed it was generated with, so a stale folder from an
 * older generator is regenerated rather than measured.
 */
public final class BenchCatalog {

	public static final String PROPERTY = "cairn.bench.catalog";

	public static final long SEED = 20_260_101L;

	/** Bump when the generator's output changes, so stale folders are regenerated. */
	static final int GENERATOR_VERSION = 2;

	private static final String MARKER = ".cairn-bench";

	private BenchCatalog() {
	}

	public static Path folder() {
		return folder(Path.of(System.getProperty(PROPERTY, "target/bench-catalog")));
	}

	public static synchronized Path folder(Path folder) {
		Path marker = folder.resolve(MARKER);
		String expected = "version " + GENERATOR_VERSION + ", seed " + SEED + ", " + CatalogGenerator.Shape.FULL + "\n";
		try {
			if (Files.isRegularFile(marker) && Files.readString(marker).equals(expected)) {
				return folder.toAbsolutePath();
			}
			CatalogGenerator.generate(folder, CatalogGenerator.Shape.FULL, SEED);
			Files.writeString(marker, expected);
			return folder.toAbsolutePath();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
