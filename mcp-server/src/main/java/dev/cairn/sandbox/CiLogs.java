package dev.cairn.sandbox;

import java.util.ArrayList;
import java.util.List;

import dev.cairn.sandbox.Runtime.Text;

/**
 * What the CI jobs print, as GitHub Actions shows a job's log: the test job (its
 * runtime's test runner, passing, or failing on the test of the change that was never
 * built) and the job that builds and pushes the image.
 */
final class CiLogs {

	private CiLogs() {
	}

	static List<Text> test(Workload workload, String version, boolean fails) {
		Words names = Words.of(workload.service());
		List<Text> lines = new ArrayList<>();
		switch (workload.runtime()) {
			case JVM:
				lines.add(info("##[group]Run ./mvnw -B -ntp verify"));
				lines.add(info("[INFO] Building " + workload.service() + " " + version));
				lines.add(info("[INFO]  T E S T S"));
				lines.add(info("[INFO] Running com.acme." + names.noun() + "." + names.type() + "TotalsTest"));
				if (fails) {
					String test = "com.acme." + names.noun() + "." + names.type() + "TotalsTest";
					lines.add(error("[ERROR] Tests run: 14, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 0.912 s"
							+ " <<< FAILURE! -- in " + test));
					lines.add(error("[ERROR] " + test + ".roundsToMinorUnits -- Time elapsed: 0.031 s <<< FAILURE!"));
					lines.add(error("org.opentest4j.AssertionFailedError: expected: <1999> but was: <1998>"));
					lines.add(error("\tat " + test + ".roundsToMinorUnits(" + names.type() + "TotalsTest.java:58)"));
					lines.add(error("[ERROR] Tests run: 212, Failures: 1, Errors: 0, Skipped: 2"));
					lines.add(error("[ERROR] BUILD FAILURE"));
				}
				else {
					lines.add(info("[INFO] Tests run: 212, Failures: 0, Errors: 0, Skipped: 2"));
					lines.add(info("[INFO] BUILD SUCCESS"));
				}
				break;
			case GO:
				String module = "github.com/acme/" + workload.service() + "/internal/";
				lines.add(info("##[group]Run go test ./..."));
				lines.add(info("ok  \t" + module + "api\t0.214s"));
				if (fails) {
					lines.add(error("--- FAIL: TestTotalsRoundToMinorUnits (0.00s)"));
					lines.add(error("    totals_test.go:58: total = 1998, want 1999"));
					lines.add(error("FAIL\t" + module + names.noun() + "\t0.412s"));
				}
				else {
					lines.add(info("ok  \t" + module + names.noun() + "\t0.412s"));
				}
				break;
			case NODE:
				lines.add(info("##[group]Run npm test -- --ci"));
				lines.add(info("PASS src/api/health.test.ts"));
				if (fails) {
					lines.add(error("FAIL src/" + names.noun() + "/totals.test.ts"));
					lines.add(error("  ● totals › rounds to minor units"));
					lines.add(error("    Expected: 1999"));
					lines.add(error("    Received: 1998"));
					lines.add(error("Tests:       1 failed, 86 passed, 87 total"));
				}
				else {
					lines.add(info("PASS src/" + names.noun() + "/totals.test.ts"));
					lines.add(info("Tests:       87 passed, 87 total"));
				}
				break;
			default:
				lines.add(info("##[group]Run pytest -q"));
				if (fails) {
					lines.add(error(
							"FAILED tests/test_totals.py::test_totals_round_to_minor_units - assert 1998 == 1999"));
					lines.add(error("1 failed, 141 passed in 6.21s"));
				}
				else {
					lines.add(info("142 passed in 6.18s"));
				}
		}
		lines.add(fails ? error("##[error]Process completed with exit code 1.") : info("##[endgroup]"));
		return lines;
	}

	static List<Text> buildAndPush(Workload workload, String version) {
		String image = workload.image(version);
		return List.of(info("##[group]Run docker/build-push-action@v6"), info("#12 exporting to image"),
				info("#12 pushing layers done"), info("#12 pushing manifest for " + image + "@sha256:"
						+ Seed.hex(Seed.of(image, "digest"), 64) + " done"),
				info("##[endgroup]"));
	}

	private static Text info(String message) {
		return new Text("info", message);
	}

	private static Text error(String message) {
		return new Text("error", message);
	}

}
