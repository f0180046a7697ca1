package dev.cairn.rego.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cairn.rego.ErrorCode;
import dev.cairn.rego.test.TestResult.Outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

class PolicyTestRunnerTests {

	static final Path FIXTURES = Path.of("src/test/resources/policy-tests");

	private static TestRun run(String folder, PolicyTestRunner.Options options) {
		return PolicyTestRunner.run(List.of(FIXTURES.resolve(folder)), options);
	}

	@Test
	void runsTestRulesInFileAndRuleOrderWithTheirOutcomes() {
		TestRun run = run("suite", PolicyTestRunner.Options.DEFAULTS);

		assertThat(run.results()).extracting(TestResult::fullName, TestResult::outcome)
			.containsExactly(tuple("data.authz_test.test_admin_may_write", Outcome.PASS),
					tuple("data.authz_test.test_viewer_may_read", Outcome.PASS),
					tuple("data.authz_test.test_sessions_from_yaml", Outcome.PASS),
					tuple("data.authz_test.test_function_mock", Outcome.PASS),
					tuple("data.authz_test.test_data_mock", Outcome.PASS),
					tuple("data.authz_test.test_viewer_may_write", Outcome.FAIL),
					tuple("data.authz_test.test_same_name", Outcome.PASS),
					tuple("data.authz_test.test_same_name#01", Outcome.FAIL),
					tuple("data.authz_test.test_conflict", Outcome.ERROR),
					tuple("data.authz_test.todo_test_pending", Outcome.SKIPPED));
		assertThat(run.allPassed()).isFalse();
		assertThat(run.coverage()).isNull();
	}

	@Test
	void locatesEachTestAtItsRule() {
		TestResult dataMock = run("suite", PolicyTestRunner.Options.DEFAULTS).results().get(4);

		assertThat(dataMock.location().file()).isEqualTo(FIXTURES.resolve("suite/authz/authz_test.rego").toString());
		assertThat(dataMock.location().row()).isEqualTo(23);
		assertThat(dataMock.pkg()).isEqualTo("data.authz_test");
		assertThat(dataMock.name()).isEqualTo("test_data_mock");
	}

	@Test
	void reportsAnEvaluationErrorWithItsCodeAndPosition() {
		TestResult conflict = run("suite", PolicyTestRunner.Options.DEFAULTS.withRun("test_conflict")).results().get(0);

		assertThat(conflict.outcome()).isEqualTo(Outcome.ERROR);
		assertThat(conflict.error().code()).isEqualTo(ErrorCode.EVAL_CONFLICT_ERROR);
		assertThat(conflict.error().location().row()).isEqualTo(43);
	}

	@Test
	void skipsTodoTestsWithoutEvaluatingThem() {
		TestResult todo = run("suite", PolicyTestRunner.Options.DEFAULTS.withRun("todo_")).results().get(0);

		assertThat(todo.outcome()).isEqualTo(Outcome.SKIPPED);
		assertThat(todo.durationNanos()).isZero();
		assertThat(todo.toString()).isEqualTo("data.authz_test.todo_test_pending: SKIPPED");
	}

	@Test
	void runFilterMatchesAnywhereInTheFullName() {
		TestRun run = run("suite", PolicyTestRunner.Options.DEFAULTS.withRun("authz_test\\.test_viewer"));

		assertThat(run.results()).extracting(TestResult::name)
			.containsExactly("test_viewer_may_read", "test_viewer_may_write");
	}

	@Test
	void rejectsAnInvalidRunExpression() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> run("suite", PolicyTestRunner.Options.DEFAULTS.withRun("test_(")))
			.withMessageStartingWith("invalid --run expression");
	}

	@Test
	void builtinErrorsFailTheTestUnlessStrict() {
		PolicyTestRunner.Options strict = new PolicyTestRunner.Options(null,
				PolicyTestRunner.Options.DEFAULTS.timeout(), false, true);

		assertThat(run("strict", PolicyTestRunner.Options.DEFAULTS).results().get(0).outcome()).isEqualTo(Outcome.FAIL);
		TestResult result = run("strict", strict).results().get(0);
		assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
		assertThat(result.error().code()).isEqualTo(ErrorCode.EVAL_BUILTIN_ERROR);
	}

	@Test
	void collectsEveryLoadErrorWithItsPosition() {
		assertThatExceptionOfType(PolicyLoadException.class)
			.isThrownBy(() -> PolicyTestRunner.run(List.of(FIXTURES.resolve("broken"), FIXTURES.resolve("missing")),
					PolicyTestRunner.Options.DEFAULTS))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.PARSE_ERROR);
				assertThat(ex.problems()).containsExactly(
						FIXTURES.resolve("broken/bad.rego") + ":5:1: rego_parse_error: unexpected } token",
						FIXTURES.resolve("missing") + ": no such file or directory");
				assertThat(ex.getMessage()).startsWith("2 errors occurred:\n");
			});
	}

	@Test
	void recordsCoverageOnlyWhenAsked() {
		CoverageReport report = run("coverage", PolicyTestRunner.Options.DEFAULTS.withCoverage(true)).coverage();

		CoverageReport.FileCoverage policy = report.files().get(FIXTURES.resolve("coverage/cov.rego").toString());
		assertThat(policy.covered()).extracting(CoverageReport.Range::toString).containsExactly("3-4", "12");
		assertThat(policy.notCovered()).extracting(CoverageReport.Range::toString).containsExactly("7-9", "11", "13");
		assertThat(policy.coverage()).isEqualTo(37.5);
		assertThat(report.coveredLines()).isEqualTo(7);
		assertThat(report.notCoveredLines()).isEqualTo(5);
	}

	@Test
	void placesDataFilesAtTheirFolderPath(@TempDir Path root) throws IOException {
		Files.writeString(root.resolve("data.json"), "{\"top\": 1}");
		Files.createDirectories(root.resolve("a/b"));
		Files.writeString(root.resolve("a/b/data.yaml"), "c: 2\n");
		Files.writeString(root.resolve("a/extra.json"), "{\"d\": 3}");
		Files.writeString(root.resolve("data_test.rego"), """
				package data_test

				test_placed if {
					data.top == 1
					data.a.b.c == 2
					data.a.d == 3
				}
				""");

		assertThat(PolicyTestRunner.run(List.of(root), PolicyTestRunner.Options.DEFAULTS).results())
			.extracting(TestResult::outcome)
			.containsExactly(Outcome.PASS);
	}

	@Test
	void overlappingDataFilesAreALoadError(@TempDir Path root) throws IOException {
		Files.createDirectories(root.resolve("a"));
		Files.writeString(root.resolve("data.json"), "{\"a\": {\"x\": 1}}");
		Files.writeString(root.resolve("a/data.json"), "{\"x\": 2}");

		assertThatExceptionOfType(PolicyLoadException.class)
			.isThrownBy(() -> PolicyTestRunner.run(List.of(root), PolicyTestRunner.Options.DEFAULTS))
			.satisfies((ex) -> assertThat(ex.problems()).singleElement().asString().contains("merge error"));
	}

	@Test
	void aTestOverItsTimeLimitErrors(@TempDir Path root) throws IOException {
		Files.writeString(root.resolve("slow_test.rego"), """
				package slow_test

				test_slow if {
					count([1 | some a in numbers.range(1, 3000); some b in numbers.range(1, 3000); a != b]) > 0
				}
				""");
		PolicyTestRunner.Options quick = new PolicyTestRunner.Options(null, Duration.ofMillis(20), false, false);

		TestResult result = PolicyTestRunner.run(List.of(root), quick).results().get(0);

		assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
		assertThat(result.error().code()).isEqualTo(ErrorCode.EVAL_CANCEL_ERROR);
	}

}
