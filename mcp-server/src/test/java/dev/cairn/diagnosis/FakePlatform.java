package dev.cairn.diagnosis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

import dev.cairn.telemetry.BackendException;
import dev.cairn.telemetry.BuildRun;
import dev.cairn.telemetry.Builds;
import dev.cairn.telemetry.Delivery;
import dev.cairn.telemetry.DeliveryStatus;
import dev.cairn.telemetry.DeployRecord;
import dev.cairn.telemetry.DeploymentSnapshot;
import dev.cairn.telemetry.DeploymentStates;
import dev.cairn.telemetry.EnvironmentBackends;
import dev.cairn.telemetry.LogLine;
import dev.cairn.telemetry.LogPage;
import dev.cairn.telemetry.LogQuery;
import dev.cairn.telemetry.Logs;
import dev.cairn.telemetry.MetricQuery;
import dev.cairn.telemetry.MetricResult;
import dev.cairn.telemetry.Metrics;
import dev.cairn.telemetry.NamedMetric;
import dev.cairn.telemetry.ServiceTarget;

/**
 * The telemetry ports over data a test sets: snapshots, container logs, log lines and
 * metric curves per service, delivery status and history, CI runs. What a test does not
 * set is absent (not deployed, no lines, no runs).
 */
final class FakePlatform implements DeploymentStates, Logs, Metrics, Delivery, Builds {

	final Map<String, DeploymentSnapshot> snapshots = new HashMap<>();

	final Map<String, List<LogLine>> previousLogs = new HashMap<>();

	final Map<String, List<LogLine>> logLines = new HashMap<>();

	final Map<String, BiFunction<NamedMetric, Instant, Double>> curves = new HashMap<>();

	final Map<String, DeliveryStatus> statuses = new HashMap<>();

	final Map<String, List<DeployRecord>> histories = new HashMap<>();

	final Map<String, List<BuildRun>> runs = new HashMap<>();

	final Map<String, List<LogLine>> jobLogs = new HashMap<>();

	boolean metricsDown;

	EnvironmentBackends backends(String environment) {
		return new EnvironmentBackends(environment, this, this, this, this, this);
	}

	@Override
	public Optional<DeploymentSnapshot> snapshot(ServiceTarget target) {
		return Optional.ofNullable(this.snapshots.get(target.service()));
	}

	@Override
	public LogPage containerLog(ServiceTarget target, String pod, String container, boolean previous, int maxLines) {
		List<LogLine> lines = this.previousLogs.getOrDefault(pod + "/" + container, List.of());
		return new LogPage(lines.subList(0, Math.min(maxLines, lines.size())), lines.size() > maxLines, null, "fake");
	}

	@Override
	public LogPage query(LogQuery query) {
		List<LogLine> matched = new ArrayList<>();
		for (LogLine line : this.logLines.getOrDefault(query.target().service(), List.of())) {
			boolean inRange = !line.time().isBefore(query.from()) && line.time().isBefore(query.to());
			boolean levelOk = query.level() == null || rank(line.level()) >= rank(query.level());
			boolean textOk = query.text() == null || line.message().contains(query.text());
			if (inRange && levelOk && textOk) {
				matched.add(line);
			}
		}
		matched.sort((a, b) -> b.time().compareTo(a.time()));
		boolean truncated = matched.size() > query.limit();
		return new LogPage(truncated ? matched.subList(0, query.limit()) : matched, truncated, null, "fake logs");
	}

	private static int rank(String level) {
		return List.of("debug", "info", "warn", "error").indexOf((level != null) ? level : "info");
	}

	@Override
	public MetricResult query(MetricQuery query) {
		if (this.metricsDown) {
			throw new BackendException("Prometheus (fake)", "did not answer within 10s");
		}
		BiFunction<NamedMetric, Instant, Double> curve = this.curves.get(query.target().service());
		if (curve == null) {
			return new MetricResult(List.of(), "fake", query.metric().unit(), "fake metrics");
		}
		List<MetricResult.Point> points = new ArrayList<>();
		Duration step = (query.step() != null) ? query.step() : Duration.ofMinutes(1);
		Instant from = (query.from() != null) ? query.from() : query.to();
		for (Instant at = from; !at.isAfter(query.to()); at = at.plus(step)) {
			points.add(new MetricResult.Point(at, curve.apply(query.metric(), at)));
		}
		return new MetricResult(List.of(new MetricResult.Series(Map.of("service", query.target().service()), points)),
				"fake", query.metric().unit(), "fake metrics");
	}

	@Override
	public Optional<DeliveryStatus> status(ServiceTarget target) {
		return Optional.ofNullable(this.statuses.get(target.service()));
	}

	@Override
	public List<DeployRecord> history(ServiceTarget target, int limit) {
		List<DeployRecord> history = this.histories.getOrDefault(target.service(), List.of());
		return history.subList(0, Math.min(limit, history.size()));
	}

	@Override
	public List<BuildRun> runsFor(ServiceTarget target, String commit) {
		return this.runs.getOrDefault(commit, List.of());
	}

	@Override
	public LogPage jobLog(ServiceTarget target, BuildRun.Job job, int maxLines) {
		List<LogLine> lines = this.jobLogs.getOrDefault(job.id(), List.of());
		return new LogPage(lines.subList(0, Math.min(maxLines, lines.size())), false, null, "fake CI");
	}

}
