package dev.cairn.rego.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Command line:
 * {@code java -cp ... dev.cairn.rego.conformance.Main [-v] [--report FILE] [DIR] [EXPECTED]}.
 * DIR defaults to {@code -Dcairn.rego.conformance.dir}, else
 * {@code ../shared/opa-conformance/v1}. With {@code -v}, failed cases are listed.
 * EXPECTED names a file of folders (whitespace-separated) whose failures are expected.
 * {@code --report FILE} rewrites the generated part of {@code SUPPORTED.md}. Exits 0 only
 * when no case failed outside those folders.
 */
public final class Main {

	private Main() {
	}

	public static void main(String[] args) throws IOException {
		boolean verbose = false;
		String dir = System.getProperty("cairn.rego.conformance.dir", "../shared/opa-conformance/v1");
		String expected = null;
		Path supported = null;
		int positional = 0;
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if ("-v".equals(arg)) {
				verbose = true;
			}
			else if ("--report".equals(arg) && i + 1 < args.length) {
				supported = Path.of(args[++i]);
			}
			else if (positional++ == 0) {
				dir = arg;
			}
			else {
				expected = arg;
			}
		}
		Path root = Path.of(dir);
		if (!Files.isDirectory(root)) {
			System.err.println("no conformance folder at " + root.toAbsolutePath());
			System.exit(2);
		}
		ConformanceRunner.Report report = ConformanceRunner.run(root, ConformanceRunner.DEFAULT_CASE_MILLIS);
		if (verbose) {
			report.failures().forEach(System.out::println);
		}
		report.print(System.out);
		if (supported != null) {
			SupportedReport.write(report, root.toAbsolutePath().getParent().resolve("tiers.txt"), supported);
			System.out.println("wrote " + supported);
		}
		Set<String> expectedFailing = new HashSet<>();
		if (expected != null) {
			expectedFailing.addAll(List.of(Files.readString(Path.of(expected)).split("\\s+")));
		}
		boolean unexpected = report.folders()
			.entrySet()
			.stream()
			.anyMatch((e) -> e.getValue().failed() > 0 && !expectedFailing.contains(e.getKey()));
		System.exit(unexpected ? 1 : 0);
	}

}
