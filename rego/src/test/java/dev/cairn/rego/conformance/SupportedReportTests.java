package dev.cairn.rego.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class SupportedReportTests {

	@TempDir
	Path dir;

	@Test
	void rewritesOnlyBelowTheMarkerWithTiersBuiltinsAndFolders() throws IOException {
		Path tiers = this.dir.resolve("tiers.txt");
		Files.writeString(tiers, "# tiers\nT1: alpha\nT2: beta\n");
		Path file = this.dir.resolve("SUPPORTED.md");
		Files.writeString(file, "# Hand-written\n\nprose\n" + SupportedReport.MARKER + "\nstale table\n");
		ConformanceRunner.Report report = report();

		SupportedReport.write(report, tiers, file);
		String first = Files.readString(file);
		SupportedReport.write(report, tiers, file);

		assertThat(Files.readString(file)).isEqualTo(first);
		assertThat(first).startsWith("# Hand-written\n\nprose\n" + SupportedReport.MARKER)
			.doesNotContain("stale table")
			.contains("| T1 | 1 | 2 | 2 | 0 | 0 | 100.0% |")
			.contains("| T2 | 1 | 2 | 1 | 1 | 0 | 50.0% |")
			.contains("| all | 2 | 4 | 3 | 1 | 0 | 75.0% |")
			.contains("| `upper` | 2 | 2 |")
			.contains("| `lower` | 1 | 0 |")
			.contains("| `count` | 0 | 0 |")
			.contains("Called by failing cases but not built in: `uuid.v7`.")
			.contains("| alpha | T1 | 2 | 2 | 0 | 0 | yes |")
			.contains("| beta | T2 | 2 | 1 | 1 | 0 |  |");
	}

	private static ConformanceRunner.Report report() {
		Map<String, ConformanceRunner.Tally> folders = new TreeMap<>();
		ConformanceRunner.Tally alpha = new ConformanceRunner.Tally();
		alpha.passed = 2;
		ConformanceRunner.Tally beta = new ConformanceRunner.Tally();
		beta.passed = 1;
		beta.failed = 1;
		folders.put("alpha", alpha);
		folders.put("beta", beta);
		List<ConformanceRunner.Outcome> outcomes = List.of(
				new ConformanceRunner.Outcome("alpha", "p := upper(\"a\")\ndata.p", null),
				new ConformanceRunner.Outcome("alpha", "p := strings.upper_x(\"a\")\nx := upper (\"b\")", null),
				new ConformanceRunner.Outcome("beta", "p := count", null),
				new ConformanceRunner.Outcome("beta", "p := lower(uuid.v7())",
						"unexpected error: test-0.rego:3:1: rego_type_error: undefined function uuid.v7"));
		return new ConformanceRunner.Report(folders, List.of(), outcomes);
	}

}
