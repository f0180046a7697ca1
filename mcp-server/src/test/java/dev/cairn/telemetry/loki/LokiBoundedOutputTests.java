package dev.cairn.telemetry.loki;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;
import dev.cairn.telemetry.LogLine;
import dev.cairn.telemetry.LogPage;
import dev.cairn.telemetry.LogQuery;
import dev.cairn.telemetry.ServiceTarget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A log query over a million matching lines, from a server that ignores the limit and
 * streams them all (generated on the fly, never held in memory): the page keeps the
 * newest lines within its limits and says it is truncated, and the client stops reading
 * at its byte cap instead of buffering the answer.
 */
class LokiBoundedOutputTests {

	private static final int LINES = 1_000_000;

	private static final Instant FROM = Instant.parse("2026-11-20T00:00:00Z");

	private static final Instant TO = FROM.plus(Duration.ofDays(1));

	/** The newest line's time; each further line is a millisecond older. */
	private static final long NEWEST = (TO.getEpochSecond() - 1) * 1_000_000_000L;

	private static final ServiceTarget CHECKOUT = new ServiceTarget("checkout", "production",
			java.util.Map.of(ServiceTarget.KUBERNETES_ID, "checkout-api", ServiceTarget.KUBERNETES_NAMESPACE, "shop"));

	private HttpServer server;

	private ExecutorService executor;

	private final AtomicLong written = new AtomicLong();

	private final CountDownLatch finished = new CountDownLatch(1);

	@BeforeEach
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.executor = Executors.newSingleThreadExecutor();
		this.server.setExecutor(this.executor);
	}

	@AfterEach
	void stop() throws InterruptedException {
		this.server.stop(0);
		this.executor.shutdownNow();
		this.executor.awaitTermination(10, TimeUnit.SECONDS);
	}

	/**
	 * Serves one stream of {@code LINES} lines, about 120 bytes each when verbose, else
	 * about 35.
	 */
	private LokiSettings serve(boolean verbose) {
		String before = verbose ? "level=error msg=\\\"request failed\\\" n=" : "n=";
		String after = verbose ? " " + "x".repeat(60) : " ";
		this.server.createContext("/loki/api/v1/query_range", (exchange) -> {
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, 0);
			try (OutputStream out = new BufferedOutputStream(exchange.getResponseBody(), 1 << 16)) {
				out.write(("{\"status\":\"success\",\"data\":{\"resultType\":\"streams\",\"result\":[{\"stream\":"
						+ "{\"namespace\":\"shop\",\"app\":\"checkout-api\",\"pod\":\"checkout-api-1\"},\"values\":[")
					.getBytes(StandardCharsets.UTF_8));
				for (int i = 0; i < LINES; i++) {
					String entry = ((i > 0) ? "," : "") + "[\"" + (NEWEST - i * 1_000_000L) + "\",\"" + before + i
							+ after + "\"]";
					out.write(entry.getBytes(StandardCharsets.UTF_8));
					this.written.incrementAndGet();
				}
				out.write("]}],\"stats\":{}}}".getBytes(StandardCharsets.UTF_8));
			}
			catch (IOException clientStoppedReading) {
				// expected when the client drops the connection at its cap
			}
			finally {
				exchange.close();
				this.finished.countDown();
			}
		});
		this.server.start();
		return LokiSettings.of(URI.create("http://127.0.0.1:" + this.server.getAddress().getPort()))
			.withTimeout(Duration.ofSeconds(60));
	}

	@Test
	void aMillionLineAnswerComesBackWithinItsLimitsAndSaysItIsTruncated() throws InterruptedException {
		LokiSettings settings = serve(true);
		LogPage page = new LokiLogs(settings).query(new LogQuery(CHECKOUT, FROM, TO, "error", null, null, 500, 32_768));
		assertThat(page.truncated()).isTrue();
		assertThat(page.lines()).hasSizeBetween(200, 500);
		assertThat(page.lines().stream().mapToLong((line) -> Utf8.length(line.message())).sum())
			.isLessThanOrEqualTo(32_768);
		assertNewestFirstFromTheTop(page.lines());
		// 1,000,000 lines of 120 bytes are 120 MB; the client read its 32 MiB and hung up
		assertThat(this.finished.await(60, TimeUnit.SECONDS)).isTrue();
		assertThat(this.written.get()).isLessThan(LINES);
	}

	@Test
	void aMillionShortLinesUnderTheByteCapAreCutToTheNewestLimit() throws InterruptedException {
		// about 35 MB: under a 64 MiB cap the whole answer is read and merged
		LokiSettings settings = serve(false).withLimits(LokiSettings.DEFAULT_MAX_LINE_BYTES, 64L << 20);
		LogPage page = new LokiLogs(settings).query(new LogQuery(CHECKOUT, FROM, TO, null, null, null, 1000, 1 << 20));
		assertThat(this.finished.await(60, TimeUnit.SECONDS)).isTrue();
		assertThat(this.written.get()).isEqualTo(LINES);
		assertThat(page.truncated()).isTrue();
		assertThat(page.lines()).hasSize(1000);
		for (int i = 0; i < 1000; i++) {
			assertThat(page.lines().get(i).time()).isEqualTo(Instant.ofEpochSecond(0, NEWEST - i * 1_000_000L));
		}
		assertThat(page.lines().get(999).message()).isEqualTo("n=999 ");
	}

	private static void assertNewestFirstFromTheTop(List<LogLine> lines) {
		for (int i = 0; i < lines.size(); i++) {
			assertThat(lines.get(i).time()).isEqualTo(Instant.ofEpochSecond(0, NEWEST - i * 1_000_000L));
		}
		assertThat(lines.get(0).message()).startsWith("level=error msg=\"request failed\" n=0 ");
		assertThat(lines.get(0).level()).isEqualTo("error");
	}

}
