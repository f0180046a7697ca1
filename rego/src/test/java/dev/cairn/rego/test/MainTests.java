package dev.cairn.rego.test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MainTests {

	private static final String SUITE = dir("suite");

	private static final String TEST_FILE = dir("suite/authz/authz_test.rego");

	private static final String COVERAGE = dir("coverage");

	private static String dir(String name) {
		return PolicyTestRunnerTests.FIXTURES.resolve(name).toString();
	}

	private static Outcome main(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	/** The output with durations, which vary from run to run, replaced. */
	private static String timeless(String text) {
		return text.replaceAll("\\((\\d+(\\.\\d+)?(ns|µs|ms|s))+\\)", "(T)")
			.replaceAll("\"duration\": [1-9]\\d*", "\"duration\": N");
	}

	@Test
	void listsTestsThatDidNotPassThenTheCounts() {
		Outcome run = main(SUITE);

		assertThat(run.code()).isEqualTo(2);
		assertThat(timeless(run.out())).isEqualTo(TEST_FILE + ":\n" + """
				data.authz_test.test_viewer_may_write: FAIL (T)
				data.authz_test.test_same_name#01: FAIL (T)
				data.authz_test.test_conflict: ERROR (T)
				""" + "  " + TEST_FILE + """
				:43:1: eval_conflict_error: complete rules must not produce multiple outputs
				data.authz_test.todo_test_pending: SKIPPED
				--------------------------------------------------------------------------------
				PASS: 6/10
				FAIL: 2/10
				SKIPPED: 1/10
				ERROR: 1/10
				""");
	}

	@Test
	void verboseListsFailuresFirstThenEveryTest() {
		Outcome run = main("-v", "--run", "viewer|same_name", SUITE);

		assertThat(timeless(run.out())).isEqualTo("""
				FAILURES
				--------------------------------------------------------------------------------
				data.authz_test.test_viewer_may_write: FAIL (T)

				data.authz_test.test_same_name#01: FAIL (T)

				SUMMARY
				--------------------------------------------------------------------------------
				""" + TEST_FILE + ":\n" + """
				data.authz_test.test_viewer_may_read: PASS (T)
				data.authz_test.test_viewer_may_write: FAIL (T)
				data.authz_test.test_same_name: PASS (T)
				data.authz_test.test_same_name#01: FAIL (T)
				--------------------------------------------------------------------------------
				PASS: 2/4
				FAIL: 2/4
				""");
	}

	@Test
	void printsOnlyTheCountsWhenEverythingPasses() {
		Outcome run = main("-r", "may_read$", SUITE);

		assertThat(run.code()).isZero();
		assertThat(run.out()).isEqualTo("PASS: 1/1\n");
	}

	@Test
	void skippedTestsFailTheRunUnlessExitZeroOnSkipped() {
		assertThat(main("-r", "todo_", SUITE).code()).isEqualTo(2);
		assertThat(main("-z", "-r", "todo_", SUITE).code()).isZero();
	}

	@Test
	void jsonFormatPrintsEachResultAsOpaDoes() {
		Outcome run = main("--format=json", "--run", "may_write|conflict|todo", SUITE);

		assertThat(run.code()).isEqualTo(2);
		String file = "\"file\": \"" + TEST_FILE + "\"";
		assertThat(timeless(run.out())).isEqualTo("""
				[
				  {
				    "location": {
				      %1$s,
				      "row": 5,
				      "col": 1
				    },
				    "package": "data.authz_test",
				    "name": "test_admin_may_write",
				    "duration": N
				  },
				  {
				    "location": {
				      %1$s,
				      "row": 27,
				      "col": 1
				    },
				    "package": "data.authz_test",
				    "name": "test_viewer_may_write",
				    "fail": true,
				    "duration": N
				  },
				  {
				    "location": {
				      %1$s,
				      "row": 47,
				      "col": 1
				    },
				    "package": "data.authz_test",
				    "name": "test_conflict",
				    "error": {
				      "code": "eval_conflict_error",
				      "message": "complete rules must not produce multiple outputs",
				      "location": {
				        %1$s,
				        "row": 43,
				        "col": 1
				      }
				    },
				    "duration": N
				  },
				  {
				    "location": {
				      %1$s,
				      "row": 51,
				      "col": 1
				    },
				    "package": "data.authz_test",
				    "name": "todo_test_pending",
				    "skip": true,
				    "duration": 0
				  }
				]
				""".formatted(file));
	}

	@Test
	void coveragePrintsCoveredAndNotCoveredLinesPerFile() {
		Outcome run = main("--coverage", COVERAGE);

		assertThat(run.code()).isZero();
		assertThat(run.out()).isEqualTo("""
				{
				  "files": {
				    "%s": {
				      "covered": [
				        {
				          "start": {
				            "row": 3
				          },
				          "end": {
				            "row": 4
				          }
				        },
				        {
				          "start": {
				            "row": 12
				          },
				          "end": {
				            "row": 12
				          }
				        }
				      ],
				      "not_covered": [
				        {
				          "start": {
				            "row": 7
				          },
				          "end": {
				            "row": 9
				          }
				        },
				        {
				          "start": {
				            "row": 11
				          },
				          "end": {
				            "row": 11
				          }
				        },
				        {
				          "start": {
				            "row": 13
				          },
				          "end": {
				            "row": 13
				          }
				        }
				      ],
				      "covered_lines": 3,
				      "not_covered_lines": 5,
				      "coverage": 37.5
				    },
				    "%s": {
				      "covered": [
				        {
				          "start": {
				            "row": 5
				          },
				          "end": {
				            "row": 6
				          }
				        },
				        {
				          "start": {
				            "row": 9
				          },
				          "end": {
				            "row": 10
				          }
				        }
				      ],
				      "covered_lines": 4,
				      "coverage": 100
				    }
				  },
				  "covered_lines": 7,
				  "not_covered_lines": 5,
				  "coverage": 58.333333333333336
				}
				""".formatted(dir("coverage/cov.rego"), dir("coverage/cov_test.rego")));
	}

	@Test
	void coverageBelowTheThresholdExitsTwo() {
		Outcome below = main("--coverage", "--threshold", "80", "-v", COVERAGE);

		assertThat(below.code()).isEqualTo(2);
		assertThat(below.out()).isEmpty();
		assertThat(below.err()).isEqualTo("""
				Code coverage threshold not met: got 58.33 instead of 80.00
				Lines not covered:
				\t%1$s:7-9
				\t%1$s:11
				\t%1$s:13
				""".formatted(dir("coverage/cov.rego")));
		assertThat(main("--coverage", "--threshold=58", COVERAGE).code()).isZero();
	}

	@Test
	void coverageReportsFailuresInsteadOfTheReport() {
		Outcome run = main("--coverage", "-r", "may_write", SUITE);

		assertThat(run.code()).isEqualTo(2);
		assertThat(timeless(run.out())).isEqualTo(TEST_FILE + ":\n" + """
				data.authz_test.test_viewer_may_write: FAIL (T)
				--------------------------------------------------------------------------------
				FAIL: 1/1
				""");
	}

	@Test
	void loadErrorsExitOneWithTheirPositions() {
		Outcome run = main(dir("broken"));

		assertThat(run.code()).isEqualTo(1);
		assertThat(run.out()).isEmpty();
		assertThat(run.err())
			.isEqualTo("1 error occurred: " + dir("broken/bad.rego") + ":5:1: rego_parse_error: unexpected } token\n");
	}

	@Test
	void wrongFlagsExitOneWithUsage() {
		Outcome run = main("--frobnicate", SUITE);

		assertThat(run.code()).isEqualTo(1);
		assertThat(run.err()).startsWith("unknown flag --frobnicate\nUsage:");
		assertThat(main().code()).isEqualTo(1);
		assertThat(main("--timeout", "soon", SUITE).err()).startsWith("invalid duration soon");
	}

	@Test
	void parsesGoDurations() {
		assertThat(Main.Flags.duration("1m30s").toMillis()).isEqualTo(90_000);
		assertThat(Main.Flags.duration("250ms").toMillis()).isEqualTo(250);
		assertThat(Main.Flags.duration("0").isZero()).isTrue();
	}

	private record Outcome(int code, String out, String err) {
	}

}
