package dev.cairn.diagnosis;

import java.util.ArrayList;
import java.util.List;

import dev.cairn.telemetry.DeliveryStatus;
import dev.cairn.telemetry.DeploymentSnapshot;
import dev.cairn.telemetry.DeploymentSnapshot.Rollout;

/**
 * The rollout as a whole: stalled past its deadline, short of available replicas, still
 * under way, or reported degraded by the delivery system. These are symptoms; the other
 * analyzers look for what causes them.
 */
final class RolloutAnalyzer implements Analyzer {

	@Override
	public List<Finding> analyze(Observations seen, DeploymentSnapshot snapshot) {
		List<Finding> findings = new ArrayList<>();
		Rollout rollout = snapshot.rollout();
		String version = (snapshot.current() != null) ? snapshot.current().version() : "the new version";
		Finding.Evidence state = new Finding.Evidence("rollout", "deployment " + snapshot.name(),
				"rollout " + rollout.phase().name().toLowerCase(java.util.Locale.ROOT) + ": " + rollout.updated() + "/"
						+ rollout.desired() + " updated, " + rollout.ready() + " ready, " + rollout.available()
						+ " available" + ((rollout.message() != null) ? "; " + rollout.message() : ""),
				rollout.since());
		if (rollout.phase() == DeploymentSnapshot.Phase.FAILED) {
			findings.add(Finding.of(FindingCode.ROLLOUT_STALLED, seen.service(),
					"the rollout of " + version + " passed its progress deadline with " + rollout.updated() + " of "
							+ rollout.desired() + " replicas updated",
					List.of(state), Revisions.change(seen, snapshot.current()),
					"fix the root cause above; the old replicas keep serving until the new ones are ready"));
		}
		else if (rollout.phase() == DeploymentSnapshot.Phase.PROGRESSING) {
			findings.add(Finding.of(FindingCode.ROLLOUT_IN_PROGRESS, seen.service(),
					"the rollout of " + version + " is under way (" + rollout.updated() + "/" + rollout.desired()
							+ " updated, " + rollout.available() + " available)",
					List.of(state), Revisions.change(seen, snapshot.current()),
					"watch it with deployment_status; it fails if it does not finish within its progress deadline"));
		}
		else if (rollout.phase() == DeploymentSnapshot.Phase.COMPLETE && rollout.desired() > 0
				&& rollout.available() < rollout.desired()) {
			findings.add(Finding.of(FindingCode.REPLICAS_UNAVAILABLE, seen.service(),
					rollout.available() + " of " + rollout.desired() + " replicas are available", List.of(state), null,
					"see why the pods are not ready (deployment_status)"));
		}
		DeliveryStatus delivery = seen.delivery().orElse(null);
		if (delivery != null && ("Degraded".equals(delivery.health()) || "Missing".equals(delivery.health()))) {
			findings.add(Finding.of(FindingCode.DELIVERY_DEGRADED, seen.service(),
					"the delivery system reports " + delivery.application() + " " + delivery.health()
							+ ((delivery.healthMessage() != null) ? ": " + delivery.healthMessage() : ""),
					List.of(new Finding.Evidence("delivery", "application " + delivery.application(),
							"sync " + delivery.sync() + ", health " + delivery.health()
									+ ((delivery.healthMessage() != null) ? ": " + delivery.healthMessage() : ""),
							null)),
					null, "it clears when the root cause is fixed"));
		}
		return findings;
	}

}
