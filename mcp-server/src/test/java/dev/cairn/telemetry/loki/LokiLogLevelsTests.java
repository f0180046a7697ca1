package dev.cairn.telemetry.loki;

import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading a line's level and the level filter's regular expression, on lines written the
 * ways services write them. Java's regular expressions stand in for RE2 here: the filter
 * uses only syntax both read the same way.
 */
class LokiLogLevelsTests {

	private static final String[][] LINES = { { "{\"level\":\"error\",\"msg\":\"payment declined\"}", "error" },
			{ "{\"@timestamp\":\"2026-11-20T10:00:00Z\",\"log.level\": \"WARN\",\"message\":\"slow\"}", "warn" },
			{ "{\"severity\":\"CRITICAL\",\"message\":\"disk full\"}", "error" },
			{ "ts=2026-11-20T10:00:00Z level=warning msg=\"pool exhausted\"", "warn" },
			{ "ts=2026-11-20T10:00:00Z lvl=dbug msg=x level=info", "info" },
			{ "2026-11-20T10:00:40.123Z  WARN 1 --- [main] c.e.Checkout : slow downstream", "warn" },
			{ "2026-11-20 10:00:40,123 ERROR [http-nio-8080-exec-1] o.a.c.c.C.[.[.[/] : Servlet failed", "error" },
			{ "2026/11/20 10:00:40 [error] 31#31: *1 connect() failed (111: Connection refused)", "error" },
			{ "SEVERE: Exception in thread \"main\"", "error" }, { "INFO retrying after ERROR from the bank", "info" },
			{ "GET /health 200 2ms", null }, { "an error happened somewhere", null } };

	@Test
	void readsTheLevelOfJsonLogfmtAndPlainLines() {
		for (String[] line : LINES) {
			assertThat(LogLevels.detect(Map.of(), null, line[0])).as(line[0]).isEqualTo(line[1]);
		}
	}

	@Test
	void labelsComeBeforeTheText() {
		assertThat(LogLevels.detect(Map.of("level", "warning"), null, "ERROR x")).isEqualTo("warn");
		assertThat(LogLevels.detect(Map.of("level", "unknown"), Map.of("detected_level", "debug"), "ERROR x"))
			.isEqualTo("debug");
		assertThat(LogLevels.detect(Map.of("severity_text", "Error"), null, "x")).isEqualTo("error");
	}

	@Test
	void theLineFilterKeepsLinesAtOrAboveTheLevel() {
		Pattern warn = Pattern.compile(LogLevels.lineRegex("warn"));
		for (String[] line : LINES) {
			boolean atLeastWarn = line[1] != null && LogLevels.rank(line[1]) >= LogLevels.rank("warn");
			if (atLeastWarn) {
				assertThat(warn.matcher(line[0]).find()).as(line[0]).isTrue();
			}
		}
		assertThat(warn.matcher("ts=1 level=info msg=ok").find()).isFalse();
		assertThat(warn.matcher("{\"level\":\"debug\"}").find()).isFalse();
		assertThat(warn.matcher("GET /health 200 2ms").find()).isFalse();
		assertThat(warn.matcher("a warning in lower case prose").find()).isFalse();
		assertThat(LogLevels.lineRegex("debug")).isNull();
	}

	@Test
	void requestedLevelsAcceptTheCommonWords() {
		assertThat(LogLevels.requested("WARNING")).isEqualTo("warn");
		assertThat(LogLevels.requested("fatal")).isEqualTo("error");
		assertThat(LogLevels.requested("trace")).isEqualTo("debug");
	}

}
