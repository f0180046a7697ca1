package dev.cairn.sandbox;

import java.time.Instant;

/**
 * One instance of a pod's {@code app} container, from its start to its end.
 *
 * @param index 0 for the first instance, then one more per restart
 * @param start when it started
 * @param end when it ended, or {@code null} while it runs (or until the pod is deleted)
 * @param serves whether it becomes ready and takes traffic
 * @param ending how it ended
 */
record Run(int index, Instant start, Instant end, boolean serves, Ending ending) {

	/** How a container instance ends. */
	enum Ending {

		/** It has not ended. */
		NONE("Completed", 0),
		/** It exited at start: a required configuration value is missing. */
		CONFIG("Error", 1),
		/** It exited: its database refused the connection. */
		DATABASE("Error", 1),
		/** The kernel killed it at the memory limit. */
		OOM("OOMKilled", 137);

		private final String reason;

		private final int exitCode;

		Ending(String reason, int exitCode) {
			this.reason = reason;
			this.exitCode = exitCode;
		}

		String reason() {
			return this.reason;
		}

		int exitCode() {
			return this.exitCode;
		}

	}

	boolean runningAt(Instant time) {
		return !time.isBefore(this.start) && (this.end == null || time.isBefore(this.end));
	}

}
