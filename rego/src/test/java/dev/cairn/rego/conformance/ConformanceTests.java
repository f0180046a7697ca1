package dev.cairn.rego.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs OPA's conformance cases and holds the line: every folder listed in
 * {@code conformance/passing-folders.txt} must pass fully. Skipped when the cases are not
 * beside the project.
 */
class ConformanceTests {

	@Test
	void listedFoldersPassFully() throws IOException {
		Path root = conformanceFolder();
		assumeTrue(root != null, "OPA conformance cases not found");
		ConformanceRunner.Report report = ConformanceRunner.run(root, ConformanceRunner.DEFAULT_CASE_MILLIS);
		report.print(System.out);
		List<String> listed = passingFolders();
		List<String> regressions = report.failures()
			.stream()
			.filter((f) -> listed.contains(f.substring(0, f.indexOf(" / "))))
			.toList();
		assertThat(regressions).isEmpty();
		assertThat(report.folders().keySet()).containsAll(listed);
	}

	private static List<String> passingFolders() throws IOException {
		try (var in = ConformanceTests.class.getResourceAsStream("/conformance/passing-folders.txt")) {
			String text = new String(in.readAllBytes());
			return Arrays.stream(text.split("\\R"))
				.map(String::strip)
				.filter((l) -> !l.isEmpty() && !l.startsWith("#"))
				.toList();
		}
	}

	private static Path conformanceFolder() {
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
