package dev.cairn.sandbox;

import java.util.ArrayList;
import java.util.List;

/**
 * The ways a sandbox deployment can fail, by the names configuration and the injection
 * tool use. Every failure but {@link #DEPENDENCY_FAILING} arrives as a new revision (the
 * change that introduced it); {@link #NONE} clears what is failing by deploying a fixed
 * revision.
 */
enum Failure {

	/** The new version reads a configuration value the environment does not have. */
	MISSING_CONFIG("missing-config", Rollout.STUCK),
	/** The new version holds more memory than its 512Mi limit allows. */
	OOM_KILLED("oom-killed", Rollout.COMPLETES),
	/** The new version's image tag was never built: its CI run failed. */
	IMAGE_PULL_UNBUILT("image-pull-unbuilt", Rollout.STUCK),
	/** The new version's readiness probe never passes. */
	READINESS_FAILING("readiness-failing", Rollout.STUCK),
	/** The new version asks for more memory than any node has free. */
	UNSCHEDULABLE("unschedulable", Rollout.STUCK),
	/** The new version's database migration (a PreSync hook Job) failed. */
	MIGRATION_FAILED("migration-failed", Rollout.NOT_APPLIED),
	/** The new version fails about a tenth of its requests. */
	ERROR_RATE_REGRESSION("error-rate-regression", Rollout.COMPLETES),
	/** The new version answers ten times slower. */
	LATENCY_REGRESSION("latency-regression", Rollout.COMPLETES),
	/** A service it depends on starts crashing, with no change of its own. */
	DEPENDENCY_FAILING("dependency-failing", Rollout.NONE),
	/** Nothing fails: what was failing is fixed. */
	NONE("none", Rollout.NONE);

	/** What a revision carrying the failure does to the Deployment's rollout. */
	enum Rollout {

		/** One surge pod of the new revision never becomes available. */
		STUCK,
		/** Every replica is replaced by the new revision. */
		COMPLETES,
		/** The new revision never reaches the cluster. */
		NOT_APPLIED,
		/** No new revision. */
		NONE

	}

	private final String wireName;

	private final Rollout rollout;

	Failure(String wireName, Rollout rollout) {
		this.wireName = wireName;
		this.rollout = rollout;
	}

	String wireName() {
		return this.wireName;
	}

	Rollout rollout() {
		return this.rollout;
	}

	/** The failure with this name, or {@code null}. */
	static Failure byWireName(String name) {
		for (Failure failure : values()) {
			if (failure.wireName.equals(name)) {
				return failure;
			}
		}
		return null;
	}

	/** Every name, in declaration order. */
	static List<String> wireNames() {
		List<String> names = new ArrayList<>();
		for (Failure failure : values()) {
			names.add(failure.wireName);
		}
		return names;
	}

}
