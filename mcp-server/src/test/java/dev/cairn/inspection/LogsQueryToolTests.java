package dev.cairn.inspection;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cairn.mcp.ToolInputException;
import dev.cairn.mcp.ToolResult;
import dev.cairn.telemetry.BackendException;
import dev.cairn.telemetry.EnvironmentBackends;
import dev.cairn.telemetry.LogLine;
import dev.cairn.telemetry.LogPage;
import dev.cairn.telemetry.LogQuery;
import dev.cairn.telemetry.Logs;

import static dev.cairn.inspection.InspectionFixture.NOW;
import static dev.cairn.inspection.InspectionFixture.context;
import static dev.cairn.inspection.InspectionFixture.deployments;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class LogsQueryToolTests {

	@TempDir
	Path folder;

	final List<LogQuery> asked = new ArrayList<>();

	LogsQueryTool tool(Function<LogQuery, LogPage> answer) {
		Logs logs = (query) -> {
			this.asked.add(query);
			return answer.apply(query);
		};
		return new LogsQueryTool(InspectionFixture.targets(this.folder, new EnvironmentBackends("production",
				deployments((target) -> Optional.empty()), logs, null, null, null)), InspectionFixture.CLOCK);
	}

	static LogsQueryTool.Input input(String since, String until, LogsQueryTool.Level level, String text, String logql,
			Integer limit) {
		return new LogsQueryTool.Input("checkout-api", "production", since, until, level, text, logql, limit);
	}

	static LogPage page(int lines, int length, boolean truncated) {
		List<LogLine> all = new ArrayList<>();
		for (int i = 0; i < lines; i++) {
			all.add(new LogLine(NOW.minusSeconds(i + 1), "error", "checkout-7-a", "app",
					"timeout " + i + " " + "x".repeat(Math.max(0, length - 12))));
		}
		return new LogPage(all, truncated, "{namespace=\"shop\", app=\"checkout\"} |= \"timeout\"",
				"Loki (production)");
	}

	@Test
	void readsTheLastHourNewestFirstAndEchoesTheQueryAndSource() {
		LogsQueryTool tool = tool((query) -> new LogPage(
				List.of(new LogLine(NOW.minusSeconds(5), "warn", "checkout-7-a", "app", "slow call\n  at Foo.bar"),
						new LogLine(NOW.minusSeconds(1), "error", "checkout-7-a", "app", "timeout calling payments")),
				false, "{namespace=\"shop\", app=\"checkout\"} |= \"timeout\"", "Loki (production)"));
		ToolResult result = tool.call(input(null, null, LogsQueryTool.Level.warn, "timeout", null, null),
				context(null));
		LogQuery query = this.asked.get(0);
		assertThat(query.from()).isEqualTo(NOW.minus(Duration.ofHours(1)));
		assertThat(query.to()).isEqualTo(NOW);
		assertThat(query.level()).isEqualTo("warn");
		assertThat(query.text()).isEqualTo("timeout");
		assertThat(query.logql()).isNull();
		assertThat(query.limit()).isEqualTo(100);
		assertThat(query.maxBytes()).isEqualTo(64 * 1024);
		assertThat(query.target().kubernetesId()).isEqualTo("checkout");
		assertThat(result.error()).isFalse();
		assertThat(result.text()).isEqualTo("2 log lines of checkout-api in production from Loki (production), newest "
				+ "first, 2026-11-21T09:00:00Z to 2026-11-21T10:00:00Z:\n"
				+ "query: {namespace=\"shop\", app=\"checkout\"} |= \"timeout\"\n"
				+ "2026-11-21T09:59:59Z ERROR checkout-7-a/app: timeout calling payments\n"
				+ "2026-11-21T09:59:55Z WARN checkout-7-a/app: slow call\n      at Foo.bar");
		LogsAnswer answer = (LogsAnswer) result.structured();
		assertThat(answer.count()).isEqualTo(2);
		assertThat(answer.truncated()).isNull();
		assertThat(answer.source()).isEqualTo("Loki (production)");
		assertThat(answer.query()).startsWith("{namespace=\"shop\"");
	}

	@Test
	void saysSoWhenMoreLinesMatchedThanTheLimit() {
		ToolResult result = tool((query) -> page(query.limit(), 40, true))
			.call(input("PT2H", "PT1H", null, null, null, 10), context(null));
		assertThat(this.asked.get(0).from()).isEqualTo(NOW.minus(Duration.ofHours(2)));
		assertThat(this.asked.get(0).to()).isEqualTo(NOW.minus(Duration.ofHours(1)));
		assertThat(result.text()).startsWith("The newest 10 log lines of checkout-api")
			.endsWith("\ntruncated: more lines matched; narrow the time range or add text/level");
		assertThat(((LogsAnswer) result.structured()).truncated()).isEqualTo(LogsAnswer.TRUNCATED);
	}

	@Test
	void holdsAnAnswerToItsLimitsWhateverTheBackendSends() {
		ToolResult tooMany = tool((query) -> page(500, 40, false)).call(input(null, null, null, null, null, 20),
				context(null));
		assertThat(((LogsAnswer) tooMany.structured()).lines()).hasSize(20);
		assertThat(((LogsAnswer) tooMany.structured()).truncated()).isEqualTo(LogsAnswer.TRUNCATED);
		ToolResult tooLong = tool((query) -> page(20, 10_000, false)).call(input(null, null, null, null, null, null),
				context(null));
		LogsAnswer answer = (LogsAnswer) tooLong.structured();
		int bytes = answer.lines().stream().mapToInt((line) -> line.message().length()).sum();
		assertThat(bytes).isLessThanOrEqualTo(LogsQueryTool.MAX_BYTES);
		assertThat(answer.lines()).hasSize(7);
		assertThat(answer.lines().get(6).message()).endsWith(LogsAnswer.CUT_MARK);
		assertThat(answer.truncated()).isEqualTo(LogsAnswer.TRUNCATED);
	}

	@Test
	void thePolicysLimitWinsAndTheAnswerSaysSo() {
		ToolResult result = tool((query) -> page(3, 40, false)).call(input(null, null, null, null, null, 500),
				context(5));
		assertThat(this.asked.get(0).limit()).isEqualTo(5);
		assertThat(result.text()).endsWith("\nNote: the policy allows this caller at most 5 lines per answer");
	}

	@Test
	void noMatchSaysWhatToTry() {
		ToolResult result = tool((query) -> new LogPage(List.of(), false, "{app=\"checkout\"}", "Loki (production)"))
			.call(input("2026-11-21T08:00:00Z", "2026-11-21T09:00:00+00:00", null, null, null, null), context(null));
		assertThat(result.text())
			.isEqualTo("No log lines of checkout-api in production matched from Loki (production), "
					+ "2026-11-21T08:00:00Z to 2026-11-21T09:00:00Z. Widen the time range or drop filters.\n"
					+ "query: {app=\"checkout\"}");
	}

	@Test
	void badArgumentsNameTheirField() {
		LogsQueryTool tool = tool((query) -> page(1, 40, false));
		assertThatExceptionOfType(ToolInputException.class)
			.isThrownBy(() -> tool.call(input("yesterday", null, null, null, null, null), context(null)))
			.withMessageStartingWith("argument 'since': must be an ISO-8601 duration back from now such as PT15M");
		assertThatExceptionOfType(ToolInputException.class)
			.isThrownBy(() -> tool.call(input("PT1H", "PT2H", null, null, null, null), context(null)))
			.withMessage("argument 'since': the range is empty: since (2026-11-21T09:00:00Z) must be before until "
					+ "(2026-11-21T08:00:00Z)");
		assertThatExceptionOfType(ToolInputException.class)
			.isThrownBy(() -> tool.call(input("-PT1H", null, null, null, null, null), context(null)))
			.withMessageStartingWith("argument 'since': must be a positive duration");
		assertThatExceptionOfType(ToolInputException.class).isThrownBy(
				() -> tool.call(input(null, null, LogsQueryTool.Level.error, null, "{app=\"x\"}", null), context(null)))
			.withMessageStartingWith("argument 'logql': replaces the level and text filters");
		assertThat(this.asked).isEmpty();
	}

	@Test
	void aRejectedLogQlIsTheCallersMistake() {
		LogsQueryTool tool = tool((query) -> {
			throw new IllegalArgumentException("Loki rejected the query: parse error at line 1, col 5");
		});
		assertThatExceptionOfType(ToolInputException.class)
			.isThrownBy(() -> tool.call(input(null, null, null, null, "{app=", null), context(null)))
			.withMessage("argument 'logql': Loki rejected the query: parse error at line 1, col 5");
		assertThat(this.asked.get(0).logql()).isEqualTo("{app=");
	}

	@Test
	void aLogStoreThatIsDownIsAnErrorNamingItAndWhatStillWorks() {
		ToolResult result = tool((query) -> {
			throw new BackendException("Loki (production)", "Loki at http://loki:3100 did not answer within 10s");
		}).call(input(null, null, null, null, null, null), context(null));
		assertThat(result.error()).isTrue();
		assertThat(result.text()).startsWith("logs_query could not read the logs of checkout-api in production: Loki "
				+ "(production): Loki at http://loki:3100 did not answer within 10s. Still available for production: "
				+ "deployment_status (the deployment state).");
	}

}
