package dev.cairn.inspection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.springframework.stereotype.Component;

import dev.cairn.mcp.ToolContext;
import dev.cairn.mcp.ToolDescriptor;
import dev.cairn.mcp.ToolInputException;
import dev.cairn.mcp.ToolResult;
import dev.cairn.telemetry.MetricQuery;
import dev.cairn.telemetry.MetricResult;
import dev.cairn.telemetry.Metrics;
import dev.cairn.telemetry.NamedMetric;

/**
 * {@code metrics_query}: a named metric of a service in one environment, or a PromQL
 * expression where policy allows, at an instant or over a range.
 */
@Component
class MetricsQueryTool extends InspectionTool<MetricsQueryTool.Input> {

	/** A range query without a step gets about this many points. */
	static final int DEFAULT_POINTS = 60;

	static final Duration DEFAULT_RANGE = Duration.ofHours(1);

	private static final ToolDescriptor DESCRIPTOR = ToolDescriptor.readOnly("metrics_query",
			"Query a service's metrics",
			"Read a metric of a service in one environment: a named 'metric' (error_rate: share of requests that "
					+ "failed, 0-1; latency_p99: seconds; request_rate: requests per second; cpu: cores; memory: bytes; "
					+ "restarts: container restarts in 5 minutes) or, where policy allows, raw 'promql' (exactly one "
					+ "of the two). Without 'since' and 'step' it is an instant query (the value now, or at 'until'); "
					+ "with either it is a range query ('since': an ISO-8601 duration back from now such as PT1H, or "
					+ "an RFC 3339 instant, default 1 hour; 'step' such as PT1M, default about 60 points). Returns "
					+ "each series with its labels, points, last/min/max, the unit, the query sent and which store "
					+ "answered; at most 20 series and 120 points each (newest kept), and the answer says "
					+ "'truncated' when it cut. Use it to see whether errors, latency or restarts rose with a deploy "
					+ "(deployment_status gives the deploy time).");

	record Input(@JsonProperty(
			required = true) @JsonPropertyDescription("The service: a component's name or ref, e.g. payment-api") String service,
			@JsonProperty(
					required = true) @JsonPropertyDescription("The environment, e.g. production or staging") String environment,
			@JsonPropertyDescription("A named metric: error_rate, latency_p99, request_rate, cpu, memory or restarts") Metric metric,
			@JsonPropertyDescription("A raw PromQL expression instead of a named metric; only where policy allows") String promql,
			@JsonPropertyDescription("Range start: an ISO-8601 duration back from now (PT15M, PT1H, P1D) or an RFC 3339 instant; makes this a range query") String since,
			@JsonPropertyDescription("The instant, or the range's end: an ISO-8601 duration back from now or an RFC 3339 instant; default now") String until,
			@JsonPropertyDescription("Range resolution as an ISO-8601 duration, e.g. PT1M; makes this a range query") String step)
			implements
				InspectionTool.ServiceInput {
	}

	/** The named metrics, by their wire names (as {@link NamedMetric#wireName()}). */
	enum Metric {

		error_rate, latency_p99, request_rate, cpu, memory, restarts;

		NamedMetric named() {
			return NamedMetric.byWireName(name());
		}

	}

	private final Clock clock;

	MetricsQueryTool(ServiceTargets targets, Clock clock) {
		super(targets, DESCRIPTOR, Input.class, Port.METRICS);
		this.clock = clock;
	}

	@Override
	ToolResult call(ServiceTargets.Resolved resolved, Input input, ToolContext context) {
		String promql = TimeWindow.present(input.promql()) ? input.promql().trim() : null;
		if ((input.metric() == null) == (promql == null)) {
			throw new ToolInputException("metric", (promql == null)
					? "name a metric (error_rate, latency_p99, request_rate, cpu, memory or restarts) or give promql"
					: "give either metric or promql, not both");
		}
		MetricQuery query = query(resolved, input, promql);
		Metrics metrics = resolved.backends().requireMetrics();
		MetricResult result;
		try {
			result = metrics.query(query);
		}
		catch (IllegalArgumentException ex) {
			if (promql != null) {
				throw new ToolInputException("promql", ex.getMessage());
			}
			// The configured query for a named metric is the platform's, not the
			// caller's.
			return ToolResult.error("metrics_query could not ask for " + input.metric() + ": " + ex.getMessage()
					+ ". The query configured for this metric is at fault (cairn.telemetry.environments."
					+ resolved.target().environment() + ".prometheus.queries." + input.metric()
					+ "); tell the platform team. Raw promql may work where policy allows it.");
		}
		MetricsAnswer answer = MetricsAnswer.of(resolved.target(), query, result,
				(input.metric() != null) ? input.metric().name() : null,
				context.limit(MetricsAnswer.MAX_SERIES, MetricsAnswer.MAX_SERIES));
		return ToolResult.ok(answer.toText(), answer);
	}

	private MetricQuery query(ServiceTargets.Resolved resolved, Input input, String promql) {
		Instant now = this.clock.instant();
		NamedMetric metric = (input.metric() != null) ? input.metric().named() : null;
		if (!TimeWindow.present(input.since()) && !TimeWindow.present(input.step())) {
			Instant at = TimeWindow.present(input.until()) ? TimeWindow.point("until", input.until(), now) : now;
			return new MetricQuery(resolved.target(), metric, promql, null, at, null);
		}
		TimeWindow window = TimeWindow.of(input.since(), input.until(), DEFAULT_RANGE, now);
		Duration step = TimeWindow.present(input.step()) ? TimeWindow.duration("step", input.step())
				: defaultStep(window.length());
		if (step.compareTo(window.length()) > 0) {
			throw new ToolInputException("step",
					"is longer than the range (" + window.length() + "); use a shorter step or a longer range");
		}
		return new MetricQuery(resolved.target(), metric, promql, window.from(), window.until(), step);
	}

	/** About {@value #DEFAULT_POINTS} points, in whole seconds, at least one. */
	static Duration defaultStep(Duration range) {
		long seconds = Math.max(1, -Math.floorDiv(-range.toSeconds(), DEFAULT_POINTS));
		return Duration.ofSeconds(seconds);
	}

}
