package dev.cairn.telemetry;

import java.util.List;

/**
 * The CI system that builds the service's images (GitHub Actions): whether the build of a
 * commit ran, passed, and what a failed job printed.
 */
public interface Builds {

	/**
	 * The workflow runs for a commit, newest first.
	 * @throws BackendException when the backend cannot answer
	 */
	List<BuildRun> runsFor(ServiceTarget target, String commit);

	/**
	 * The last lines of a failed job's log, newest first like every {@link LogPage}.
	 * @param maxLines at most this many lines
	 * @throws BackendException when the backend cannot answer
	 */
	LogPage jobLog(ServiceTarget target, BuildRun.Job job, int maxLines);

}
