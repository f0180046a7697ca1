package dev.cairn.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The scheduler's and the kubelet's events about one pod, with the counts and first and
 * last times that Kubernetes gives a repeated event: image pulls that fail and back off,
 * a container that starts and crashes again and again, a readiness probe that fails every
 * period, a pod no node can take.
 */
final class PodEvents {

	private final Workload workload;

	private final PodLife pod;

	private final List<Run> runs;

	private final Instant now;

	private final String image;

	PodEvents(Workload workload, PodLife pod, List<Run> runs, Instant now) {
		this.workload = workload;
		this.pod = pod;
		this.runs = runs;
		this.now = now;
		this.image = workload.image(pod.release().version());
	}

	void addTo(SandboxEvents events) {
		Instant created = this.pod.createdAt();
		if (this.pod.behavior() == PodLife.Behavior.UNSCHEDULED) {
			int count = 1 + (int) (SandboxEvents.seconds(created, this.now) / 300);
			events.add("Warning", "FailedScheduling", "Pod", this.pod.name(), ContainerStates.UNSCHEDULABLE, count,
					created, created.plusSeconds(300L * (count - 1)));
			return;
		}
		events.add("Normal", "Scheduled", "Pod", this.pod.name(),
				"Successfully assigned " + this.workload.namespace() + "/" + this.pod.name() + " to " + this.pod.node(),
				1, created, created);
		if (this.pod.behavior() == PodLife.Behavior.PULL_FAILS) {
			pullFailures(events, created.plusSeconds(1));
			return;
		}
		int started = 0;
		for (Run run : this.runs) {
			started += run.start().isAfter(this.now) ? 0 : 1;
		}
		if (started == 0) {
			return;
		}
		Instant first = this.runs.get(0).start();
		Instant last = this.runs.get(started - 1).start();
		events.add("Normal", "Pulling", "Pod", this.pod.name(), "Pulling image \"" + this.image + "\"", 1,
				created.plusMillis(500), created.plusMillis(500));
		events.add("Normal", "Pulled", "Pod", this.pod.name(),
				"Successfully pulled image \"" + this.image + "\" in 2.104s (2.104s including waiting). Image size: "
						+ (120_000_000 + Seed.between(Seed.of(this.image), 0, 90_000_000)) + " bytes.",
				1, first.minusMillis(400), first.minusMillis(400));
		if (started > 1) {
			events.add("Normal", "Pulled", "Pod", this.pod.name(),
					"Container image \"" + this.image + "\" already present on machine", started - 1,
					this.runs.get(1).start(), last);
		}
		events.add("Normal", "Created", "Pod", this.pod.name(), "Created container: " + PodLines.CONTAINER, started,
				first.minusMillis(100), last.minusMillis(100));
		events.add("Normal", "Started", "Pod", this.pod.name(), "Started container " + PodLines.CONTAINER, started,
				first, last);
		backOffs(events);
		if (this.pod.behavior() == PodLife.Behavior.UNREADY) {
			Instant probe = first.plus(Timing.PROBE_PERIOD);
			if (!probe.isAfter(this.now)) {
				int count = 1 + (int) (SandboxEvents.seconds(probe, this.now) / Timing.PROBE_PERIOD.getSeconds());
				events.add("Warning", "Unhealthy", "Pod", this.pod.name(),
						"Readiness probe failed: HTTP probe failed with statuscode: 503", count, probe,
						probe.plus(Timing.PROBE_PERIOD.multipliedBy(count - 1L)));
			}
		}
	}

	/** The kubelet's BackOff event while a crashed container waits for its restart. */
	private void backOffs(SandboxEvents events) {
		int count = 0;
		Instant first = null;
		Instant last = null;
		for (int i = 0; i < this.runs.size(); i++) {
			Run run = this.runs.get(i);
			if (run.end() == null || run.end().isAfter(this.now)) {
				break;
			}
			Instant until = (i + 1 < this.runs.size() && this.runs.get(i + 1).start().isBefore(this.now))
					? this.runs.get(i + 1).start() : this.now;
			Instant start = run.end().plusSeconds(1);
			if (until.isBefore(start)) {
				continue;
			}
			first = (first != null) ? first : start;
			count += Math.max(1, (int) (SandboxEvents.seconds(start, until) / 10));
			last = until;
		}
		if (count > 0) {
			events.add("Warning", "BackOff", "Pod", this.pod.name(),
					"Back-off restarting failed container " + PodLines.CONTAINER + " in pod " + this.pod.name() + "_"
							+ this.workload.namespace() + "(" + this.pod.uid() + ")",
					count, first, last);
		}
	}

	/** A tag that was never pushed: pulls fail, the kubelet backs off and retries. */
	private void pullFailures(SandboxEvents events, Instant firstPull) {
		int attempts = 0;
		Instant pull = firstPull;
		Instant lastPull = firstPull;
		while (!pull.isAfter(this.now)) {
			attempts++;
			lastPull = pull;
			pull = pull.plusSeconds(1).plus(Timing.backOff(attempts));
		}
		String reference = this.image;
		events.add("Normal", "Pulling", "Pod", this.pod.name(), "Pulling image \"" + reference + "\"", attempts,
				firstPull, lastPull);
		events.add("Warning", "Failed", "Pod", this.pod.name(),
				"Failed to pull image \"" + reference + "\": rpc error: code = NotFound desc = failed to pull and "
						+ "unpack image \"" + reference + "\": failed to resolve reference \"" + reference + "\": "
						+ reference + ": not found",
				attempts, firstPull.plusSeconds(1), lastPull.plusSeconds(1));
		events.add("Warning", "Failed", "Pod", this.pod.name(), "Error: ErrImagePull", attempts,
				firstPull.plusSeconds(1), lastPull.plusSeconds(1));
		Instant backOff = firstPull.plusSeconds(2);
		if (!backOff.isAfter(this.now)) {
			int count = 1 + (int) (SandboxEvents.seconds(backOff, this.now) / 15);
			Instant last = backOff.plus(Duration.ofSeconds(15L * (count - 1)));
			events.add("Normal", "BackOff", "Pod", this.pod.name(), "Back-off pulling image \"" + reference + "\"",
					count, backOff, last);
			events.add("Warning", "Failed", "Pod", this.pod.name(), "Error: ImagePullBackOff", count, backOff, last);
		}
	}

}
