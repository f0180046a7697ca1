package dev.cairn.sandbox;

import java.time.Instant;

/**
 * One pod of a Deployment over its whole life: which revision it belongs to, when it was
 * created and deleted, where it ran, and how its container behaves.
 *
 * @param name the pod's name, {@code <replica set>-<5 characters>}
 * @param uid its object id
 * @param revision the revision number of its replica set
 * @param release the release it runs
 * @param replicaSet its replica set's name
 * @param createdAt when it was created
 * @param deletedAt when it was deleted, or {@code null} while it exists
 * @param node the node it was scheduled to, or {@code null} when it never was
 * @param behavior how its container behaves
 */
record PodLife(String name, String uid, int revision, Release release, String replicaSet, Instant createdAt,
		Instant deletedAt, String node, Behavior behavior) {

	/** How a pod's container behaves, from the failure its release carries. */
	enum Behavior {

		/** Starts, becomes ready, serves. */
		SERVES,
		/** Exits at start, again and again. */
		CRASHES_ON_CONFIG,
		/** Serves until its memory reaches the limit, then is killed, again and again. */
		OOM,
		/** Runs but never passes its readiness probe. */
		UNREADY,
		/** Its image cannot be pulled. */
		PULL_FAILS,
		/** No node can take it. */
		UNSCHEDULED;

		static Behavior of(Failure failure) {
			if (failure == null) {
				return SERVES;
			}
			switch (failure) {
				case MISSING_CONFIG:
					return CRASHES_ON_CONFIG;
				case OOM_KILLED:
					return OOM;
				case READINESS_FAILING:
					return UNREADY;
				case IMAGE_PULL_UNBUILT:
					return PULL_FAILS;
				case UNSCHEDULABLE:
					return UNSCHEDULED;
				default:
					return SERVES;
			}
		}

	}

	boolean aliveAt(Instant time) {
		return !time.isBefore(this.createdAt) && (this.deletedAt == null || time.isBefore(this.deletedAt));
	}

	/** Whether the pod existed at some moment of [from, to). */
	boolean aliveDuring(Instant from, Instant to) {
		return this.createdAt.isBefore(to) && (this.deletedAt == null || this.deletedAt.isAfter(from));
	}

	/** Whether its container ever starts. */
	boolean starts() {
		return this.behavior != Behavior.PULL_FAILS && this.behavior != Behavior.UNSCHEDULED;
	}

	Instant containerStart() {
		return this.createdAt.plus(Timing.CONTAINER_START);
	}

	/** The end of its life, or the given time while it lives on. */
	Instant endOr(Instant time) {
		return (this.deletedAt != null && this.deletedAt.isBefore(time)) ? this.deletedAt : time;
	}

}
