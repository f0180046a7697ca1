package dev.cairn.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.cairn.telemetry.DeploymentSnapshot;

/**
 * The database migration Job a release runs as an Argo CD PreSync hook, failed: Flyway
 * finds the column it adds already there, each of its three pods (a backoff limit of 2)
 * fails the same way, and the Job gives up with BackoffLimitExceeded.
 *
 * @param workload the service
 * @param release the release whose migration it is
 */
record MigrationJob(Workload workload, Release release) {

	static final int BACKOFF_LIMIT = 2;

	static final String CONTAINER = "migrate";

	String name() {
		return this.workload.name() + "-migrate-" + this.release.version().replace('.', '-');
	}

	Instant startedAt() {
		return this.release.deployedAt().plusSeconds(2);
	}

	/** Its pods, one per attempt, each failing after a few seconds. */
	List<Attempt> attempts() {
		List<Attempt> attempts = new ArrayList<>();
		Instant start = startedAt();
		for (int i = 0; i <= BACKOFF_LIMIT; i++) {
			Instant end = start.plusSeconds(6);
			attempts.add(new Attempt(name() + "-" + Seed.kubeName(Seed.of(name(), i), 5), start, end));
			start = end.plus(Timing.backOff(i + 1));
		}
		return attempts;
	}

	Instant failedAt() {
		List<Attempt> attempts = attempts();
		return attempts.get(attempts.size() - 1).end().plusSeconds(1);
	}

	DeploymentSnapshot.Job at(Instant time) {
		int failed = 0;
		for (Attempt attempt : attempts()) {
			if (!attempt.end().isAfter(time)) {
				failed++;
			}
		}
		boolean over = !failedAt().isAfter(time);
		return new DeploymentSnapshot.Job(name(), "migration",
				over ? DeploymentSnapshot.JobStatus.FAILED : DeploymentSnapshot.JobStatus.RUNNING,
				over ? "BackoffLimitExceeded" : null, over ? "Job has reached the specified backoff limit" : null,
				failed, startedAt(), over ? failedAt() : null);
	}

	/** {@code V42__add_currency_to_orders.sql}. */
	String script() {
		return "V" + number() + "__add_" + column() + "_to_" + table() + ".sql";
	}

	int number() {
		return Seed.between(Seed.of(this.workload.service(), "migration", this.release.version()), 20, 80);
	}

	String column() {
		return columnOf(this.workload);
	}

	static String columnOf(Workload workload) {
		return Seed.pick(Seed.of(workload.service(), "column"), Words.COLUMNS);
	}

	String table() {
		return Words.of(this.workload.service()).table();
	}

	/** What one attempt's {@code migrate} container writes, oldest first. */
	List<Runtime.Text> lines() {
		int number = number();
		String description = "\"" + number + " - add " + column() + " to " + table() + "\"";
		String location = "db/migration/" + script();
		return List.of(info("Flyway OSS Edition 10.21.0 by Redgate"),
				info("Database: jdbc:postgresql://" + this.workload.databaseHost() + ":5432/"
						+ Words.of(this.workload.service()).noun() + " (PostgreSQL 16.4)"),
				info("Successfully validated " + number + " migrations (execution time 00:00.041s)"),
				info("Current version of schema \"public\": " + (number - 1)),
				info("Migrating schema \"public\" to version " + description),
				error("ERROR: Migration of schema \"public\" to version " + description
						+ " failed! Changes successfully rolled back."),
				error("ERROR: Migration " + script() + " failed"), info("-----------------------------------------"),
				info("SQL State  : 42701"), info("Error Code : 0"),
				error("Message    : ERROR: column \"" + column() + "\" of relation \"" + table() + "\" already exists"),
				info("Location   : " + location + " (/flyway/sql/" + script() + ")"), info("Line       : 1"),
				info("Statement  : ALTER TABLE " + table() + " ADD COLUMN " + column() + " text"));
	}

	private static Runtime.Text info(String message) {
		return new Runtime.Text("info", message);
	}

	private static Runtime.Text error(String message) {
		return new Runtime.Text("error", message);
	}

	/**
	 * One pod of the Job.
	 *
	 * @param pod the pod's name
	 * @param start when its container started
	 * @param end when it failed
	 */
	record Attempt(String pod, Instant start, Instant end) {

	}

}
