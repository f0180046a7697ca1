package dev.cairn.sandbox;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The levels a service's signals run at, shared by its logs and its metrics so the two
 * agree: its steady error rate (0.2% to 0.6%) and p99 latency (80 to 200 ms), its
 * traffic, what one replica uses, and how much worse a regressed release does.
 */
final class Signals {

	/** Share of requests failing on a dependency that is down. */
	static final double UPSTREAM_ERROR_SHARE = 0.2;

	private Signals() {
	}

	static double baseErrorRate(Workload workload) {
		return 0.002 + 0.004 * Seed.unit(Seed.of(workload.service(), workload.environment(), "error_rate"));
	}

	/** Share of requests a release with an error-rate regression fails: 8% to 12%. */
	static double errorShare(Workload workload, Release release) {
		return 0.08 + 0.04 * Seed.unit(Seed.of(workload.service(), release.version(), "errors"));
	}

	static double baseLatency(Workload workload) {
		return 0.08 + 0.12 * Seed.unit(Seed.of(workload.service(), workload.environment(), "latency"));
	}

	/** The p99 of a release with a latency regression: 1.5 to 2 seconds. */
	static double slowLatency(Workload workload, Release release) {
		return 1.5 + 0.5 * Seed.unit(Seed.of(workload.service(), release.version(), "latency"));
	}

	/** Requests per second at the day's average. */
	static double baseRequestRate(Workload workload) {
		double unit = Seed.unit(Seed.of(workload.service(), workload.environment(), "traffic"));
		return "production".equals(workload.environment()) ? 40 + 80 * unit : 2 + 6 * unit;
	}

	/** Cores one replica uses at the day's average. */
	static double cpuPerReplica(Workload workload) {
		double unit = Seed.unit(Seed.of(workload.service(), "cpu"));
		switch (workload.runtime()) {
			case JVM:
				return 0.15 + 0.2 * unit;
			case GO:
				return 0.03 + 0.05 * unit;
			default:
				return 0.08 + 0.12 * unit;
		}
	}

	/** Bytes one replica's working set holds when steady, well below the 512Mi limit. */
	static long memoryPerReplica(Workload workload) {
		double unit = Seed.unit(Seed.of(workload.service(), "memory"));
		long mebibytes;
		switch (workload.runtime()) {
			case JVM:
				mebibytes = 220 + (long) (80 * unit);
				break;
			case GO:
				mebibytes = 40 + (long) (50 * unit);
				break;
			case NODE:
				mebibytes = 140 + (long) (80 * unit);
				break;
			default:
				mebibytes = 180 + (long) (80 * unit);
		}
		return mebibytes * 1024 * 1024;
	}

	/** Traffic through the day: highest mid-afternoon UTC, lowest at night. */
	static double daily(Instant time) {
		double day = time.atOffset(ZoneOffset.UTC).toLocalTime().toSecondOfDay() / 86_400.0;
		return 1 + 0.3 * Math.sin(2 * Math.PI * (day - 0.375));
	}

	/** Noise in [-1, 1), steady within one 15-second scrape. */
	static double noise(Workload workload, String what, Instant time) {
		return 2 * Seed
			.unit(Seed.of(workload.service(), workload.environment(), what, Math.floorDiv(time.getEpochSecond(), 15)))
				- 1;
	}

}
