package dev.cairn.sandbox;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.cairn.telemetry.NamedMetric;

/**
 * A deployment's named metrics at any moment, computed from the pods that run then: the
 * request metrics from the replicas that serve (none when none serve, as Prometheus has
 * no samples then), CPU and memory summed over the running containers, restarts from the
 * container instances that started in the preceding five minutes.
 */
final class MetricModel {

	private static final long RESTART_WINDOW_SECONDS = 300;

	private final Deployment deployment;

	private final Workload workload;

	private final Instant horizon;

	private final Map<PodLife, List<Run>> runs = new HashMap<>();

	MetricModel(Deployment deployment, Instant horizon) {
		this.deployment = deployment;
		this.workload = deployment.workload();
		this.horizon = horizon;
	}

	/**
	 * The metric's value at the time, or {@code null} when the backend would have none.
	 */
	Double value(NamedMetric metric, Instant time) {
		List<PodLife> pods = this.deployment.podsAt(time);
		if (pods.isEmpty()) {
			return null;
		}
		int serving = 0;
		int erring = 0;
		int slow = 0;
		double errorShare = 0;
		double slowLatency = 0;
		double cpu = 0;
		double memory = 0;
		int restarts = 0;
		for (PodLife pod : pods) {
			List<Run> podRuns = this.runs.computeIfAbsent(pod, (p) -> this.deployment.runs(p, this.horizon));
			for (Run run : podRuns) {
				long since = time.getEpochSecond() - run.start().getEpochSecond();
				if (run.index() > 0 && since >= 0 && since < RESTART_WINDOW_SECONDS) {
					restarts++;
				}
			}
			Run run = Runs.at(podRuns, time);
			if (run == null || !run.runningAt(time)) {
				continue;
			}
			cpu += Signals.cpuPerReplica(this.workload) * Signals.daily(time)
					* (1 + 0.1 * Signals.noise(this.workload, "cpu" + pod.name(), time));
			memory += memory(pod, run, time);
			if (run.serves() && !time.isBefore(run.start().plus(Timing.readyAfter(this.workload.runtime())))) {
				serving++;
				Release release = pod.release();
				if (release.carries(Failure.ERROR_RATE_REGRESSION)) {
					erring++;
					errorShare = Signals.errorShare(this.workload, release);
				}
				if (release.carries(Failure.LATENCY_REGRESSION)) {
					slow++;
					slowLatency = Signals.slowLatency(this.workload, release);
				}
			}
		}
		switch (metric) {
			case CPU:
				return cpu;
			case MEMORY:
				return memory;
			case RESTARTS:
				return (double) restarts;
			default:
				break;
		}
		if (serving == 0) {
			return null;
		}
		double noise = Signals.noise(this.workload, metric.wireName(), time);
		switch (metric) {
			case REQUEST_RATE:
				return Signals.baseRequestRate(this.workload) * Signals.daily(time) * (1 + 0.06 * noise);
			case ERROR_RATE:
				double share = (double) erring / serving;
				double rate = (1 - share) * Signals.baseErrorRate(this.workload) * (1 + 0.3 * noise)
						+ share * errorShare * (1 + 0.1 * noise);
				if (this.deployment.upstreamAt(time) != null) {
					rate += (1 - rate) * Signals.UPSTREAM_ERROR_SHARE * (1 + 0.1 * noise);
				}
				return rate;
			default:
				double slowShare = (double) slow / serving;
				return (1 - slowShare) * Signals.baseLatency(this.workload) * (1 + 0.1 * noise)
						+ slowShare * slowLatency * (1 + 0.05 * noise);
		}
	}

	/**
	 * A running container's working set: steady, or for a release that leaks, rising from
	 * the steady level to the limit over the instance's life.
	 */
	private double memory(PodLife pod, Run run, Instant time) {
		double steady = Signals.memoryPerReplica(this.workload)
				* (1 + 0.02 * Signals.noise(this.workload, "memory" + pod.name(), time));
		if (run.ending() != Run.Ending.OOM || run.end() == null) {
			return steady;
		}
		double life = run.end().toEpochMilli() - run.start().toEpochMilli();
		double share = Math.min(1, (time.toEpochMilli() - run.start().toEpochMilli()) / life);
		return steady + (Timing.MEMORY_LIMIT - steady) * share;
	}

}
