package dev.cairn.telemetry;

import java.util.List;
import java.util.Optional;

/**
 * The delivery system that deploys the service (Argo CD, or the sandbox's GitOps
 * reconciler): what it is syncing, how healthy it finds the result, and the deploy
 * history.
 */
public interface Delivery {

	/**
	 * The application's sync and health status now.
	 * @return empty when the delivery system does not manage the service in the
	 * environment
	 * @throws BackendException when the backend cannot answer
	 */
	Optional<DeliveryStatus> status(ServiceTarget target);

	/**
	 * Past deploys, newest first.
	 * @param limit at most this many
	 * @throws BackendException when the backend cannot answer
	 */
	List<DeployRecord> history(ServiceTarget target, int limit);

}
