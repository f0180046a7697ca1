package dev.cairn.rego.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.cairn.rego.internal.eval.Evaluator;

/**
 * Writes the generated half of {@code SUPPORTED.md} from a conformance run: the pass rate
 * per tier, per builtin (the cases that call it and how many of them pass) and per
 * folder. Everything above the marker line is kept as written.
 */
final class SupportedReport {

	static final String MARKER = "<!-- Generated from the conformance run by `Main --report`; edit only above this line. -->";

	private static final Pattern UNDEFINED = Pattern.compile("undefined function ([\\w.]+)");

	private final ConformanceRunner.Report report;

	private final Map<String, String> tierOf;

	private SupportedReport(ConformanceRunner.Report report, Map<String, String> tierOf) {
		this.report = report;
		this.tierOf = tierOf;
	}

	/**
	 * Rewrites {@code file} below the marker (appending the marker when absent).
	 * @param tiers the suite's {@code tiers.txt}, or a missing path for no tiers
	 */
	static void write(ConformanceRunner.Report report, Path tiers, Path file) throws IOException {
		String kept = Files.exists(file) ? Files.readString(file) : "";
		int at = kept.indexOf(MARKER);
		String head = (at >= 0) ? kept.substring(0, at) : kept + ((kept.isEmpty() || kept.endsWith("\n")) ? "" : "\n");
		String body = new SupportedReport(report, readTiers(tiers)).render();
		Files.writeString(file, head + MARKER + "\n" + body);
	}

	/** {@code T1: a b c} lines to a folder-to-tier map. */
	static Map<String, String> readTiers(Path tiers) throws IOException {
		Map<String, String> tierOf = new LinkedHashMap<>();
		if (!Files.isRegularFile(tiers)) {
			return tierOf;
		}
		for (String line : Files.readAllLines(tiers)) {
			int colon = line.indexOf(':');
			if (line.startsWith("#") || colon < 0) {
				continue;
			}
			String tier = line.substring(0, colon).trim();
			for (String folder : line.substring(colon + 1).trim().split("\\s+")) {
				if (!folder.isEmpty()) {
					tierOf.put(folder, tier);
				}
			}
		}
		return tierOf;
	}

	String render() {
		StringBuilder out = new StringBuilder();
		tiers(out);
		builtins(out);
		folders(out);
		return out.toString();
	}

	private void tiers(StringBuilder out) {
		out.append("\n## Conformance by tier\n\n");
		out.append("| tier | folders | cases | passed | failed | skipped | passed of all cases |\n");
		out.append("|---|---:|---:|---:|---:|---:|---:|\n");
		Map<String, int[]> byTier = new java.util.TreeMap<>();
		this.report.folders().forEach((folder, t) -> {
			int[] sums = byTier.computeIfAbsent(tier(folder), (k) -> new int[4]);
			sums[0]++;
			sums[1] += t.passed();
			sums[2] += t.failed();
			sums[3] += t.skipped();
		});
		int[] all = new int[4];
		byTier.forEach((tier, s) -> {
			row(out, tier, s);
			for (int i = 0; i < 4; i++) {
				all[i] += s[i];
			}
		});
		row(out, "all", all);
		out.append("\nOverall: ")
			.append(this.report.passed())
			.append(" passed, ")
			.append(this.report.failed())
			.append(" failed; ")
			.append(this.report.passingFolders().size())
			.append(" of ")
			.append(this.report.folders().size())
			.append(" folders pass fully.\n");
	}

	private static void row(StringBuilder out, String name, int[] s) {
		int cases = s[1] + s[2] + s[3];
		out.append(String.format("| %s | %d | %d | %d | %d | %d | %s |%n", name, s[0], cases, s[1], s[2], s[3],
				percent(s[1], cases)));
	}

	private static String percent(int part, int whole) {
		return (whole == 0) ? "-" : String.format("%.1f%%", 100.0 * part / whole);
	}

	private void builtins(StringBuilder out) {
		List<String> names = Evaluator.builtinNames();
		out.append("\n## Builtins\n\n");
		out.append(names.size())
			.append(" builtins. For each, the conformance cases whose modules or query call it, and how many of")
			.append(" those pass (a case may fail for another reason than the builtin).\n\n");
		out.append("| builtin | cases | passed |\n|---|---:|---:|\n");
		for (String name : names) {
			Pattern call = Pattern.compile("(?<![\\w.])" + Pattern.quote(name) + "\\s*\\(");
			int cases = 0;
			int passed = 0;
			for (ConformanceRunner.Outcome o : this.report.outcomes()) {
				if (call.matcher(o.sources()).find()) {
					cases++;
					passed += o.passed() ? 1 : 0;
				}
			}
			out.append(String.format("| `%s` | %d | %d |%n", name, cases, passed));
		}
		TreeSet<String> missing = new TreeSet<>();
		for (ConformanceRunner.Outcome o : this.report.outcomes()) {
			if (o.failure() != null) {
				Matcher m = UNDEFINED.matcher(o.failure());
				while (m.find()) {
					missing.add(m.group(1));
				}
			}
		}
		if (!missing.isEmpty()) {
			List<String> quoted = new ArrayList<>();
			missing.forEach((n) -> quoted.add("`" + n + "`"));
			out.append("\nCalled by failing cases but not built in: ").append(String.join(", ", quoted)).append(".\n");
		}
	}

	private void folders(StringBuilder out) {
		out.append("\n## Conformance by folder\n\n");
		out.append("| folder | tier | cases | passed | failed | skipped | passes fully |\n");
		out.append("|---|---|---:|---:|---:|---:|:---:|\n");
		this.report.folders().forEach((folder, t) -> {
			int cases = t.passed() + t.failed() + t.skipped();
			boolean full = t.failed() == 0 && t.skipped() == 0;
			out.append(String.format("| %s | %s | %d | %d | %d | %d | %s |%n", folder, tier(folder), cases, t.passed(),
					t.failed(), t.skipped(), full ? "yes" : ""));
		});
	}

	private String tier(String folder) {
		return this.tierOf.getOrDefault(folder, "-");
	}

}
