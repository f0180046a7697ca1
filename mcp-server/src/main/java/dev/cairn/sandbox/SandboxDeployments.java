package dev.cairn.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.cairn.telemetry.DeploymentSnapshot;
import dev.cairn.telemetry.DeploymentStates;
import dev.cairn.telemetry.LogLine;
import dev.cairn.telemetry.LogPage;
import dev.cairn.telemetry.ServiceTarget;

/**
 * The sandbox's cluster: a service's Deployment as it stands now, and the logs the
 * cluster keeps of each container (the current instance, and the one before its last
 * restart).
 */
final class SandboxDeployments implements DeploymentStates {

	private final SandboxPlatform platform;

	SandboxDeployments(SandboxPlatform platform) {
		this.platform = platform;
	}

	@Override
	public Optional<DeploymentSnapshot> snapshot(ServiceTarget target) {
		Deployment deployment = this.platform.deployment(target);
		return (deployment != null) ? Snapshots.of(deployment, this.platform.now()) : Optional.empty();
	}

	@Override
	public LogPage containerLog(ServiceTarget target, String pod, String container, boolean previous, int maxLines) {
		if (maxLines < 1) {
			throw new IllegalArgumentException("maxLines must be at least 1, got " + maxLines);
		}
		Deployment deployment = this.platform.deployment(target);
		Instant now = this.platform.now();
		String source = SandboxPlatform.source(target.environment());
		if (deployment == null) {
			throw new IllegalArgumentException("there is no pod " + pod + ": the sandbox does not run "
					+ target.service() + " in " + target.environment());
		}
		String namespace = deployment.workload().namespace();
		String asked = "kubectl logs --namespace " + namespace + " " + pod + " --container "
				+ ((container != null && !container.isBlank()) ? container : PodLines.CONTAINER) + " --tail=" + maxLines
				+ (previous ? " --previous" : "");
		for (PodLife life : deployment.podsAt(now)) {
			if (life.name().equals(pod)) {
				requireContainer(pod, container, PodLines.CONTAINER);
				// One line more than asked: receiving it is how the cut shows.
				List<LogLine> lines = podLines(deployment, life, previous, maxLines + 1, now);
				boolean cut = lines.size() > maxLines;
				return new LogPage(cut ? lines.subList(0, maxLines) : lines, cut, asked, source);
			}
		}
		MigrationJob migration = deployment.failedMigration(now);
		if (migration != null) {
			for (MigrationJob.Attempt attempt : migration.attempts()) {
				if (attempt.pod().equals(pod) && !attempt.start().isAfter(now)) {
					requireContainer(pod, container, MigrationJob.CONTAINER);
					if (previous) {
						throw new IllegalArgumentException("previous terminated container \"" + MigrationJob.CONTAINER
								+ "\" in pod \"" + pod + "\" not found");
					}
					LogScan.Page page = LogScan.scan(List.of(LogSources.attempt(migration, attempt)), attempt.start(),
							now, 0, null, maxLines, Long.MAX_VALUE);
					return new LogPage(page.lines(), page.truncated(), asked, source);
				}
			}
		}
		throw new IllegalArgumentException("there is no pod " + pod + " in namespace " + namespace
				+ "; pods are replaced by every rollout, take a current name from the deployment's state");
	}

	private static List<LogLine> podLines(Deployment deployment, PodLife pod, boolean previous, int maxLines,
			Instant now) {
		List<Run> runs = deployment.runs(pod, now);
		Run current = Runs.at(runs, now);
		Run chosen = current;
		if (previous && current != null && current.runningAt(now)) {
			chosen = (current.index() > 0) ? runs.get(current.index() - 1) : null;
		}
		if (previous && chosen == null) {
			throw new IllegalArgumentException("previous terminated container \"" + PodLines.CONTAINER + "\" in pod \""
					+ pod.name() + "\" not found");
		}
		if (chosen == null) {
			// Waiting to start (pulling, pending): the container has written nothing.
			return List.of();
		}
		Instant end = (chosen.end() != null && chosen.end().isBefore(now)) ? chosen.end().plusMillis(1) : now;
		LogScan.Page page = LogScan.scan(List.of(LogSources.pod(new PodLines(deployment), pod, List.of(chosen))),
				chosen.start(), end, 0, null, maxLines, Long.MAX_VALUE);
		return page.lines();
	}

	private static void requireContainer(String pod, String container, String only) {
		if (container != null && !container.isBlank() && !container.equals(only)) {
			throw new IllegalArgumentException(
					"pod " + pod + " has no container " + container + "; its containers are " + only);
		}
	}

}
