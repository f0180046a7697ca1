package dev.cairn.diagnosis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import dev.cairn.telemetry.BackendException;
import dev.cairn.telemetry.BuildRun;
import dev.cairn.telemetry.DeliveryStatus;
import dev.cairn.telemetry.DeployRecord;
import dev.cairn.telemetry.DeploymentSnapshot;
import dev.cairn.telemetry.EnvironmentBackends;
import dev.cairn.telemetry.LogPage;
import dev.cairn.telemetry.LogQuery;
import dev.cairn.telemetry.MetricQuery;
import dev.cairn.telemetry.MetricResult;
import dev.cairn.telemetry.NamedMetric;
import dev.cairn.telemetry.ServiceTarget;

/**
 * What the analyzers read about one service in one environment, fetched on first use and
 * kept, so every analyzer sees the same state and each backend is asked each question
 * once. A backend that cannot answer leaves a gap (named, with what it leaves unchecked)
 * instead of failing the diagnosis.
 */
final class Observations {

	static final int LOG_LINES = 40;

	private final ServiceTarget target;

	private final EnvironmentBackends backends;

	private final Instant now;

	private final Map<String, Object> kept = new HashMap<>();

	private final Set<String> consulted = new LinkedHashSet<>();

	private final Set<String> gaps = new LinkedHashSet<>();

	Observations(ServiceTarget target, EnvironmentBackends backends, Instant now) {
		this.target = target;
		this.backends = backends;
		this.now = now;
	}

	ServiceTarget target() {
		return this.target;
	}

	String service() {
		return this.target.service();
	}

	Instant now() {
		return this.now;
	}

	List<String> consulted() {
		return List.copyOf(this.consulted);
	}

	List<String> gaps() {
		return List.copyOf(this.gaps);
	}

	/**
	 * The deployment now; empty when not deployed or unreadable (see {@link #gaps()}).
	 */
	Optional<DeploymentSnapshot> snapshot() {
		return Optional.ofNullable(keep("snapshot", "deployment state", "every check of pods, events and jobs", () -> {
			DeploymentSnapshot snapshot = this.backends.requireDeployments().snapshot(this.target).orElse(null);
			this.consulted.add("deployment state");
			return snapshot;
		}));
	}

	/** Whether the deployment state could be read at all. */
	boolean deploymentsReadable() {
		snapshot();
		return this.gaps.stream().noneMatch((gap) -> gap.startsWith("deployment state"));
	}

	Optional<DeliveryStatus> delivery() {
		if (this.backends.deliverySystem().isEmpty()) {
			return Optional.empty();
		}
		return Optional.ofNullable(keep("delivery", "delivery status", "the sync status", () -> {
			DeliveryStatus status = this.backends.delivery().status(this.target).orElse(null);
			this.consulted.add("delivery");
			return status;
		}));
	}

	List<DeployRecord> history() {
		if (this.backends.deliverySystem().isEmpty()) {
			return List.of();
		}
		List<DeployRecord> history = keep("history", "deploy history", "failed deploys that never reached the cluster",
				() -> this.backends.delivery().history(this.target, 10));
		return (history != null) ? history : List.of();
	}

	/** The CI runs for a commit; {@code null} when there is no CI system or it failed. */
	List<BuildRun> builds(String commit) {
		if (this.backends.ciSystem().isEmpty() || commit == null) {
			return null;
		}
		return keep("builds " + commit, "CI builds", "whether CI built the image", () -> {
			List<BuildRun> runs = this.backends.builds().runsFor(this.target, commit);
			this.consulted.add("CI builds");
			return runs;
		});
	}

	LogPage jobLog(BuildRun.Job job) {
		return keep("job log " + job.id(), "CI job log", "the failed job's output",
				() -> this.backends.builds().jobLog(this.target, job, 20));
	}

	/**
	 * The last lines of a container's previous instance; {@code null} when unreadable.
	 */
	LogPage previousLog(String pod, String container) {
		return keep("previous " + pod + "/" + container, "container logs", "the crashed instance's last lines",
				() -> this.backends.requireDeployments().containerLog(this.target, pod, container, true, LOG_LINES));
	}

	/** Lines from the log store; {@code null} without a log store or when it failed. */
	LogPage logs(String level, String text, Instant from, Instant to, int limit) {
		if (this.backends.logStore().isEmpty() || !from.isBefore(to)) {
			return null;
		}
		return keep("logs " + level + " " + text + " " + from + " " + to, "log store", "log evidence", () -> {
			LogPage page = this.backends.logs()
				.query(new LogQuery(this.target, from, to, level, text, null, limit, 64 * 1024));
			this.consulted.add((page.source() != null) ? "logs: " + page.source() : "logs");
			return page;
		});
	}

	/**
	 * A named metric over a range; {@code null} without a metrics store or when it
	 * failed.
	 */
	MetricResult metric(NamedMetric metric, Instant from, Instant to, Duration step) {
		if (this.backends.metricStore().isEmpty()) {
			return null;
		}
		return keep("metric " + metric + " " + from + " " + to + " " + step, "metrics",
				"the error-rate, latency and memory checks", () -> {
					MetricResult result = this.backends.metrics()
						.query(MetricQuery.range(this.target, metric, from, to, step));
					this.consulted.add((result.source() != null) ? "metrics: " + result.source() : "metrics");
					return result;
				});
	}

	@SuppressWarnings("unchecked")
	private <T> T keep(String key, String what, String unchecked, Supplier<T> fetch) {
		if (this.kept.containsKey(key)) {
			return (T) this.kept.get(key);
		}
		T value = null;
		try {
			value = fetch.get();
		}
		catch (BackendException | IllegalArgumentException ex) {
			this.gaps.add(what + ": " + ex.getMessage() + " (not checked: " + unchecked + ")");
		}
		this.kept.put(key, value);
		return value;
	}

	/** Every line of a page, oldest first. */
	static List<String> oldestFirst(LogPage page) {
		List<String> lines = new ArrayList<>();
		if (page != null) {
			for (int i = page.lines().size() - 1; i >= 0; i--) {
				lines.add(page.lines().get(i).message());
			}
		}
		return lines;
	}

}
