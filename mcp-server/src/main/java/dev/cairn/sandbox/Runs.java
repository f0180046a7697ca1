package dev.cairn.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The instances of a pod's container, as the kubelet would run them: one for a healthy
 * pod, a crash loop with growing back-off for a failing one, and for a pod whose database
 * goes away, a crash at that moment and a crash loop until it comes back. Computed up to
 * a horizon, so a loop that never ends is still finite.
 */
final class Runs {

	/** Runs this long reset the back-off, as the kubelet does. */
	private static final Duration STABLE = Duration.ofMinutes(10);

	private Runs() {
	}

	static List<Run> of(PodLife pod, Runtime runtime, List<Outage> outages, Instant horizon) {
		List<Run> runs = new ArrayList<>();
		if (!pod.starts()) {
			return runs;
		}
		Instant until = pod.endOr(horizon);
		Instant start = pod.containerStart();
		long seed = Seed.of(pod.name(), "runs");
		switch (pod.behavior()) {
			case CRASHES_ON_CONFIG:
				crashLoop(runs, start, until, seed, (runtime == Runtime.JVM) ? 8 : 2, 0, Run.Ending.CONFIG, false);
				break;
			case OOM:
				crashLoop(runs, start, until, seed, 200, 120, Run.Ending.OOM, true);
				break;
			case UNREADY:
				runs.add(new Run(0, start, null, false, Run.Ending.NONE));
				break;
			default:
				serve(runs, start, until, outages);
		}
		return runs;
	}

	/** The run going on, or last ended, at the time; {@code null} before the first. */
	static Run at(List<Run> runs, Instant time) {
		int index = indexAt(runs, time);
		return (index >= 0) ? runs.get(index) : null;
	}

	/** The index of the last run started by the time, or -1 (runs are in start order). */
	static int indexAt(List<Run> runs, Instant time) {
		int low = 0;
		int high = runs.size() - 1;
		int found = -1;
		while (low <= high) {
			int middle = (low + high) >>> 1;
			if (runs.get(middle).start().isAfter(time)) {
				high = middle - 1;
			}
			else {
				found = middle;
				low = middle + 1;
			}
		}
		return found;
	}

	private static void crashLoop(List<Run> runs, Instant start, Instant until, long seed, int seconds, int spread,
			Run.Ending ending, boolean serves) {
		Instant next = start;
		while (next.isBefore(until)) {
			int index = runs.size();
			Instant end = next.plusSeconds(seconds + ((spread > 0) ? Seed.between(seed + index, 0, spread) : 0));
			runs.add(new Run(index, next, end, serves, ending));
			next = end.plus(Timing.backOff(index + 1));
		}
	}

	/** A healthy container, except while its database refuses connections. */
	private static void serve(List<Run> runs, Instant start, Instant until, List<Outage> outages) {
		List<Outage> sorted = new ArrayList<>(outages);
		sorted.sort(Comparator.comparing(Outage::since));
		Instant next = start;
		int streak = 0;
		boolean down = false;
		for (Outage outage : sorted) {
			if ((outage.until() != null && !outage.until().isAfter(next)) || !outage.since().isBefore(until)) {
				continue;
			}
			if (outage.since().isAfter(next)) {
				// The running instance loses its database and exits.
				runs.add(new Run(runs.size(), next, outage.since(), true, Run.Ending.DATABASE));
				streak = (Duration.between(next, outage.since()).compareTo(STABLE) >= 0) ? 1 : streak + 1;
				next = outage.since().plus(Timing.backOff(streak));
			}
			Instant stop = (outage.until() != null && outage.until().isBefore(until)) ? outage.until() : until;
			down = outage.until() == null || !outage.until().isBefore(until);
			while (next.isBefore(stop)) {
				Instant end = next.plusSeconds(5);
				runs.add(new Run(runs.size(), next, end, false, Run.Ending.DATABASE));
				streak++;
				next = end.plus(Timing.backOff(streak));
			}
		}
		if (!down) {
			runs.add(new Run(runs.size(), next, null, true, Run.Ending.NONE));
		}
	}

}
