package dev.cairn.rego.test;

import java.util.List;
import java.util.Objects;

import dev.cairn.rego.Location;
import dev.cairn.rego.RegoException;

/**
 * The outcome of one test rule.
 *
 * @param pkg the package, as OPA prints it: {@code data.authz}
 * @param name the rule's name within the package: {@code test_allow}, or
 * {@code test_allow#01} for the second rule of that name
 * @param location where the rule starts
 * @param outcome pass, fail, error or skipped
 * @param durationNanos how long the evaluation took; 0 for skipped tests
 * @param error why the test errored, or {@code null} unless {@link Outcome#ERROR}
 */
public record TestResult(String pkg, String name, Location location, Outcome outcome, long durationNanos,
		RegoException error, List<String> output) {

	public TestResult {
		Objects.requireNonNull(pkg, "pkg");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(location, "location");
		Objects.requireNonNull(outcome, "outcome");
		output = List.copyOf(output);
		if ((outcome == Outcome.ERROR) != (error != null)) {
			throw new IllegalArgumentException("an error goes with, and only with, outcome ERROR");
		}
	}

	/** The rule's path, as {@code --run} matches it: {@code data.authz.test_allow}. */
	public String fullName() {
		return this.pkg + "." + this.name;
	}

	/** Whether the test passed. */
	public boolean passed() {
		return this.outcome == Outcome.PASS;
	}

	/**
	 * The line {@code opa test} prints: {@code data.authz.test_allow: PASS (1.2µs)};
	 * skipped tests have no duration.
	 */
	@Override
	public String toString() {
		if (this.outcome == Outcome.SKIPPED) {
			return fullName() + ": " + this.outcome;
		}
		return fullName() + ": " + this.outcome + " (" + GoText.duration(this.durationNanos) + ")";
	}

	/** How a test ended. */
	public enum Outcome {

		/** The rule's value is {@code true}. */
		PASS,

		/** The rule is undefined, or its value is anything but {@code true}. */
		FAIL,

		/**
		 * Evaluating the rule raised an error (a conflict, a type error, a timeout...).
		 */
		ERROR,

		/** A {@code todo_test_} rule: not evaluated. */
		SKIPPED

	}

}
