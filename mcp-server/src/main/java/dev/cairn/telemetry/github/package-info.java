/**
 * The {@link dev.cairn.telemetry.Builds} port over GitHub's REST API for Actions
 * (github.com or GitHub Enterprise Server): the workflow runs of a commit, the jobs and
 * first failed step of the runs that failed, and the tail of a job's log, fetched from
 * the storage GitHub redirects to without the token. Runs, jobs and log bytes are
 * bounded; an exhausted rate limit fails at once and says when it resets.
 */
package dev.cairn.telemetry.github;
