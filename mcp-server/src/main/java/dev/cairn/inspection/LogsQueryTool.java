package dev.cairn.inspection;

import java.time.Clock;
import java.time.Duration;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.springframework.stereotype.Component;

import dev.cairn.mcp.Range;
import dev.cairn.mcp.ToolContext;
import dev.cairn.mcp.ToolDescriptor;
import dev.cairn.mcp.ToolInputException;
import dev.cairn.mcp.ToolResult;
import dev.cairn.telemetry.LogPage;
import dev.cairn.telemetry.LogQuery;
import dev.cairn.telemetry.Logs;

/**
 * {@code logs_query}: a service's log lines in one environment, newest first, by time,
 * lowest level and text, bounded in lines and bytes.
 */
@Component
class LogsQueryTool extends InspectionTool<LogsQueryTool.Input> {

	static final int DEFAULT_LIMIT = 100;

	static final int MAX_LIMIT = 1000;

	/** At most this much line text in one answer. */
	static final int MAX_BYTES = 64 * 1024;

	static final Duration DEFAULT_RANGE = Duration.ofHours(1);

	private static final ToolDescriptor DESCRIPTOR = ToolDescriptor.readOnly("logs_query", "Query a service's logs",
			"Read a service's log lines in one environment, newest first, each with time, level, pod and container. "
					+ "Filter by time ('since' and 'until': an ISO-8601 duration back from now such as PT15M, or an "
					+ "RFC 3339 instant; default the last hour), lowest 'level' (debug, info, warn, error) and a "
					+ "'text' the line must contain. At most 'limit' lines (default 100, max 1000) and 64 KiB of text; "
					+ "when more matched, the answer says 'truncated': narrow the time range or add level/text. The "
					+ "answer shows the query sent to the log store (LogQL for Loki) and which store answered. 'logql' "
					+ "replaces the service's selector and filters with a raw LogQL log query, where policy allows it. "
					+ "Use deployment_status first to see whether pods crash; use this to read why.");

	record Input(@JsonProperty(
			required = true) @JsonPropertyDescription("The service: a component's name or ref, e.g. payment-api") String service,
			@JsonProperty(
					required = true) @JsonPropertyDescription("The environment, e.g. production or staging") String environment,
			@JsonPropertyDescription("Start: an ISO-8601 duration back from now (PT15M, PT1H, P1D) or an RFC 3339 instant; default 1 hour before 'until'") String since,
			@JsonPropertyDescription("End: an ISO-8601 duration back from now or an RFC 3339 instant; default now") String until,
			@JsonPropertyDescription("Lowest level to return: debug, info, warn or error") Level level,
			@JsonPropertyDescription("Text each line must contain (case-sensitive)") String text,
			@JsonPropertyDescription("A raw LogQL log query replacing the service's selector and the level and text filters; only where policy allows") String logql,
			@Range(min = 1,
					max = MAX_LIMIT) @JsonPropertyDescription("Most lines to return, 1-1000 (default 100)") Integer limit)
			implements
				InspectionTool.ServiceInput {
	}

	/** The levels a caller may ask for, lowest first. */
	enum Level {

		debug, info, warn, error

	}

	private final Clock clock;

	LogsQueryTool(ServiceTargets targets, Clock clock) {
		super(targets, DESCRIPTOR, Input.class, Port.LOGS);
		this.clock = clock;
	}

	@Override
	ToolResult call(ServiceTargets.Resolved resolved, Input input, ToolContext context) {
		String logql = TimeWindow.present(input.logql()) ? input.logql().trim() : null;
		if (logql != null && (input.level() != null || TimeWindow.present(input.text()))) {
			throw new ToolInputException("logql",
					"replaces the level and text filters; give either logql or level and text, not both");
		}
		TimeWindow window = TimeWindow.of(input.since(), input.until(), DEFAULT_RANGE, this.clock.instant());
		int limit = context.limit(input.limit(), DEFAULT_LIMIT);
		Logs logs = resolved.backends().requireLogs();
		String text = TimeWindow.present(input.text()) ? input.text() : null;
		LogQuery query = new LogQuery(resolved.target(), window.from(), window.until(),
				(input.level() != null) ? input.level().name() : null, text, logql, limit, MAX_BYTES);
		LogPage page;
		try {
			page = logs.query(query);
		}
		catch (IllegalArgumentException ex) {
			// The backend rejected the query itself: a LogQL mistake is the caller's.
			throw new ToolInputException((logql != null) ? "logql" : null, ex.getMessage());
		}
		Integer asked = (input.limit() != null) ? input.limit() : DEFAULT_LIMIT;
		LogsAnswer answer = LogsAnswer.of(resolved.target(), window, page, limit, asked, MAX_BYTES);
		return ToolResult.ok(answer.toText(), answer);
	}

}
