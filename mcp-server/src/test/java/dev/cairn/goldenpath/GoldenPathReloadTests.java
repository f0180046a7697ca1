package dev.cairn.goldenpath;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cairn.watch.FolderWatcher;

import static org.assertj.core.api.Assertions.assertThat;

/** The golden-paths folder reloads when a template is added, broken or fixed. */
class GoldenPathReloadTests {

	@TempDir
	Path root;

	@Test
	void aTemplateAddedBrokenAndFixedIsSeenWithoutARestart() throws Exception {
		BlockingQueue<TemplateSet> reloads = new LinkedBlockingQueue<>();
		GoldenPaths paths = new GoldenPaths(this.root, false);
		assertThat(paths.current().templates()).isEmpty();
		try (FolderWatcher watcher = new FolderWatcher(this.root, "goldenpath", () -> {
			paths.reload();
			reloads.add(paths.current());
		})) {
			GoldenPathFixtures.write(this.root, "svc", GoldenPathFixtures.definition("svc"), "README.md", "# x\n");
			assertThat(awaitLoaded(reloads)).extracting(GoldenPath::name).containsExactly("svc");
			Files.writeString(this.root.resolve("svc/template.yaml"),
					GoldenPathFixtures.definition("svc").replace("repository.create", "repository.delete"));
			awaitBroken(reloads);
			assertThat(paths.current().problems()).singleElement()
				.asString()
				.contains("spec.steps[0].action: unknown action \"repository.delete\"");
		}
	}

	private static java.util.List<GoldenPath> awaitLoaded(BlockingQueue<TemplateSet> reloads)
			throws InterruptedException {
		// Bounded waits, not timing assertions: a slow machine only waits longer.
		for (int i = 0; i < 60; i++) {
			TemplateSet set = reloads.poll(1, TimeUnit.SECONDS);
			if (set != null && !set.templates().isEmpty() && set.broken().isEmpty()) {
				return set.templates();
			}
		}
		throw new AssertionError("the template was not reloaded");
	}

	private static void awaitBroken(BlockingQueue<TemplateSet> reloads) throws InterruptedException {
		for (int i = 0; i < 60; i++) {
			TemplateSet set = reloads.poll(1, TimeUnit.SECONDS);
			if (set != null && !set.broken().isEmpty()) {
				return;
			}
		}
		throw new AssertionError("the broken template was not reported");
	}

}
