package dev.cairn.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.cairn.telemetry.LogLine;

/**
 * The writers of a deployment's logs: each pod's {@code app} container over its runs, and
 * each migration Job's {@code migrate} containers.
 */
final class LogSources {

	private LogSources() {
	}

	/** Every writer active in [from, to), its runs computed up to {@code to}. */
	static List<LogScan.Source> of(Deployment deployment, Instant from, Instant to) {
		List<LogScan.Source> sources = new ArrayList<>();
		PodLines lines = new PodLines(deployment);
		for (PodLife pod : deployment.pods()) {
			if (pod.aliveDuring(from, to) && pod.starts()) {
				sources.add(pod(lines, pod, deployment.runs(pod, to)));
			}
		}
		for (Release release : deployment.releases()) {
			if (release.carries(Failure.MIGRATION_FAILED)) {
				MigrationJob job = new MigrationJob(deployment.workload(), release);
				for (MigrationJob.Attempt attempt : job.attempts()) {
					sources.add(attempt(job, attempt));
				}
			}
		}
		return sources;
	}

	static LogScan.Source pod(PodLines lines, PodLife pod, List<Run> runs) {
		return new LogScan.Source() {

			@Override
			public boolean activeDuring(Instant from, Instant to) {
				return pod.aliveDuring(from, to);
			}

			@Override
			public long append(Instant from, Instant to, int minRank, List<LogLine> out) {
				return lines.append(pod, runs, from, to, minRank, out);
			}

		};
	}

	/** One pod of a migration Job: Flyway's output, ending with its failure. */
	static LogScan.Source attempt(MigrationJob job, MigrationJob.Attempt attempt) {
		return new LogScan.Source() {

			@Override
			public boolean activeDuring(Instant from, Instant to) {
				return attempt.start().isBefore(to) && !attempt.end().isBefore(from);
			}

			@Override
			public long append(Instant from, Instant to, int minRank, List<LogLine> out) {
				List<Runtime.Text> texts = job.lines();
				for (int i = 0; i < texts.size(); i++) {
					Instant time = attempt.start().plusMillis(1500).plusMillis(250L * i);
					Runtime.Text text = texts.get(i);
					if (!time.isBefore(from) && time.isBefore(to) && Levels.rank(text.level()) >= minRank) {
						out.add(new LogLine(time, text.level(), attempt.pod(), MigrationJob.CONTAINER, text.message()));
					}
				}
				return texts.size();
			}

		};
	}

}
