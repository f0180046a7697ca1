package dev.cairn.rego.conformance;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.cairn.rego.ConformanceFolder;

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
		Path root = ConformanceFolder.find();
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

}
