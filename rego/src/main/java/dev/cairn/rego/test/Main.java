package dev.cairn.rego.test;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Command line, as {@code opa test}:
 * {@code java -cp ... dev.cairn.rego.test.Main [flags] PATH...}. Exits 0 when every test
 * passed, 2 when one failed, errored or was skipped (unless {@code -z}), or when coverage
 * is below {@code --threshold}, and 1 when the files cannot be loaded or the flags are
 * wrong. Run without arguments for the flags.
 */
public final class Main {

	static final int OK = 0;

	static final int LOAD_ERROR = 1;

	static final int TESTS_FAILED = 2;

	private static final String USAGE = """
			Usage: dev.cairn.rego.test.Main [flags] PATH...

			Runs the test_ rules of the Rego files under PATH (folders are read
			recursively; .json and .yaml files there are data at their folder's path).

			Flags:
			  -v, --verbose              list every test, after the failures
			  -f, --format pretty|json   output format (default pretty)
			  -r, --run REGEX            only tests whose name (data.pkg.test_x) matches
			  -c, --coverage             print a JSON line-coverage report instead
			      --threshold PERCENT    exit 2 when coverage is below PERCENT (implies -c)
			  -t, --timeout DURATION     limit of each test, such as 500ms or 10s (default 5s; 0: none)
			  -z, --exit-zero-on-skipped skipped (todo_test_) tests do not make the exit code 2
			      --strict-builtin-errors  a failing builtin makes its test an error
			""";

	private Main() {
	}

	public static void main(String[] args) {
		PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
		PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
		System.exit(run(args, out, err));
	}

	/** Runs the command and returns its exit code; usable from tests. */
	static int run(String[] args, PrintStream out, PrintStream err) {
		Flags flags;
		try {
			flags = Flags.parse(args);
		}
		catch (IllegalArgumentException ex) {
			err.println(ex.getMessage());
			err.print(USAGE);
			return LOAD_ERROR;
		}
		if (flags == null) {
			out.print(USAGE);
			return OK;
		}
		TestRun run;
		try {
			run = PolicyTestRunner.run(flags.paths(), flags.options());
		}
		catch (PolicyLoadException | IllegalArgumentException ex) {
			err.println(ex.getMessage());
			return LOAD_ERROR;
		}
		if (flags.options().coverage()) {
			return coverage(run, flags, out, err);
		}
		out.print(flags.json() ? Reports.json(run.results()) : Reports.pretty(run.results(), flags.verbose()));
		boolean failed = run.results()
			.stream()
			.anyMatch((r) -> !r.passed() && !(flags.exitZeroOnSkipped() && r.outcome() == TestResult.Outcome.SKIPPED));
		return failed ? TESTS_FAILED : OK;
	}

	/**
	 * As OPA: failures and errors are reported instead of coverage; coverage below the
	 * threshold is an error; skipped tests do not count.
	 */
	private static int coverage(TestRun run, Flags flags, PrintStream out, PrintStream err) {
		List<TestResult> broken = run.results()
			.stream()
			.filter((r) -> r.outcome() == TestResult.Outcome.FAIL || r.outcome() == TestResult.Outcome.ERROR)
			.toList();
		if (!broken.isEmpty()) {
			out.print(Reports.pretty(broken, flags.verbose()));
			return TESTS_FAILED;
		}
		CoverageReport report = run.coverage();
		if (report.coverage() < flags.threshold()) {
			err.println(String.format(Locale.ROOT, "Code coverage threshold not met: got %.2f instead of %.2f",
					report.coverage(), flags.threshold()));
			if (flags.verbose()) {
				err.println("Lines not covered:");
				report.files()
					.forEach((file, fc) -> fc.notCovered().forEach((range) -> err.println("\t" + file + ":" + range)));
			}
			return TESTS_FAILED;
		}
		out.print(report.toJson());
		return OK;
	}

	/** The parsed command line. */
	record Flags(List<Path> paths, PolicyTestRunner.Options options, boolean verbose, boolean json, double threshold,
			boolean exitZeroOnSkipped) {

		/** {@code null} for {@code --help}. */
		static Flags parse(String[] args) {
			List<Path> paths = new ArrayList<>();
			boolean verbose = false;
			boolean json = false;
			boolean coverage = false;
			boolean strict = false;
			boolean exitZeroOnSkipped = false;
			double threshold = 0;
			String run = null;
			Duration timeout = PolicyTestRunner.Options.DEFAULTS.timeout();
			boolean flagsDone = false;
			for (int i = 0; i < args.length; i++) {
				String arg = args[i];
				if (flagsDone || !arg.startsWith("-") || arg.equals("-")) {
					paths.add(Path.of(arg));
					continue;
				}
				String name = arg;
				String value = null;
				int eq = arg.indexOf('=');
				if (arg.startsWith("--") && eq > 0) {
					name = arg.substring(0, eq);
					value = arg.substring(eq + 1);
				}
				switch (name) {
					case "--" -> flagsDone = true;
					case "-h", "--help" -> {
						return null;
					}
					case "-v", "--verbose" -> verbose = true;
					case "-c", "--coverage" -> coverage = true;
					case "-z", "--exit-zero-on-skipped" -> exitZeroOnSkipped = true;
					case "--strict-builtin-errors" -> strict = true;
					case "-f", "--format" -> {
						String format = (value != null) ? value : next(args, ++i, name);
						if (!format.equals("json") && !format.equals("pretty")) {
							throw new IllegalArgumentException("unknown format " + format + ": use pretty or json");
						}
						json = format.equals("json");
					}
					case "-r", "--run" -> run = (value != null) ? value : next(args, ++i, name);
					case "--threshold" -> {
						threshold = number((value != null) ? value : next(args, ++i, name));
						coverage = true;
					}
					case "-t", "--timeout" -> timeout = duration((value != null) ? value : next(args, ++i, name));
					default -> throw new IllegalArgumentException("unknown flag " + arg);
				}
			}
			if (paths.isEmpty()) {
				throw new IllegalArgumentException("no PATH given");
			}
			return new Flags(paths, new PolicyTestRunner.Options(run, timeout, coverage, strict), verbose, json,
					threshold, exitZeroOnSkipped);
		}

		private static String next(String[] args, int i, String flag) {
			if (i >= args.length) {
				throw new IllegalArgumentException(flag + " needs a value");
			}
			return args[i];
		}

		private static double number(String text) {
			try {
				return Double.parseDouble(text);
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("--threshold needs a number, got " + text);
			}
		}

		/** A Go duration: {@code 0}, or numbers with units, such as {@code 1m30s}. */
		static Duration duration(String text) {
			if (text.equals("0")) {
				return Duration.ZERO;
			}
			java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)")
				.matcher(text);
			double nanos = 0;
			int end = 0;
			while (m.lookingAt()) {
				double unit = switch (m.group(2)) {
					case "ns" -> 1;
					case "us", "µs" -> 1e3;
					case "ms" -> 1e6;
					case "s" -> 1e9;
					case "m" -> 60e9;
					default -> 3600e9;
				};
				nanos += Double.parseDouble(m.group(1)) * unit;
				end = m.end();
				m.region(end, text.length());
			}
			if (end == 0 || end != text.length()) {
				throw new IllegalArgumentException("invalid duration " + text + ": use for example 500ms, 10s or 1m");
			}
			return Duration.ofNanos((long) nanos);
		}

	}

}
