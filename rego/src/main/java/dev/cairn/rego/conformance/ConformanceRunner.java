package dev.cairn.rego.conformance;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs every case under a folder and tallies the outcomes per folder. A case that throws
 * anything but a {@link dev.cairn.rego.RegoException}, or runs past the time limit, fails
 * without stopping the run.
 */
public final class ConformanceRunner {

	/** The default time limit of one case. */
	public static final long DEFAULT_CASE_MILLIS = 5_000;

	private ConformanceRunner() {
	}

	/**
	 * Runs all cases under {@code root}.
	 * @param root the folder holding one folder of YAML files per topic
	 * @param caseMillis the time limit of one case
	 */
	public static Report run(Path root, long caseMillis) throws IOException {
		List<ConformanceCase> cases = CaseLoader.load(root);
		Map<String, Tally> tallies = new TreeMap<>();
		List<String> failures = new ArrayList<>();
		List<Outcome> outcomes = new ArrayList<>();
		ExecutorService executor = newExecutor();
		for (ConformanceCase c : cases) {
			Tally tally = tallies.computeIfAbsent(c.folder(), (k) -> new Tally());
			if (c.unsupported() != null) {
				tally.skipped++;
				continue;
			}
			String failure;
			Future<String> future = executor.submit(() -> CaseRunner.run(c, caseMillis));
			try {
				failure = future.get(caseMillis + 1_000, TimeUnit.MILLISECONDS);
			}
			catch (TimeoutException ex) {
				future.cancel(true);
				// The stuck thread is a daemon; a fresh one runs the remaining cases.
				executor.shutdownNow();
				executor = newExecutor();
				failure = "timed out after " + caseMillis + " ms";
			}
			catch (Exception ex) {
				Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
				failure = "crashed: " + cause;
			}
			catch (StackOverflowError ex) {
				failure = "crashed: stack overflow";
			}
			outcomes.add(new Outcome(c.folder(), sources(c), failure));
			if (failure == null) {
				tally.passed++;
			}
			else {
				tally.failed++;
				failures.add(c.folder() + " / " + c.note() + ": " + failure);
			}
		}
		executor.shutdownNow();
		return new Report(tallies, failures, outcomes);
	}

	private static String sources(ConformanceCase c) {
		return String.join("\n", c.modules()) + "\n" + c.query();
	}

	private static ExecutorService newExecutor() {
		return Executors.newSingleThreadExecutor((r) -> {
			// A deep stack, since evaluation recurses as deeply as policies nest.
			Thread t = new Thread(null, r, "conformance-case", 64L * 1024 * 1024);
			t.setDaemon(true);
			return t;
		});
	}

	/**
	 * How one case ended.
	 *
	 * @param folder the case's folder
	 * @param sources its modules and query, for finding the builtins it calls
	 * @param failure why it failed, or {@code null} when it passed
	 */
	public record Outcome(String folder, String sources, String failure) {

		/** Whether the case passed. */
		public boolean passed() {
			return this.failure == null;
		}

	}

	/** Counts of one folder. */
	public static final class Tally {

		int passed;

		int failed;

		int skipped;

		/** Cases that passed. */
		public int passed() {
			return this.passed;
		}

		/** Cases that failed. */
		public int failed() {
			return this.failed;
		}

		/** Cases not run. */
		public int skipped() {
			return this.skipped;
		}

	}

	/**
	 * The outcome of a run.
	 *
	 * @param folders tallies by folder name, sorted
	 * @param failures one line per failed case: folder, note and reason
	 * @param outcomes every case that ran, in order
	 */
	public record Report(Map<String, Tally> folders, List<String> failures, List<Outcome> outcomes) {

		/** Cases passed in all folders. */
		public int passed() {
			return this.folders.values().stream().mapToInt(Tally::passed).sum();
		}

		/** Cases failed in all folders. */
		public int failed() {
			return this.folders.values().stream().mapToInt(Tally::failed).sum();
		}

		/** Folders in which every case ran and passed. */
		public List<String> passingFolders() {
			return this.folders.entrySet()
				.stream()
				.filter((e) -> e.getValue().failed == 0 && e.getValue().skipped == 0)
				.map(Map.Entry::getKey)
				.toList();
		}

		/**
		 * Prints the per-folder table and the closing {@code N passed, N failed} line.
		 */
		public void print(PrintStream out) {
			out.printf("%-36s %6s %6s %6s %7s%n", "folder", "cases", "passed", "failed", "skipped");
			this.folders.forEach((name, t) -> out.printf("%-36s %6d %6d %6d %7d%n", name,
					t.passed + t.failed + t.skipped, t.passed, t.failed, t.skipped));
			out.printf("%d passed, %d failed%n", passed(), failed());
		}

	}

}
