package dev.cairn.diagnosis;

import java.util.Locale;

/**
 * What a finding says went wrong, each with its role. Root causes come first, in the
 * order declared here: a cause that explains others is declared before them (a failed CI
 * build before the image pull it breaks, a failed migration before the rollout it stops).
 */
public enum FindingCode {

	/** The CI run for the deployed commit failed, so its image was never pushed. */
	BUILD_FAILED(Role.ROOT_CAUSE),
	/** No CI run built the deployed commit. */
	IMAGE_NOT_BUILT(Role.ROOT_CAUSE),
	/** The database migration job of the deploy failed. */
	MIGRATION_FAILED(Role.ROOT_CAUSE),
	/** The delivery system's sync failed for a reason other than a migration. */
	SYNC_FAILED(Role.ROOT_CAUSE),
	/** A container exits at start because a configuration value or secret is missing. */
	CONFIG_MISSING(Role.ROOT_CAUSE),
	/** The scheduler cannot place the new pods. */
	POD_UNSCHEDULABLE(Role.ROOT_CAUSE),
	/** The image cannot be pulled although CI built it (wrong name, no access). */
	IMAGE_PULL_FAILED(Role.ROOT_CAUSE),
	/** A container is killed for exceeding its memory limit. */
	OOM_KILLED(Role.ROOT_CAUSE),
	/** A container runs but its readiness probe fails, so it gets no traffic. */
	READINESS_PROBE_FAILING(Role.ROOT_CAUSE),
	/** A container is restarted because its liveness probe fails. */
	LIVENESS_PROBE_FAILING(Role.ROOT_CAUSE),
	/** A service this one depends on (catalog dependsOn) is failing. */
	DEPENDENCY_FAILING(Role.ROOT_CAUSE),
	/** The error rate rose when the current version rolled out. */
	ERROR_RATE_REGRESSION(Role.ROOT_CAUSE),
	/** The p99 latency rose when the current version rolled out. */
	LATENCY_REGRESSION(Role.ROOT_CAUSE),
	/** A container keeps exiting with an error. */
	CRASH_LOOP(Role.ROOT_CAUSE),
	/** Pods cannot start because their image cannot be pulled. */
	IMAGE_PULL_BACKOFF(Role.SYMPTOM),
	/** The rollout passed its progress deadline. */
	ROLLOUT_STALLED(Role.SYMPTOM),
	/** Fewer replicas are available than desired. */
	REPLICAS_UNAVAILABLE(Role.SYMPTOM),
	/** The error rate is high, not since a rollout of this service. */
	ERROR_RATE_HIGH(Role.SYMPTOM),
	/** The p99 latency is high, not since a rollout of this service. */
	LATENCY_HIGH(Role.SYMPTOM),
	/** The delivery system reports the application degraded or out of sync. */
	DELIVERY_DEGRADED(Role.SYMPTOM),
	/** A rollout is under way and has not yet passed its deadline. */
	ROLLOUT_IN_PROGRESS(Role.NOTE);

	private final Role role;

	FindingCode(Role role) {
		this.role = role;
	}

	public Role role() {
		return this.role;
	}

	/** The code as tools show it, for example {@code CONFIG_MISSING}. */
	public String wireName() {
		return name();
	}

	/** The code's words for a human: {@code config missing}. */
	public String words() {
		return name().toLowerCase(Locale.ROOT).replace('_', ' ');
	}

	/** How a finding bears on the question. */
	public enum Role {

		/** Explains the failure; fix it and the symptoms go. */
		ROOT_CAUSE,
		/** What the failure looks like from outside. */
		SYMPTOM,
		/** Worth knowing; not a failure. */
		NOTE;

		public String wireName() {
			return name().toLowerCase(Locale.ROOT).replace('_', ' ');
		}

	}

}
