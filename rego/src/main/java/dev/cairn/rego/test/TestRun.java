package dev.cairn.rego.test;

import java.util.List;

/**
 * The results of a run, in file order then rule order.
 *
 * @param results one per test that ran or was skipped
 * @param coverage the line coverage, or {@code null} unless requested
 */
public record TestRun(List<TestResult> results, CoverageReport coverage) {

	public TestRun {
		results = List.copyOf(results);
	}

	/** The tests with the given outcome. */
	public List<TestResult> withOutcome(TestResult.Outcome outcome) {
		return this.results.stream().filter((r) -> r.outcome() == outcome).toList();
	}

	/** Whether every test passed (skipped ones count as not passed, as in OPA). */
	public boolean allPassed() {
		return this.results.stream().allMatch(TestResult::passed);
	}

}
