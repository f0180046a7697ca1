package dev.cairn.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.cairn.sandbox.Runtime.Text;
import dev.cairn.telemetry.LogLine;

/**
 * Writes what a pod's container logged in a time range, made up on demand from the time
 * alone: startup lines at each start, the failure's last words at each crash, and while
 * the container serves, one request line per slot of a few seconds (INFO, now and then a
 * WARN), with the errors, slow queries and failed upstream calls a failure adds. The
 * level and kind of a slot's line are decided before its text is built, so a scan for
 * errors over months builds no text for the requests that went well.
 */
final class PodLines {

	static final String CONTAINER = "app";

	private final Deployment deployment;

	private final Workload workload;

	private final Words words;

	private final long slotMillis;

	PodLines(Deployment deployment) {
		this.deployment = deployment;
		this.workload = deployment.workload();
		this.words = Words.of(this.workload.service());
		this.slotMillis = "production".equals(this.workload.environment()) ? 3_000 : 6_000;
	}

	/**
	 * Appends the pod's lines in [from, to) of at least the level's rank, in time order
	 * within each run.
	 * @return how many request slots were looked at
	 */
	long append(PodLife pod, List<Run> runs, Instant from, Instant to, int minRank, List<LogLine> out) {
		long slots = 0;
		// Runs follow one another: a crash loop of days need not be read from its start.
		for (int i = Math.max(0, Runs.indexAt(runs, from)); i < runs.size(); i++) {
			Run run = runs.get(i);
			if (!run.start().isBefore(to)) {
				break;
			}
			Instant end = (run.end() != null) ? pod.endOr(run.end()) : pod.endOr(to);
			if (!end.isAfter(from) || !run.start().isBefore(pod.endOr(to))) {
				continue;
			}
			Sink sink = new Sink(pod, from, to, minRank, out);
			sink.all(run.start(), 50_000_000L,
					this.workload.runtime().starting(this.workload, pod.release().version()));
			Instant ready = run.start().plus(Timing.readyAfter(this.workload.runtime()));
			if (run.serves() || pod.behavior() == PodLife.Behavior.UNREADY) {
				sink.all(ready.minusMillis(500), 1_000L, this.workload.runtime().started(this.workload));
			}
			if (run.serves()) {
				slots += requests(pod, sink, ready, end);
				if (pod.behavior() == PodLife.Behavior.OOM && run.end() != null) {
					cacheLines(run, sink, ready, end);
				}
			}
			if (pod.behavior() == PodLife.Behavior.UNREADY) {
				for (Instant probe = run.start().plus(Timing.PROBE_PERIOD); probe.isBefore(end)
						&& probe.isBefore(to); probe = probe.plus(Timing.PROBE_PERIOD)) {
					if (!probe.isBefore(from)) {
						sink.one(probe, FailureLines.readinessDown(this.workload, pod.release().version()));
					}
				}
			}
			if (run.end() != null && !run.end().isAfter(end)) {
				if (run.ending() == Run.Ending.CONFIG) {
					sink.all(run.end().minusMillis(200), 1_000L, FailureLines.missingConfig(this.workload));
				}
				else if (run.ending() == Run.Ending.DATABASE) {
					sink.all(run.end().minusMillis(100), 1_000L, FailureLines.databaseRefused(this.workload));
				}
			}
		}
		return slots;
	}

	private long requests(PodLife pod, Sink sink, Instant ready, Instant end) {
		long low = Math.max(ready.toEpochMilli(), sink.from.toEpochMilli());
		long high = Math.min(end.toEpochMilli(), sink.to.toEpochMilli());
		if (low >= high) {
			return 0;
		}
		long podSeed = Seed.of(pod.name(), "requests");
		long slots = 0;
		for (long slot = Math.floorDiv(low, this.slotMillis); slot <= Math.floorDiv(high - 1,
				this.slotMillis); slot++) {
			slots++;
			long seed = Seed.mix(podSeed ^ (slot * 0x9e3779b97f4a7c15L));
			long millis = slot * this.slotMillis + Math.floorMod(seed, this.slotMillis);
			if (millis >= low && millis < high) {
				request(pod, sink, Instant.ofEpochMilli(millis), seed);
			}
		}
		return slots;
	}

	private void request(PodLife pod, Sink sink, Instant time, long seed) {
		double draw = Seed.unit(seed ^ 0x55L);
		Release release = pod.release();
		Runtime runtime = this.workload.runtime();
		if (release.carries(Failure.ERROR_RATE_REGRESSION) && draw < Signals.errorShare(this.workload, release)) {
			if (sink.wants(3)) {
				Words.Request failing = this.words.failingRequest();
				sink.all(time, 1_000L, FailureLines.requestFailure(this.workload, failing, seed));
				sink.one(time.plusMillis(3), new Text("error",
						runtime.access("error", this.words, failing, 500, Seed.between(seed, 4, 30), seed)));
			}
			return;
		}
		Outage upstream = this.deployment.upstreamAt(time);
		if (upstream != null && draw < 0.2) {
			if (sink.wants(3)) {
				Words.Request request = this.words.request(seed);
				sink.one(time, FailureLines.upstreamUnavailable(this.workload, upstream, seed));
				sink.one(time.plusMillis(2), new Text("error",
						runtime.access("error", this.words, request, 502, Seed.between(seed, 2, 15), seed)));
			}
			return;
		}
		boolean slowRelease = release.carries(Failure.LATENCY_REGRESSION);
		if (slowRelease && draw < 0.3) {
			if (sink.wants(2)) {
				long millis = Seed.between(seed, 1500, 2300);
				Words.Request request = this.words.request(seed);
				sink.one(time.minusMillis(20), FailureLines.slowQuery(this.workload, millis - 40, seed));
				sink.one(time,
						new Text("warn", runtime.access("warn", this.words, request, request.status(), millis, seed)));
			}
			return;
		}
		if (draw > 0.985) {
			if (sink.wants(2)) {
				sink.one(time, FailureLines.slowRequest(this.workload, this.words.request(seed),
						Seed.between(seed, 520, 1400), seed));
			}
			return;
		}
		if (sink.wants(1)) {
			Words.Request request = this.words.request(seed);
			long millis = slowRelease ? Seed.between(seed, 240, 900) : Seed.between(seed, 6, 140);
			sink.one(time,
					new Text("info", runtime.access("info", this.words, request, request.status(), millis, seed)));
		}
	}

	/** An unbounded cache reporting its size every 30 seconds until the kill. */
	private void cacheLines(Run run, Sink sink, Instant ready, Instant end) {
		if (!sink.wants(2)) {
			return;
		}
		double life = Math.max(1, Duration.between(run.start(), run.end()).toSeconds());
		for (Instant at = ready.plusSeconds(30); at.isBefore(end) && at.isBefore(sink.to); at = at.plusSeconds(30)) {
			if (!at.isBefore(sink.from)) {
				double share = Duration.between(run.start(), at).toSeconds() / life;
				sink.one(at,
						FailureLines.cacheGrowing(this.workload, (long) (share * 240_000), (long) (share * 380 + 60)));
			}
		}
	}

	/** Collects lines inside the range and above the level. */
	private static final class Sink {

		final PodLife pod;

		final Instant from;

		final Instant to;

		final int minRank;

		final List<LogLine> out;

		Sink(PodLife pod, Instant from, Instant to, int minRank, List<LogLine> out) {
			this.pod = pod;
			this.from = from;
			this.to = to;
			this.minRank = minRank;
			this.out = out;
		}

		boolean wants(int rank) {
			return rank >= this.minRank;
		}

		void one(Instant time, Text text) {
			if (!time.isBefore(this.from) && time.isBefore(this.to) && this.pod.aliveAt(time)
					&& Levels.rank(text.level()) >= this.minRank) {
				this.out.add(new LogLine(time, text.level(), this.pod.name(), CONTAINER, text.message()));
			}
		}

		/** Lines written one after another, {@code gapNanos} apart. */
		void all(Instant time, long gapNanos, List<Text> texts) {
			for (int i = 0; i < texts.size(); i++) {
				one(time.plusNanos(i * gapNanos), texts.get(i));
			}
		}

	}

}
