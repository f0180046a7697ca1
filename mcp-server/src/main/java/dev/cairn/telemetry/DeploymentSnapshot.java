package dev.cairn.telemetry;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A service's deployment in one environment at one moment.
 *
 * @param name the workload's name in the backend (a Kubernetes Deployment's name)
 * @param namespace where it runs
 * @param observedAt when the backend was read
 * @param rollout the rollout's progress
 * @param current the revision being rolled out or running (the newest)
 * @param previous the revision before it, or {@code null} for a first deploy
 * @param pods every pod of the service, of any revision, newest first
 * @param events recent events about the deployment, its replica sets, pods and jobs,
 * newest first
 * @param jobs jobs that belong to the service (database migrations, ...), newest first
 */
public record DeploymentSnapshot(String name, String namespace, Instant observedAt, Rollout rollout, Revision current,
		Revision previous, List<Pod> pods, List<Event> events, List<Job> jobs) {

	public DeploymentSnapshot {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(observedAt, "observedAt");
		Objects.requireNonNull(rollout, "rollout");
		pods = (pods != null) ? List.copyOf(pods) : List.of();
		events = (events != null) ? List.copyOf(events) : List.of();
		jobs = (jobs != null) ? List.copyOf(jobs) : List.of();
	}

	/**
	 * The rollout as the Deployment's status tells it.
	 *
	 * @param phase where it stands
	 * @param desired replicas asked for
	 * @param updated replicas of the current revision
	 * @param ready replicas ready
	 * @param available replicas available (ready for the minimum time)
	 * @param unavailable replicas not available
	 * @param message the backend's own words, for example the Progressing condition's
	 * message; may be {@code null}
	 * @param since when the rollout began (the current revision's creation)
	 */
	public record Rollout(Phase phase, int desired, int updated, int ready, int available, int unavailable,
			String message, Instant since) {

		public Rollout {
			Objects.requireNonNull(phase, "phase");
		}

	}

	/** Where a rollout stands. */
	public enum Phase {

		/**
		 * Every replica runs the current revision; the rollout finished. Replicas may
		 * have become unavailable since ({@link Rollout#available()} below
		 * {@link Rollout#desired()}): that is no rollout under way.
		 */
		COMPLETE,
		/** New replicas are coming up within the progress deadline. */
		PROGRESSING,
		/**
		 * The progress deadline passed (ProgressDeadlineExceeded), or the rollout was
		 * aborted.
		 */
		FAILED,
		/** Scaled to zero, or paused. */
		IDLE

	}

	/**
	 * One revision of the service (a Kubernetes ReplicaSet).
	 *
	 * @param number the revision number
	 * @param version the version deployed, usually the image tag
	 * @param image the full image reference of the main container
	 * @param commit the source commit, when the deployment records it; may be
	 * {@code null}
	 * @param author who made that change, when known; may be {@code null}
	 * @param createdAt when the revision was created (the deploy's time)
	 * @param replicas replicas of this revision
	 */
	public record Revision(int number, String version, String image, String commit, String author, Instant createdAt,
			int replicas) {

	}

	/**
	 * One pod.
	 *
	 * @param name the pod's name
	 * @param revision the revision number it belongs to
	 * @param phase Pending, Running, Succeeded, Failed or Unknown
	 * @param ready whether the pod is ready
	 * @param node the node it runs on, or {@code null} while unscheduled
	 * @param unschedulable why the scheduler could not place it (the PodScheduled
	 * condition's message), or {@code null}
	 * @param createdAt when the pod was created
	 * @param initContainers init containers, in order
	 * @param containers app containers
	 */
	public record Pod(String name, int revision, String phase, boolean ready, String node, String unschedulable,
			Instant createdAt, List<Container> initContainers, List<Container> containers) {

		public Pod {
			Objects.requireNonNull(name, "name");
			initContainers = (initContainers != null) ? List.copyOf(initContainers) : List.of();
			containers = (containers != null) ? List.copyOf(containers) : List.of();
		}

	}

	/**
	 * One container's state.
	 *
	 * @param name the container's name
	 * @param image the image it runs
	 * @param ready whether its readiness probe passes
	 * @param restarts its restart count
	 * @param state waiting, running or terminated
	 * @param reason the state's reason (CrashLoopBackOff, ImagePullBackOff, OOMKilled,
	 * Error, Completed, ...), or {@code null}
	 * @param message the state's message, or {@code null}
	 * @param exitCode the exit code while terminated, else {@code null}
	 * @param lastTermination how the previous instance ended, or {@code null}
	 */
	public record Container(String name, String image, boolean ready, int restarts, State state, String reason,
			String message, Integer exitCode, Termination lastTermination) {

		public Container {
			Objects.requireNonNull(name, "name");
			Objects.requireNonNull(state, "state");
		}

	}

	/** A container's state. */
	public enum State {

		WAITING, RUNNING, TERMINATED

	}

	/**
	 * How a container instance ended.
	 *
	 * @param reason OOMKilled, Error, Completed, ...
	 * @param exitCode its exit code
	 * @param message the backend's message, or {@code null}
	 * @param finishedAt when it ended
	 */
	public record Termination(String reason, int exitCode, String message, Instant finishedAt) {

	}

	/**
	 * An event about one of the service's objects.
	 *
	 * @param type Normal or Warning
	 * @param reason FailedScheduling, BackOff, Unhealthy, Failed, Pulled, ...
	 * @param objectKind the kind of object it is about (Pod, ReplicaSet, Deployment, Job)
	 * @param objectName its name
	 * @param message the event's message
	 * @param count how many times it happened
	 * @param firstSeen when it first happened
	 * @param lastSeen when it last happened
	 */
	public record Event(String type, String reason, String objectKind, String objectName, String message, int count,
			Instant firstSeen, Instant lastSeen) {

		public boolean warning() {
			return "Warning".equals(this.type);
		}

	}

	/**
	 * A job of the service, such as a database migration run before the rollout.
	 *
	 * @param name the job's name
	 * @param purpose what it is for ({@code migration} when labelled so), or {@code null}
	 * @param status running, succeeded or failed
	 * @param reason the failure's reason (BackoffLimitExceeded, DeadlineExceeded, ...),
	 * or {@code null}
	 * @param message the failure's message, or {@code null}
	 * @param failedPods pods of the job that failed
	 * @param startedAt when it started, or {@code null}
	 * @param finishedAt when it finished, or {@code null}
	 */
	public record Job(String name, String purpose, JobStatus status, String reason, String message, int failedPods,
			Instant startedAt, Instant finishedAt) {

	}

	/** Where a job stands. */
	public enum JobStatus {

		RUNNING, SUCCEEDED, FAILED

	}

}
