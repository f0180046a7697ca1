package dev.cairn.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.cairn.telemetry.BuildRun;
import dev.cairn.telemetry.Builds;
import dev.cairn.telemetry.LogLine;
import dev.cairn.telemetry.LogPage;
import dev.cairn.telemetry.ServiceTarget;

/**
 * The sandbox's CI, in GitHub Actions' terms: one run of the workflow {@code ci} per
 * deployed commit, with the jobs {@code test} and {@code build-and-push}, finished a few
 * minutes before the commit's first deploy. Every run succeeded, except for a release
 * whose tag was never built: its tests failed and the image was never pushed.
 */
final class SandboxBuilds implements Builds {

	static final String WORKFLOW = "ci";

	private final SandboxPlatform platform;

	SandboxBuilds(SandboxPlatform platform) {
		this.platform = platform;
	}

	@Override
	public List<BuildRun> runsFor(ServiceTarget target, String commit) {
		Built built = built(target, commit);
		return (built != null) ? List.of(built.run()) : List.of();
	}

	@Override
	public LogPage jobLog(ServiceTarget target, BuildRun.Job job, int maxLines) {
		if (maxLines < 1) {
			throw new IllegalArgumentException("maxLines must be at least 1, got " + maxLines);
		}
		Deployment deployment = this.platform.deployment(target);
		if (deployment != null) {
			for (Release release : deployment.releases()) {
				Built built = built(target, release.commit());
				if (built != null && built.run().id().equals(job.runId())) {
					return log(target, built, job, maxLines);
				}
			}
		}
		throw new IllegalArgumentException(
				"no job " + job.id() + " in run " + job.runId() + " of " + WORKFLOW + " for " + target.service());
	}

	private LogPage log(ServiceTarget target, Built built, BuildRun.Job job, int maxLines) {
		boolean test = "test".equals(job.name());
		List<Runtime.Text> texts = test ? CiLogs.test(built.workload(), built.release().version(), built.failed())
				: ("skipped".equals(conclusion(built, job.name())) ? List.of()
						: CiLogs.buildAndPush(built.workload(), built.release().version()));
		Instant start = built.run().startedAt().plusSeconds(test ? 5 : 250);
		long spread = (test ? 230_000L : 140_000L) / Math.max(1, texts.size());
		List<LogLine> lines = new ArrayList<>();
		for (int i = texts.size() - 1; i >= 0 && lines.size() < maxLines; i--) {
			lines.add(new LogLine(start.plusMillis(spread * i), texts.get(i).level(), null, null,
					texts.get(i).message()));
		}
		return new LogPage(lines, texts.size() > maxLines,
				"GET /repos/" + built.workload().projectSlug() + "/actions/jobs/" + job.id() + "/logs",
				SandboxPlatform.source(target.environment()));
	}

	/** The run for a commit the service deployed anywhere, or {@code null}. */
	private Built built(ServiceTarget target, String commit) {
		Deployment here = this.platform.deployment(target);
		if (here == null || commit == null) {
			return null;
		}
		Release first = null;
		for (Deployment deployment : this.platform.world().deployments().values()) {
			if (deployment.workload().service().equals(target.service())) {
				for (Release release : deployment.releases()) {
					if (release.commit().equals(commit.trim())
							&& (first == null || release.deployedAt().isBefore(first.deployedAt()))) {
						first = release;
					}
				}
			}
		}
		if (first == null) {
			return null;
		}
		Workload workload = here.workload();
		long seed = Seed.of(target.service(), commit, "run");
		String runId = Long.toString(9_000_000_000L + Math.floorMod(seed, 900_000_000L));
		Instant startedAt = first.deployedAt().minus(Duration.ofSeconds(Seed.between(seed, 480, 900)));
		boolean failed = first.carries(Failure.IMAGE_PULL_UNBUILT);
		Built built = new Built(workload, first, failed, null);
		List<BuildRun.Job> jobs = new ArrayList<>();
		for (String name : List.of("test", "build-and-push")) {
			String conclusion = conclusion(built, name);
			jobs.add(
					new BuildRun.Job(Long.toString(25_000_000_000L + Math.floorMod(Seed.of(runId, name), 900_000_000L)),
							runId, name, conclusion, "failure".equals(conclusion) ? "Run tests" : null));
		}
		BuildRun run = new BuildRun(runId, WORKFLOW, first.commit(), "completed", failed ? "failure" : "success",
				"https://github.com/" + workload.projectSlug() + "/actions/runs/" + runId, startedAt, jobs);
		return new Built(workload, first, failed, run);
	}

	private static String conclusion(Built built, String job) {
		if (!built.failed()) {
			return "success";
		}
		return "test".equals(job) ? "failure" : "skipped";
	}

	/**
	 * A commit's CI run.
	 *
	 * @param workload the service
	 * @param release the commit's first release
	 * @param failed whether its tests failed
	 * @param run the run
	 */
	private record Built(Workload workload, Release release, boolean failed, BuildRun run) {

	}

}
