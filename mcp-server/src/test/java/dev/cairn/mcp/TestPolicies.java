package dev.cairn.mcp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A writable copy of the shipped guardrails ({@code ../policies}) for tests that edit
 * them.
 */
final class TestPolicies {

	private TestPolicies() {
	}

	static Path copyOfShipped() {
		try {
			Path source = Path.of("../policies").toAbsolutePath().normalize();
			Path target = Files.createTempDirectory("cairn-policies");
			try (Stream<Path> files = Files.walk(source)) {
				for (Path file : files.toList()) {
					Path to = target.resolve(source.relativize(file).toString());
					if (Files.isDirectory(file)) {
						Files.createDirectories(to);
					}
					else {
						Files.copy(file, to);
					}
				}
			}
			return target;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
