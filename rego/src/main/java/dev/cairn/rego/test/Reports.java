package dev.cairn.rego.test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.cairn.rego.Location;
import dev.cairn.rego.RegoException;

/**
 * The texts {@code opa test} prints for a run: the pretty report (default and verbose)
 * and the JSON array of results.
 */
final class Reports {

	private static final String RULE = "-".repeat(80) + "\n";

	private Reports() {
	}

	/**
	 * The pretty report. By default it lists the tests that did not pass, grouped under
	 * their file, each error followed by its message; verbose lists every test, after a
	 * {@code FAILURES} section naming the failed ones. Then a rule and the non-zero
	 * counts: {@code PASS: 3/5}, {@code FAIL: 1/5}, {@code SKIPPED: 1/5},
	 * {@code ERROR: 1/5}.
	 */
	static String pretty(List<TestResult> results, boolean verbose) {
		StringBuilder out = new StringBuilder();
		List<TestResult> failures = results.stream().filter((r) -> r.outcome() == TestResult.Outcome.FAIL).toList();
		if (verbose && !failures.isEmpty()) {
			out.append("FAILURES\n").append(RULE);
			// OPA follows each failure with its evaluation trace; there is none here.
			failures.forEach((f) -> out.append(f).append("\n\n"));
			out.append("SUMMARY\n").append(RULE);
		}
		boolean dirty = false;
		String lastFile = null;
		for (TestResult r : results) {
			if (verbose || !r.passed()) {
				String file = r.location().file();
				if (!file.equals(lastFile)) {
					if (lastFile != null) {
						out.append('\n');
					}
					out.append(file).append(":\n");
					lastFile = file;
				}
				out.append(r).append('\n');
				dirty = true;
				// What the test printed, indented under it, as opa test shows it.
				r.output().forEach((line) -> out.append("  ").append(line).append('\n'));
			}
			if (r.error() != null) {
				out.append("  ").append(r.error().getMessage()).append('\n');
			}
		}
		if (dirty) {
			out.append(RULE);
		}
		int total = results.size();
		for (TestResult.Outcome outcome : List.of(TestResult.Outcome.PASS, TestResult.Outcome.FAIL,
				TestResult.Outcome.SKIPPED, TestResult.Outcome.ERROR)) {
			long n = results.stream().filter((r) -> r.outcome() == outcome).count();
			if (n > 0) {
				out.append(outcome).append(": ").append(n).append('/').append(total).append('\n');
			}
		}
		return out.toString();
	}

	/**
	 * The results as {@code opa test --format=json} prints them: an array of objects with
	 * {@code location} ({@code file}, {@code row}, {@code col}), {@code package},
	 * {@code name}, {@code fail}, {@code error} ({@code code}, {@code message},
	 * {@code location}) or {@code skip} when they apply, and {@code duration} in
	 * nanoseconds.
	 */
	static String json(List<TestResult> results) {
		List<Object> out = new ArrayList<>();
		for (TestResult r : results) {
			Map<String, Object> o = new LinkedHashMap<>();
			o.put("location", location(r.location()));
			o.put("package", r.pkg());
			o.put("name", r.name());
			if (r.outcome() == TestResult.Outcome.FAIL) {
				o.put("fail", true);
			}
			if (r.error() != null) {
				o.put("error", error(r.error()));
			}
			if (r.outcome() == TestResult.Outcome.SKIPPED) {
				o.put("skip", true);
			}
			if (!r.output().isEmpty()) {
				// OPA puts the printed bytes in the JSON report, base64-encoded.
				o.put("output", java.util.Base64.getEncoder()
					.encodeToString(
							(String.join("\n", r.output()) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
			}
			o.put("duration", r.durationNanos());
			out.add(o);
		}
		return GoJson.write(out) + "\n";
	}

	private static Map<String, Object> location(Location location) {
		Map<String, Object> o = new LinkedHashMap<>();
		o.put("file", location.file());
		o.put("row", location.row());
		o.put("col", location.col());
		return o;
	}

	private static Map<String, Object> error(RegoException error) {
		Map<String, Object> o = new LinkedHashMap<>();
		o.put("code", error.code().code());
		o.put("message", error.detail());
		if (error.location() != null) {
			o.put("location", location(error.location()));
		}
		return o;
	}

}
