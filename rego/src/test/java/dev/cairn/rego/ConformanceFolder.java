package dev.cairn.rego;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where tests find OPA's conformance cases: {@code -Dcairn.rego.conformance.dir}, else
 * the nearest {@code shared/opa-conformance/v1} above the working directory; {@code null}
 * when absent, so that tests skip.
 */
public final class ConformanceFolder {

	private ConformanceFolder() {
	}

	public static Path find() {
		String configured = System.getProperty("cairn.rego.conformance.dir");
		if (configured != null) {
			return Files.isDirectory(Path.of(configured)) ? Path.of(configured) : null;
		}
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			Path candidate = dir.resolve("shared/opa-conformance/v1");
			if (Files.isDirectory(candidate)) {
				return candidate;
			}
		}
		return null;
	}

}
