package dev.cairn.telemetry;

import java.util.Optional;

/**
 * The deployment state of a service in one environment, read from the cluster (or the
 * sandbox) at one moment.
 */
public interface DeploymentStates {

	/**
	 * The service's deployment as it is now: rollout, revisions, pods with their
	 * containers, recent events and jobs.
	 * @return empty when the service is not deployed in the environment
	 * @throws BackendException when the backend cannot answer
	 */
	Optional<DeploymentSnapshot> snapshot(ServiceTarget target);

	/**
	 * The last lines a container wrote, newest first like every {@link LogPage}, as the
	 * cluster keeps them (no log store needed): the current instance, or the previous one
	 * after a restart, which is where a crash's last words are.
	 * @param previous the instance before the last restart
	 * @param maxLines at most this many lines, the newest
	 * @throws BackendException when the backend cannot answer
	 * @throws IllegalArgumentException when no such pod or container is the service's
	 */
	LogPage containerLog(ServiceTarget target, String pod, String container, boolean previous, int maxLines);

}
