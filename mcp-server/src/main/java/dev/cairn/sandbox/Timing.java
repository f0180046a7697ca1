package dev.cairn.sandbox;

import java.time.Duration;

/**
 * How long things take in the sandbox's cluster, close to what a real one shows: the
 * kubelet's restart back-off (10s doubling to 5m), the Deployment's 10-minute progress
 * deadline, a JVM's slower start.
 */
final class Timing {

	/** From a pod's creation to its container's start (pull, create, start). */
	static final Duration CONTAINER_START = Duration.ofSeconds(3);

	/** A Deployment's progressDeadlineSeconds. */
	static final Duration PROGRESS_DEADLINE = Duration.ofMinutes(10);

	/** How long Kubernetes keeps events. */
	static final Duration EVENT_TTL = Duration.ofHours(1);

	/** The readiness probe's period. */
	static final Duration PROBE_PERIOD = Duration.ofSeconds(10);

	/** How long the delivery system's sync of a new revision takes. */
	static final Duration SYNC = Duration.ofSeconds(5);

	/** The memory limit of every container. */
	static final long MEMORY_LIMIT = 512L * 1024 * 1024;

	private Timing() {
	}

	/** From a container's start to its readiness probe passing. */
	static Duration readyAfter(Runtime runtime) {
		return (runtime == Runtime.JVM) ? Duration.ofSeconds(28) : Duration.ofSeconds(9);
	}

	/** The back-off before the {@code n}th restart (1-based): 10s, 20s, 40s, ... 5m. */
	static Duration backOff(int restart) {
		long seconds = 10L << Math.min(Math.max(restart - 1, 0), 5);
		return Duration.ofSeconds(Math.min(seconds, 300));
	}

	/** A duration as Go prints it, as the kubelet's messages do: 10s, 1m20s, 5m0s. */
	static String go(Duration duration) {
		long seconds = duration.getSeconds();
		if (seconds < 60) {
			return seconds + "s";
		}
		return (seconds / 60) + "m" + (seconds % 60) + "s";
	}

}
