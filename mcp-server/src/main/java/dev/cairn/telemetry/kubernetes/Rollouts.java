package dev.cairn.telemetry.kubernetes;

import java.time.Instant;
import java.util.List;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;

import dev.cairn.telemetry.DeploymentSnapshot.Phase;
import dev.cairn.telemetry.DeploymentSnapshot.Rollout;

/**
 * A Deployment's rollout, judged the way {@code kubectl rollout status} judges it: a
 * paused or scaled-to-zero deployment is idle; a Progressing condition with reason
 * ProgressDeadlineExceeded has failed; the rollout is complete once the controller has
 * seen the latest spec and every desired replica is updated and available with no old
 * replica left; anything else is progressing.
 *
 * <p>
 * One exception to kubectl: once the deployment controller has marked the rollout done
 * (Progressing with reason NewReplicaSetAvailable), it keeps that condition when replicas
 * of the finished revision later become unavailable (they crash, get OOM-killed, fail
 * their readiness probe): it no longer times such a deployment out. kubectl then waits
 * for a rollout that will never progress; here the rollout stays complete, with fewer
 * available replicas than desired, which is what happened.
 */
final class Rollouts {

	static final String PROGRESS_DEADLINE_EXCEEDED = "ProgressDeadlineExceeded";

	static final String NEW_REPLICA_SET_AVAILABLE = "NewReplicaSetAvailable";

	private Rollouts() {
	}

	static Rollout of(Deployment deployment, Instant since) {
		DeploymentSpec spec = deployment.getSpec();
		DeploymentStatus status = (deployment.getStatus() != null) ? deployment.getStatus() : new DeploymentStatus();
		int desired = (spec != null && spec.getReplicas() != null) ? spec.getReplicas() : 1;
		int replicas = orZero(status.getReplicas());
		int updated = orZero(status.getUpdatedReplicas());
		int ready = orZero(status.getReadyReplicas());
		int available = orZero(status.getAvailableReplicas());
		int unavailable = orZero(status.getUnavailableReplicas());
		DeploymentCondition progressing = condition(status, "Progressing");
		DeploymentCondition availability = condition(status, "Available");

		Phase phase;
		if (spec != null && Boolean.TRUE.equals(spec.getPaused())) {
			phase = Phase.IDLE;
		}
		else if (progressing != null && PROGRESS_DEADLINE_EXCEEDED.equals(progressing.getReason())) {
			phase = Phase.FAILED;
		}
		else if (desired == 0) {
			phase = Phase.IDLE;
		}
		else if (seenLatestSpec(deployment) && updated >= desired && replicas <= updated
				&& (available >= updated
						|| (progressing != null && NEW_REPLICA_SET_AVAILABLE.equals(progressing.getReason())
								&& "True".equals(progressing.getStatus())))) {
			phase = Phase.COMPLETE;
		}
		else {
			phase = Phase.PROGRESSING;
		}
		return new Rollout(phase, desired, updated, ready, available, unavailable,
				message(phase, progressing, availability), since);
	}

	private static boolean seenLatestSpec(Deployment deployment) {
		Long generation = deployment.getMetadata().getGeneration();
		Long observed = (deployment.getStatus() != null) ? deployment.getStatus().getObservedGeneration() : null;
		return generation == null || observed == null || observed >= generation;
	}

	private static String message(Phase phase, DeploymentCondition progressing, DeploymentCondition availability) {
		// When the deployment lacks availability, that is the news; otherwise the
		// Progressing condition tells where the rollout stands.
		if (phase != Phase.FAILED && availability != null && "False".equals(availability.getStatus())
				&& availability.getMessage() != null) {
			return (progressing != null && progressing.getMessage() != null)
					? progressing.getMessage() + " " + availability.getMessage() : availability.getMessage();
		}
		if (progressing != null && progressing.getMessage() != null) {
			return progressing.getMessage();
		}
		return (availability != null) ? availability.getMessage() : null;
	}

	private static DeploymentCondition condition(DeploymentStatus status, String type) {
		List<DeploymentCondition> conditions = (status.getConditions() != null) ? status.getConditions() : List.of();
		for (DeploymentCondition condition : conditions) {
			if (type.equals(condition.getType())) {
				return condition;
			}
		}
		return null;
	}

	private static int orZero(Integer value) {
		return (value != null) ? value : 0;
	}

}
