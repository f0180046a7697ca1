package dev.cairn.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.cairn.telemetry.Delivery;
import dev.cairn.telemetry.DeliveryStatus;
import dev.cairn.telemetry.DeployRecord;
import dev.cairn.telemetry.DeploymentSnapshot;
import dev.cairn.telemetry.ServiceTarget;

/**
 * The sandbox's delivery system, in Argo CD's terms: an application
 * {@code <service>-<environment>} per deployment, Synced once a release is applied (and
 * OutOfSync when its PreSync migration failed), its health judged from the Deployment as
 * Argo CD judges one, and one history record per release.
 */
final class SandboxDelivery implements Delivery {

	private final SandboxPlatform platform;

	SandboxDelivery(SandboxPlatform platform) {
		this.platform = platform;
	}

	@Override
	public Optional<DeliveryStatus> status(ServiceTarget target) {
		Deployment deployment = this.platform.deployment(target);
		Instant now = this.platform.now();
		List<Release> releases = (deployment != null) ? deployment.releasesUntil(now) : List.of();
		Optional<DeploymentSnapshot> snapshot = (deployment != null) ? Snapshots.of(deployment, now) : Optional.empty();
		if (releases.isEmpty() || snapshot.isEmpty()) {
			return Optional.empty();
		}
		Release latest = releases.get(0);
		String application = target.service() + "-" + target.environment();
		Health health = Health.of(snapshot.get());
		if (!latest.applied()) {
			MigrationJob job = new MigrationJob(deployment.workload(), latest);
			boolean over = !job.failedAt().isAfter(now);
			return Optional.of(new DeliveryStatus(application, "OutOfSync", health.status(), health.message(),
					latest.commit(), over ? "Failed" : "Running",
					over ? "one or more synchronization tasks completed unsuccessfully, reason: Job " + job.name()
							+ " failed: BackoffLimitExceeded"
							: "waiting for completion of hook batch/Job/" + job.name(),
					over ? job.failedAt().plusSeconds(1) : null));
		}
		Instant synced = latest.deployedAt().plus(Timing.SYNC);
		boolean done = !synced.isAfter(now);
		return Optional.of(new DeliveryStatus(application, "Synced", health.status(), health.message(), latest.commit(),
				done ? "Succeeded" : "Running",
				done ? "successfully synced (all tasks run)" : "one or more tasks are running", done ? synced : null));
	}

	/**
	 * Argo CD's health of a Deployment.
	 *
	 * @param status Healthy, Progressing or Degraded
	 * @param message why, when not healthy
	 */
	record Health(String status, String message) {

		static Health of(DeploymentSnapshot snapshot) {
			DeploymentSnapshot.Rollout rollout = snapshot.rollout();
			int total = snapshot.pods().size();
			if (rollout.phase() == DeploymentSnapshot.Phase.FAILED) {
				return new Health("Degraded", "Deployment \"" + snapshot.name() + "\" exceeded its progress deadline");
			}
			if (rollout.updated() < rollout.desired()) {
				return progressing(
						rollout.updated() + " out of " + rollout.desired() + " new replicas have been updated...");
			}
			if (total > rollout.updated()) {
				return progressing((total - rollout.updated()) + " old replicas are pending termination...");
			}
			if (rollout.available() < rollout.updated()) {
				return progressing(
						rollout.available() + " of " + rollout.updated() + " updated replicas are available...");
			}
			return new Health("Healthy", null);
		}

		private static Health progressing(String message) {
			return new Health("Progressing", "Waiting for rollout to finish: " + message);
		}

	}

	@Override
	public List<DeployRecord> history(ServiceTarget target, int limit) {
		if (limit < 1) {
			throw new IllegalArgumentException("limit must be at least 1, got " + limit);
		}
		Deployment deployment = this.platform.deployment(target);
		if (deployment == null) {
			return List.of();
		}
		Instant now = this.platform.now();
		List<DeployRecord> records = new ArrayList<>();
		List<Release> all = deployment.releases();
		for (Release release : deployment.releasesUntil(now)) {
			if (records.size() >= limit) {
				break;
			}
			String outcome;
			if (!release.applied()) {
				outcome = new MigrationJob(deployment.workload(), release).failedAt().isAfter(now) ? "Running"
						: "Failed";
			}
			else {
				outcome = release.deployedAt().plus(Timing.SYNC).isAfter(now) ? "Running" : "Succeeded";
			}
			records.add(new DeployRecord(Integer.toString(all.indexOf(release) + 1), release.version(),
					release.commit(), release.author(), release.message(), release.deployedAt(), outcome));
		}
		return List.copyOf(records);
	}

}
