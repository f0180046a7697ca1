package dev.cairn.catalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cairn.watch.FolderWatcher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A folder catalog reloads when its files change, without a restart, and a broken edit
 * does not take down what still loads.
 */
class CatalogReloadTests {

	@TempDir
	Path root;

	@Test
	void reloadsWhenAFileChangesAndReportsABrokenEdit() throws Exception {
		Files.writeString(this.root.resolve("team.yaml"), TestCatalogs.TEAM);
		CatalogService service = new CatalogService(new FolderCatalogSource(this.root));
		BlockingQueue<Catalog> reloads = new LinkedBlockingQueue<>();
		service.onReload(reloads::add);
		try (FolderWatcher watcher = new FolderWatcher(this.root, "catalog", service::reload)) {
			Files.createDirectories(this.root.resolve("services"));
			Files.writeString(this.root.resolve("services/a.yaml"), TestCatalogs.component("a", ""));
			Catalog added = awaitEntity(reloads, "component:default/a");
			assertThat(added.problems()).isEmpty();

			Files.writeString(this.root.resolve("services/b.yaml"), "kind: [broken\n");
			Catalog broken = awaitProblem(reloads);
			assertThat(broken.find(EntityRef.parse("component:default/a"))).isPresent();
			assertThat(broken.problems()).singleElement()
				.satisfies((problem) -> assertThat(problem.location()).startsWith("services/b.yaml:"));
		}
	}

	private static Catalog awaitEntity(BlockingQueue<Catalog> reloads, String ref) throws InterruptedException {
		while (true) {
			Catalog next = reloads.poll(30, TimeUnit.SECONDS);
			assertThat(next).as("a reload that contains " + ref).isNotNull();
			if (next.find(EntityRef.parse(ref)).isPresent()) {
				return next;
			}
		}
	}

	private static Catalog awaitProblem(BlockingQueue<Catalog> reloads) throws InterruptedException {
		while (true) {
			Catalog next = reloads.poll(30, TimeUnit.SECONDS);
			assertThat(next).as("a reload that reports a problem").isNotNull();
			if (!next.problems().isEmpty()) {
				return next;
			}
		}
	}

}
