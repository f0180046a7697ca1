package dev.cairn.bench;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cairn.catalog.Catalog;
import dev.cairn.catalog.CatalogProblem;
import dev.cairn.catalog.FolderCatalogSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark catalog generator, at a small scale: what it writes must load as a valid
 * catalog, or the benchmarks would measure error handling instead of the catalog.
 */
class CatalogGeneratorTests {

	@Test
	void writesAValidCatalogOfTheRequestedShape(@TempDir Path folder) {
		CatalogGenerator.Written written = CatalogGenerator.generate(folder, CatalogGenerator.Shape.SMALL, 42);
		Catalog catalog = new FolderCatalogSource(folder).load();
		assertThat(catalog.entities()).hasSize(written.entities()).hasSize(CatalogGenerator.Shape.SMALL.entities());
		assertThat(catalog.problems()).noneMatch((problem) -> problem.severity() == CatalogProblem.Severity.ERROR);
		// The only warnings are the retired APIs some components still consume.
		assertThat(catalog.problems()).allMatch((problem) -> problem.message().contains("-legacy-api"));
		Map<String, Integer> counts = catalog.countsByKind();
		assertThat(counts).containsEntry("Component", 40 * 24)
			.containsEntry("API", 40 * 6)
			.containsEntry("Resource", 40 * 8)
			.containsEntry("System", 40)
			.containsEntry("Domain", 20)
			.containsEntry("Group", 60)
			.containsEntry("User", 300);
		// About ten relations per entity, stored both ways, as in the full-size catalog.
		assertThat(catalog.relationCount()).isBetween(catalog.entities().size() * 7, catalog.entities().size() * 12);
	}

	@Test
	void isDeterministic(@TempDir Path first, @TempDir Path second) {
		CatalogGenerator.generate(first, CatalogGenerator.Shape.SMALL, 7);
		CatalogGenerator.generate(second, CatalogGenerator.Shape.SMALL, 7);
		Catalog a = new FolderCatalogSource(first).load();
		Catalog b = new FolderCatalogSource(second).load();
		assertThat(a.relationCount()).isEqualTo(b.relationCount());
		for (int i = 0; i < a.entities().size(); i++) {
			assertThat(a.entities().get(i).spec()).isEqualTo(b.entities().get(i).spec());
		}
	}

}
