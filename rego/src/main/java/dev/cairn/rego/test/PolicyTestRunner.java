package dev.cairn.rego.test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

import dev.cairn.rego.ErrorCode;
import dev.cairn.rego.Limits;
import dev.cairn.rego.RegoException;
import dev.cairn.rego.ast.Body;
import dev.cairn.rego.internal.compile.CompiledPolicy;
import dev.cairn.rego.internal.eval.Evaluator;
import dev.cairn.rego.internal.eval.Host;
import dev.cairn.rego.internal.eval.Memo;
import dev.cairn.rego.internal.parser.RegoParser;
import dev.cairn.rego.value.BoolValue;
import dev.cairn.rego.value.Value;

/**
 * Runs the Rego tests under some paths, as {@code opa test} does. A test passes when its
 * rule's value is {@code true}; it fails when the rule is undefined or has any other
 * value, and errors when evaluating it raises an error. Mocks are written in the tests
 * themselves, with {@code with}.
 *
 * <pre>{@code
 * TestRun run = PolicyTestRunner.run(List.of(Path.of("policies")), PolicyTestRunner.Options.DEFAULTS);
 * assertThat(run.results()).allMatch(TestResult::passed);
 * }</pre>
 */
public final class PolicyTestRunner {

	private static final String VALUE = "__cairn_test_value__";

	private PolicyTestRunner() {
	}

	/**
	 * Loads {@code paths} (folders, recursively, or single files) and runs their tests.
	 * @throws PolicyLoadException when a file cannot be loaded
	 * @throws IllegalArgumentException when {@link Options#run()} is not a valid regular
	 * expression
	 */
	public static TestRun run(List<Path> paths, Options options) {
		Pattern filter = compile(options.run());
		PolicyLoader.Loaded loaded = PolicyLoader.load(paths);
		TestRules.Found found = TestRules.find(loaded.modules());
		CompiledPolicy policy;
		try {
			policy = CompiledPolicy.compile(found.modules(), loaded.data(), Evaluator::builtinArity);
		}
		catch (RegoException ex) {
			throw new PolicyLoadException(ex.code(), ex.errors().stream().map(RegoException::getMessage).toList());
		}
		Coverage coverage = options.coverage() ? new Coverage() : null;
		List<TestResult> results = new ArrayList<>();
		for (TestRules.TestCase test : found.tests()) {
			String fullName = test.packageName() + "." + test.name();
			if (filter == null || filter.matcher(fullName).find()) {
				results.add(run(policy, test, options, coverage));
			}
		}
		return new TestRun(results, (coverage != null) ? coverage.report(loaded.modules()) : null);
	}

	private static Pattern compile(String regex) {
		if (regex == null || regex.isEmpty()) {
			return null;
		}
		try {
			return Pattern.compile(regex);
		}
		catch (PatternSyntaxException ex) {
			throw new IllegalArgumentException("invalid --run expression: " + ex.getMessage(), ex);
		}
	}

	private static TestResult run(CompiledPolicy policy, TestRules.TestCase test, Options options, Coverage coverage) {
		if (test.skip()) {
			return result(test, TestResult.Outcome.SKIPPED, 0, null, List.of());
		}
		List<String> path = new ArrayList<>(test.pkg());
		path.addAll(test.ref());
		Body query = policy.prepare(RegoParser.parseQuery(VALUE + " = " + RefText.bracketed("data", path)));
		long start = System.nanoTime();
		Limits limits = Limits.DEFAULT.withTimeout(options.timeout());
		Memo memo = new Memo();
		List<String> output = new ArrayList<>();
		Host host = Host.isolated().printingTo((location, message) -> output.add(message));
		try {
			List<Map<String, Value>> rows = Evaluator.evaluate(policy, memo, query, null, options.strictBuiltinErrors(),
					limits, host, coverage);
			long took = System.nanoTime() - start;
			boolean pass = !rows.isEmpty() && BoolValue.TRUE.equals(rows.get(0).get(VALUE));
			return result(test, pass ? TestResult.Outcome.PASS : TestResult.Outcome.FAIL, took, null, output);
		}
		catch (RegoException ex) {
			return result(test, TestResult.Outcome.ERROR, System.nanoTime() - start, ex, output);
		}
		catch (StackOverflowError ex) {
			return result(test, TestResult.Outcome.ERROR, System.nanoTime() - start,
					new RegoException(ErrorCode.EVAL_CANCEL_ERROR, null, "evaluation recursed too deeply"), output);
		}
		catch (RuntimeException ex) {
			return result(test, TestResult.Outcome.ERROR, System.nanoTime() - start,
					new RegoException(ErrorCode.EVAL_INTERNAL_ERROR, null, "internal evaluation error: " + ex, ex),
					output);
		}
	}

	private static TestResult result(TestRules.TestCase test, TestResult.Outcome outcome, long nanos,
			RegoException error, List<String> output) {
		return new TestResult(test.packageName(), test.name(), test.rule().location(), outcome, nanos, error, output);
	}

	/**
	 * How to run.
	 *
	 * @param run a regular expression (RE2 syntax, as OPA's); only tests whose full name
	 * ({@code data.pkg.test_x}) it matches somewhere run; {@code null} or empty for all
	 * @param timeout the limit of each test's evaluation; zero for none
	 * @param coverage whether to record line coverage
	 * @param strictBuiltinErrors whether a failing builtin makes the test an error rather
	 * than its expression undefined
	 */
	public record Options(String run, Duration timeout, boolean coverage, boolean strictBuiltinErrors) {

		/** All tests, 5 s each (OPA's default), no coverage, lenient builtins. */
		public static final Options DEFAULTS = new Options(null, Duration.ofSeconds(5), false, false);

		public Options {
			Objects.requireNonNull(timeout, "timeout");
		}

		/** A copy that runs only the tests {@code regex} matches. */
		public Options withRun(String regex) {
			return new Options(regex, this.timeout, this.coverage, this.strictBuiltinErrors);
		}

		/** A copy with coverage recorded or not. */
		public Options withCoverage(boolean enabled) {
			return new Options(this.run, this.timeout, enabled, this.strictBuiltinErrors);
		}

	}

}
