package dev.cairn.telemetry.prometheus;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Prometheus (Debian's {@code prometheus} package) holding generated history: the
 * OpenMetrics text is backfilled into TSDB blocks with
 * {@code promtool tsdb create-blocks-from openmetrics}, then Prometheus serves them on a
 * free loopback port with no scrape targets and a retention long enough to keep the
 * blocks. The test class is skipped when {@code prometheus} or {@code promtool} is not on
 * the PATH (each test reports as skipped, with the reason). Every wait is bounded, and
 * the process is destroyed after the class, or at once when starting it fails. An
 * {@link #optional} one skips nothing itself: its tests ask {@link #available()}.
 */
public final class RealPrometheus implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

	private static final Duration BACKFILL_LIMIT = Duration.ofMinutes(2);

	private static final Duration READY_LIMIT = Duration.ofMinutes(1);

	private final Supplier<String> openMetrics;

	private Path directory;

	private Process process;

	private URI url;

	private final boolean required;

	/** Why there is no Prometheus to test against, or {@code null}. */
	private String missing;

	RealPrometheus(Supplier<String> openMetrics) {
		this(openMetrics, true);
	}

	private RealPrometheus(Supplier<String> openMetrics, boolean required) {
		this.openMetrics = openMetrics;
		this.required = required;
	}

	/**
	 * A Prometheus whose absence skips only the tests that check {@link #available()}.
	 */
	public static RealPrometheus optional(Supplier<String> openMetrics) {
		return new RealPrometheus(openMetrics, false);
	}

	public URI url() {
		return this.url;
	}

	/** Whether a Prometheus runs; else {@link #missing()} says why not. */
	public boolean available() {
		return this.missing == null && this.url != null;
	}

	public String missing() {
		return this.missing;
	}

	@Override
	public void beforeAll(ExtensionContext context) throws Exception {
		if (!onPath("prometheus") || !onPath("promtool")) {
			this.missing = "prometheus and promtool are not on the PATH (Debian: apt-get install prometheus)";
			return;
		}
		this.directory = Files.createTempDirectory("cairn-prometheus");
		try {
			start();
		}
		catch (Exception | AssertionError ex) {
			stop();
			throw ex;
		}
	}

	private void start() throws IOException, InterruptedException {
		Path history = this.directory.resolve("history.om");
		Files.writeString(history, this.openMetrics.get(), StandardCharsets.UTF_8);
		Path data = this.directory.resolve("data");
		run(List.of("promtool", "tsdb", "create-blocks-from", "openmetrics", history.toString(), data.toString()),
				this.directory.resolve("promtool.log"));
		Path config = this.directory.resolve("prometheus.yml");
		Files.writeString(config, "global:\n  scrape_interval: 1m\n", StandardCharsets.UTF_8);
		int port = freePort();
		Path log = this.directory.resolve("prometheus.log");
		// Blocks are deleted by age relative to the newest block, and the backfilled
		// history is a day old: a long retention keeps every block loaded.
		this.process = new ProcessBuilder("prometheus", "--config.file=" + config, "--storage.tsdb.path=" + data,
				"--storage.tsdb.retention.time=3650d", "--web.listen-address=127.0.0.1:" + port)
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		this.url = URI.create("http://127.0.0.1:" + port);
		awaitReady(log);
	}

	private void run(List<String> command, Path log) throws IOException, InterruptedException {
		Process tool = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		try {
			if (!tool.waitFor(BACKFILL_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new AssertionError(String.join(" ", command) + " did not finish within " + BACKFILL_LIMIT);
			}
			if (tool.exitValue() != 0) {
				throw new AssertionError(String.join(" ", command) + " failed (exit " + tool.exitValue() + "):\n"
						+ Files.readString(log));
			}
		}
		finally {
			tool.destroyForcibly();
		}
	}

	private void awaitReady(Path log) throws IOException, InterruptedException {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		HttpRequest ready = HttpRequest.newBuilder(this.url.resolve("/-/ready")).timeout(Duration.ofSeconds(2)).build();
		long deadline = System.nanoTime() + READY_LIMIT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new AssertionError(
						"prometheus exited with " + this.process.exitValue() + ":\n" + Files.readString(log));
			}
			try {
				if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			Thread.sleep(100);
		}
		throw new AssertionError("prometheus was not ready within " + READY_LIMIT + ":\n" + Files.readString(log));
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		if (this.required) {
			Assumptions.assumeTrue(this.missing == null, this.missing);
		}
	}

	@Override
	public void afterAll(ExtensionContext context) throws Exception {
		stop();
	}

	private void stop() throws IOException, InterruptedException {
		try {
			if (this.process != null) {
				this.process.destroy();
				if (!this.process.waitFor(15, TimeUnit.SECONDS)) {
					this.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
				}
			}
		}
		finally {
			this.process = null;
			if (this.directory != null) {
				try (Stream<Path> files = Files.walk(this.directory)) {
					files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
				}
				this.directory = null;
			}
		}
	}

	private static boolean onPath(String program) {
		String path = System.getenv("PATH");
		if (path == null) {
			return false;
		}
		for (String folder : path.split(File.pathSeparator)) {
			if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, program))) {
				return true;
			}
		}
		return false;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
