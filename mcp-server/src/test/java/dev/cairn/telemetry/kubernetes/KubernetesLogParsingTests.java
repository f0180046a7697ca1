package dev.cairn.telemetry.kubernetes;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.cairn.telemetry.LogLine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The pieces that read text: log levels, bounded log reading, image references and label
 * selectors.
 */
class KubernetesLogParsingTests {

	private static final Instant NOW = Instant.parse("2026-03-10T15:00:00Z");

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			{"level":"error","msg":"payment declined"}                                          | error
			{"ts":1773152402,"level":"WARN","msg":"retrying"}                                  | warn
			{"severity":"INFO","message":"started"}                                            | info
			{"level":30,"time":1773152402000,"msg":"pino info"}                                | info
			{"level":50,"msg":"pino error"}                                                    | error
			{"msg":"no level here","user":"error"}                                             |
			ts=2026-03-10T14:20:01Z level=warn msg="slow upstream"                               | warn
			time="2026-03-10T14:20:01Z" level=error msg="dial tcp 10.0.0.7:5432: connect: connection refused" | error
			2026-03-10T14:10:00.900Z ERROR 1 --- [main] o.s.boot.SpringApplication : Application run failed | error
			14:10:00.900 [main] WARN  c.e.Cart - cache miss storm                                 | warn
			ERROR:root:could not connect to database                                             | error
			[ERROR] migration 0042 failed                                                        | error
			2026/03/10 14:20:01 [error] 29#29: *1 connect() failed (111: Connection refused)      | error
			E0310 14:20:01.123456       1 reflector.go:147] failed to list *v1.Pod               | error
			I0310 14:20:01.123456       1 leaderelection.go:258] successfully acquired lease    | info
			W0310 14:20:01.123456       1 warnings.go:70] v1 Endpoints is deprecated            | warn
			DEBUG cache hit ratio 0.93                                                           | debug
			`2026-03-10T14:20:01.123Z	error	cart/handler.go:88	checkout failed`               | error
			[2026-03-10 14:20:01] production.ERROR: SQLSTATE[HY000] [2002] Connection refused    | error
			Exception in thread "main" java.lang.OutOfMemoryError: Java heap space               | error
			panic: runtime error: invalid memory address or nil pointer dereference              | error
			Traceback (most recent call last):                                                   | error
			GET /api/cart 200 12ms                                                               |
			the word error late in a line that is otherwise just information about nothing much at all: error |
			""")
	void detectsTheLevelOfCommonFormats(String line, String level) {
		assertThat(LogLevels.of(line, null)).isEqualTo(level);
	}

	@Test
	void stackTraceLinesTakeTheLevelOfTheLineTheyContinue() {
		assertThat(LogLevels.of("\tat com.example.Cart.checkout(Cart.java:42)", "error")).isEqualTo("error");
		assertThat(LogLevels.of("\t... 23 common frames omitted", "warn")).isEqualTo("warn");
		assertThat(LogLevels.of("Caused by: java.net.ConnectException: Connection refused", "error"))
			.isEqualTo("error");
		assertThat(LogLevels.of("  File \"/app/main.py\", line 12, in <module>", "error")).isEqualTo("error");
		assertThat(LogLevels.of("java.lang.IllegalStateException: no config", "info")).isEqualTo("error");
		assertThat(LogLevels.of("java.io.IOException: Broken pipe", "warn")).isEqualTo("warn");
	}

	@Test
	void readsTimestampedLinesNewestFirst() throws IOException {
		ContainerLogReader reader = new ContainerLogReader(10, 10_000, 1_000_000);

		ContainerLogReader.Result result = reader.read(new StringReader("""
				2026-03-10T14:00:00.000000001Z first\r
				2026-03-10T14:00:01.5Z second
				continued without a timestamp
				2026-03-10T14:00:02Z last without a newline"""), "p", "c", NOW);

		assertThat(result.truncated()).isFalse();
		assertThat(result.lines()).extracting(LogLine::message)
			.containsExactly("last without a newline", "continued without a timestamp", "second", "first");
		assertThat(result.lines()).extracting(LogLine::time)
			.containsExactly(Instant.parse("2026-03-10T14:00:02Z"), Instant.parse("2026-03-10T14:00:01.5Z"),
					Instant.parse("2026-03-10T14:00:01.5Z"), Instant.parse("2026-03-10T14:00:00.000000001Z"));
	}

	@Test
	void linesWithoutAnyTimestampGetTheTimeOfReading() throws IOException {
		ContainerLogReader.Result result = new ContainerLogReader(10, 10_000, 1_000_000)
			.read(new StringReader("no stamp\n"), "p", "c", NOW);

		assertThat(result.lines()).singleElement().extracting(LogLine::time).isEqualTo(NOW);
	}

	@Test
	void cutsAnEndlessLineAndSaysSo() throws IOException {
		String endless = "2026-03-10T14:00:00Z " + "x".repeat(100_000) + "\n2026-03-10T14:00:01Z after\n";

		ContainerLogReader.Result result = new ContainerLogReader(10, 1_000_000, 10_000_000)
			.read(new StringReader(endless), "p", "c", NOW);

		assertThat(result.truncated()).isTrue();
		assertThat(result.lines()).extracting(LogLine::message).element(1).satisfies((message) -> {
			assertThat(message).endsWith(ContainerLogReader.CUT_MARK);
			assertThat(message.length()).isLessThanOrEqualTo(ContainerLogReader.MAX_LINE_CHARS + 32);
		});
		assertThat(result.lines().get(0).message()).isEqualTo("after");
	}

	@Test
	void stopsReadingAtTheReadCapAndSaysTheNewestLinesAreMissing() throws IOException {
		String log = "2026-03-10T14:00:00Z line\n".repeat(10_000);

		ContainerLogReader.Result result = new ContainerLogReader(100_000, 10_000_000, 50_000)
			.read(new StringReader(log), "p", "c", NOW);

		assertThat(result.truncated()).isTrue();
		assertThat(result.lines().size()).isLessThan(10_000);
	}

	@ParameterizedTest
	@CsvSource(nullValues = "null", textBlock = """
			registry.example.com/shop/checkout-api:1.8.0,                       1.8.0
			registry.example.com:5000/shop/checkout-api,                        null
			registry.example.com:5000/shop/checkout-api:2.0.0-rc.1,             2.0.0-rc.1
			checkout-api:1.8.0@sha256:4f1c0e9d8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e, 1.8.0
			nginx,                                                              null
			""")
	void readsImageTags(String image, String tag) {
		assertThat(ImageReference.tag(image)).isEqualTo(tag);
	}

	@Test
	void describesADigestOnlyImageByItsShortDigest() {
		assertThat(ImageReference.shortDigest("registry.example.com/shop/checkout-api@sha256:4f1c0e9d8b7a6f5e4d3c2b1a"))
			.isEqualTo("sha256:4f1c0e9d8b7a");
	}

	@Test
	void evaluatesLabelSelectorsInStringForm() {
		Map<String, String> labels = Map.of("app", "shop", "tier", "api", "track", "stable");

		assertThat(LabelSelectors.matches("app=shop", labels)).isTrue();
		assertThat(LabelSelectors.matches("app==shop,tier in (web, api)", labels)).isTrue();
		assertThat(LabelSelectors.matches("app=shop,tier notin (api)", labels)).isFalse();
		assertThat(LabelSelectors.matches("app=shop,!canary", labels)).isTrue();
		assertThat(LabelSelectors.matches("track,app!=payments", labels)).isTrue();
		assertThat(LabelSelectors.matches("canary", labels)).isFalse();
		assertThat(LabelSelectors.matches("", labels)).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> LabelSelectors.matches("tier within (api)", labels));
	}

}
