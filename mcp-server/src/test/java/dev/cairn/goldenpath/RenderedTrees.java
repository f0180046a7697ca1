package dev.cairn.goldenpath;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a rendered tree to disk, for the tests that build it. */
final class RenderedTrees {

	private RenderedTrees() {
	}

	static Path write(RenderedTree tree, Path target) throws IOException {
		for (RenderedFile file : tree.files().values()) {
			Path path = target.resolve(file.path());
			Files.createDirectories(path.getParent());
			Files.write(path, file.content());
			if (file.executable()) {
				path.toFile().setExecutable(true);
			}
		}
		return target;
	}

}
