package dev.cairn.sandbox;

import java.time.Instant;

/**
 * A dependency that fails at runtime, with no change of its own: its pods crash because
 * the database they need refuses connections.
 *
 * @param dependency the failing service, where it runs
 * @param environment the environment
 * @param cause the service the failure was injected on, whose calls to the dependency
 * fail
 * @param since when the dependency started failing
 * @param until when it recovered, or {@code null} while it still fails
 */
record Outage(Workload.Peer dependency, String environment, String cause, Instant since, Instant until) {

	boolean covers(Instant time) {
		return !time.isBefore(this.since) && (this.until == null || time.isBefore(this.until));
	}

	boolean ongoingAt(Instant time) {
		return !this.since.isAfter(time) && (this.until == null || this.until.isAfter(time));
	}

	Outage endedAt(Instant time) {
		return new Outage(this.dependency, this.environment, this.cause, this.since, time);
	}

}
