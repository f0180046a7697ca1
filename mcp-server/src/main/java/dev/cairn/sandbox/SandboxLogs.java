package dev.cairn.sandbox;

import java.time.Instant;
import java.util.List;

import dev.cairn.telemetry.LogPage;
import dev.cairn.telemetry.LogQuery;
import dev.cairn.telemetry.Logs;

/**
 * The sandbox's log store: every line the service's pods and jobs wrote, made up on
 * demand for the time asked about, filtered by level and text, newest first within the
 * query's limits. It speaks no LogQL.
 */
final class SandboxLogs implements Logs {

	private final SandboxPlatform platform;

	SandboxLogs(SandboxPlatform platform) {
		this.platform = platform;
	}

	@Override
	public LogPage query(LogQuery query) {
		if (query.logql() != null && !query.logql().isBlank()) {
			throw new IllegalArgumentException(
					"the sandbox's log store filters by level and text; LogQL needs a Loki backend");
		}
		int minRank = Levels.wanted(query.level());
		String text = (query.text() != null && !query.text().isEmpty()) ? query.text() : null;
		String source = SandboxPlatform.source(query.target().environment());
		String asked = describe(query, minRank, text);
		Deployment deployment = this.platform.deployment(query.target());
		Instant now = this.platform.now();
		Instant to = query.to().isAfter(now) ? now : query.to();
		if (deployment == null || !query.from().isBefore(to)) {
			return new LogPage(List.of(), false, asked, source);
		}
		LogScan.Page page = LogScan.scan(LogSources.of(deployment, query.from(), to), query.from(), to, minRank, text,
				query.limit(), query.maxBytes());
		if (page.stoppedAt() != null) {
			asked += " (the scan stopped at " + Summaries.time(page.stoppedAt())
					+ " for its work limit; narrow the time range to search further back)";
		}
		return new LogPage(page.lines(), page.truncated(), asked, source);
	}

	private static String describe(LogQuery query, int minRank, String text) {
		StringBuilder asked = new StringBuilder("{service=\"").append(query.target().service())
			.append("\", environment=\"")
			.append(query.target().environment())
			.append("\"}");
		if (minRank > 0) {
			asked.append(" level>=").append(Levels.NAMES.get(minRank));
		}
		if (text != null) {
			asked.append(" |= \"").append(text.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
		}
		return asked.toString();
	}

}
