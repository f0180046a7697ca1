package dev.cairn.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.cairn.telemetry.DeploymentSnapshot;
import dev.cairn.telemetry.DeploymentSnapshot.Phase;
import dev.cairn.telemetry.DeploymentSnapshot.Revision;
import dev.cairn.telemetry.DeploymentSnapshot.Rollout;

/**
 * A deployment's snapshot at a moment, judged the way {@code kubectl rollout status}
 * judges a Deployment: complete once every replica runs the newest revision and is
 * available with no old pod left; failed when a rollout has made no progress for the
 * 10-minute progress deadline; progressing otherwise, with the Deployment's own condition
 * messages.
 */
final class Snapshots {

	/**
	 * How far past the moment the container runs are computed, to know the next restart.
	 */
	private static final Duration LOOKAHEAD = Duration.ofMinutes(10);

	private Snapshots() {
	}

	static Optional<DeploymentSnapshot> of(Deployment deployment, Instant now) {
		Release current = deployment.current(now);
		if (current == null) {
			return Optional.empty();
		}
		Workload workload = deployment.workload();
		List<PodLife> pods = new ArrayList<>(deployment.podsAt(now));
		pods.sort(Comparator.comparing(PodLife::createdAt).reversed().thenComparing(PodLife::name));
		Map<PodLife, List<Run>> runs = new LinkedHashMap<>();
		List<DeploymentSnapshot.Pod> states = new ArrayList<>();
		int currentRevision = deployment.revision(current);
		int updated = 0;
		int ready = 0;
		for (PodLife pod : pods) {
			List<Run> podRuns = deployment.runs(pod, now.plus(LOOKAHEAD));
			runs.put(pod, podRuns);
			DeploymentSnapshot.Pod state = ContainerStates.pod(workload, pod, podRuns, now);
			states.add(state);
			updated += (pod.revision() == currentRevision) ? 1 : 0;
			ready += state.ready() ? 1 : 0;
		}
		Rollout rollout = rollout(deployment, current, now, pods.size(), updated, ready);
		Release previous = deployment.previous(now);
		MigrationJob migration = deployment.failedMigration(now);
		return Optional.of(new DeploymentSnapshot(workload.name(), workload.namespace(), now, rollout,
				revision(deployment, current, pods), (previous != null) ? revision(deployment, previous, pods) : null,
				states, SandboxEvents.of(deployment, now, pods, runs),
				(migration != null) ? List.of(migration.at(now)) : List.of()));
	}

	private static Rollout rollout(Deployment deployment, Release current, Instant now, int total, int updated,
			int ready) {
		int desired = deployment.workload().replicas();
		String replicaSet = "ReplicaSet \"" + PodTimeline.replicaSet(deployment.workload(), current) + "\"";
		String noMinimum = (ready < desired) ? " Deployment does not have minimum availability." : "";
		Instant completed = deployment.completedAt(current);
		Phase phase;
		String message;
		if (updated >= desired && total <= updated && ready >= updated) {
			phase = Phase.COMPLETE;
			message = replicaSet + " has successfully progressed.";
		}
		else if (completed != null && !completed.isAfter(now)) {
			// Rolled out once; replicas have become unavailable since.
			phase = Phase.PROGRESSING;
			message = replicaSet + " has successfully progressed." + noMinimum;
		}
		else if (completed == null
				&& !now.isBefore(current.deployedAt().plusSeconds(1).plus(Timing.PROGRESS_DEADLINE))) {
			phase = Phase.FAILED;
			message = replicaSet + " has timed out progressing.";
		}
		else {
			phase = Phase.PROGRESSING;
			message = replicaSet + " is progressing." + noMinimum;
		}
		return new Rollout(phase, desired, updated, ready, ready, Math.max(0, Math.max(total, desired) - ready),
				message, current.deployedAt());
	}

	private static Revision revision(Deployment deployment, Release release, List<PodLife> pods) {
		int number = deployment.revision(release);
		int replicas = 0;
		for (PodLife pod : pods) {
			replicas += (pod.revision() == number) ? 1 : 0;
		}
		return new Revision(number, release.version(), deployment.workload().image(release.version()), release.commit(),
				release.author(), release.deployedAt(), replicas);
	}

}
