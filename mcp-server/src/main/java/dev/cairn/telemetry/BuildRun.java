package dev.cairn.telemetry;

import java.time.Instant;
import java.util.List;

/**
 * One CI workflow run.
 *
 * @param id the run's id
 * @param workflow the workflow's name
 * @param commit the commit it built
 * @param status queued, in_progress or completed
 * @param conclusion success, failure, cancelled, skipped, timed_out, ... once completed,
 * else {@code null}
 * @param url where a human can see it, or {@code null}
 * @param startedAt when it started
 * @param jobs its jobs (failed ones carry their failed step)
 */
public record BuildRun(String id, String workflow, String commit, String status, String conclusion, String url,
		Instant startedAt, List<Job> jobs) {

	public BuildRun {
		jobs = (jobs != null) ? List.copyOf(jobs) : List.of();
	}

	public boolean failed() {
		return "completed".equals(this.status) && this.conclusion != null && !"success".equals(this.conclusion)
				&& !"skipped".equals(this.conclusion) && !"neutral".equals(this.conclusion);
	}

	/**
	 * One job of a run.
	 *
	 * @param id the job's id
	 * @param runId its run's id
	 * @param name the job's name
	 * @param conclusion as for a run
	 * @param failedStep the first step that failed, or {@code null}
	 */
	public record Job(String id, String runId, String name, String conclusion, String failedStep) {

	}

}
