package dev.cairn.sandbox;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The sentences the sandbox says what it did with. */
final class Summaries {

	private Summaries() {
	}

	static String deployed(Workload workload, Release release) {
		return workload.service() + " " + release.version() + " (commit " + release.shortCommit() + " by "
				+ release.author() + ": \"" + release.message() + "\") was deployed to " + workload.environment()
				+ " at " + time(release.deployedAt()) + ".";
	}

	/** What the failure a release carries does. */
	static String effect(Workload workload, Release release) {
		String previous = "while the previous revision's pods keep serving.";
		switch (release.failure()) {
			case MISSING_CONFIG:
				return "Its new pod crash-loops (CrashLoopBackOff) because " + Changes.configKey(workload)
						+ " is not set, " + previous;
			case OOM_KILLED:
				return "It rolled out, and its containers are OOMKilled at the 512Mi memory limit and restart.";
			case IMAGE_PULL_UNBUILT:
				return "Its CI run failed, so the image " + workload.image(release.version())
						+ " was never pushed: the new pod is in ImagePullBackOff " + previous;
			case READINESS_FAILING:
				return "Its new pod runs but never passes its readiness probe (503), " + previous;
			case UNSCHEDULABLE:
				return "Its new pod asks for more memory than any node has free and stays Pending, " + previous;
			case MIGRATION_FAILED:
				return "Its PreSync migration Job " + new MigrationJob(workload, release).name()
						+ " failed (BackoffLimitExceeded), so the sync failed and the previous revision keeps running.";
			case ERROR_RATE_REGRESSION:
				return "It rolled out fully, and about a tenth of its requests now fail with 500.";
			case LATENCY_REGRESSION:
				return "It rolled out fully, and its p99 latency went from about 0.1s to about 1.8s.";
			default:
				return "";
		}
	}

	static String time(Instant time) {
		return time.truncatedTo(ChronoUnit.SECONDS).toString();
	}

}
