package dev.cairn.diagnosis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.cairn.telemetry.DeliveryStatus;
import dev.cairn.telemetry.DeployRecord;
import dev.cairn.telemetry.DeploymentSnapshot;
import dev.cairn.telemetry.DeploymentSnapshot.JobStatus;
import dev.cairn.telemetry.DeploymentSnapshot.Phase;
import dev.cairn.telemetry.DeploymentSnapshot.Pod;
import dev.cairn.telemetry.DeploymentSnapshot.Revision;
import dev.cairn.telemetry.DeploymentSnapshot.Termination;
import dev.cairn.telemetry.LogLine;
import dev.cairn.telemetry.NamedMetric;

import static dev.cairn.diagnosis.ParityStates.NEW_COMMIT;
import static dev.cairn.diagnosis.ParityStates.NOW;
import static dev.cairn.diagnosis.ParityStates.OLD_COMMIT;
import static dev.cairn.diagnosis.ParityStates.SERVICE;
import static dev.cairn.diagnosis.ParityStates.checkout;
import static dev.cairn.diagnosis.ParityStates.deploy;
import static dev.cairn.diagnosis.ParityStates.history;
import static dev.cairn.diagnosis.ParityStates.line;
import static dev.cairn.diagnosis.ParityStates.minutesAgo;
import static dev.cairn.diagnosis.ParityStates.next;
import static dev.cairn.diagnosis.ParityStates.old;
import static dev.cairn.diagnosis.ParityStates.podName;
import static dev.cairn.diagnosis.ParityStates.rollout;
import static dev.cairn.diagnosis.ParityStates.serving;
import static dev.cairn.diagnosis.ParityStates.synced;
import static dev.cairn.diagnosis.ParityStates.waiting;
import static dev.cairn.diagnosis.ParityStates.warning;

/**
 * States read from more than the pods: error rate and latency around a completed rollout,
 * a dependency that fails, a migration that stopped a deploy, and a healthy service with
 * its vitals.
 */
final class ServiceLevelScenarios {

	private ServiceLevelScenarios() {
	}

	static ParityScenario errorRateRegression() {
		FakePlatform platform = new FakePlatform();
		Revision next = next(25, 2);
		completed(platform, next, old(0));
		Instant rolled = next.createdAt().plusSeconds(60);
		platform.curves.put(SERVICE, (metric, at) -> (metric == NamedMetric.ERROR_RATE)
				? (at.isBefore(rolled) ? 0.003 : 0.094) : (metric == NamedMetric.LATENCY_P99) ? 0.12 : 25.0);
		List<LogLine> lines = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			lines.add(line(minutesAgo(1 + 3 * i), "error", podName(next, (i % 2 == 0) ? "a1b2c" : "d3e4f"),
					"POST /api/checkout 500: java.lang.NullPointerException: Cannot invoke \"Currency.getCode()\" "
							+ "because \"price.currency\" is null"));
		}
		platform.logLines.put(SERVICE, lines);
		return new ParityScenario("error-rate-regression", platform, "NullPointerException",
				"error rate 0.3% before, 9.4% over the last 10 min");
	}

	static ParityScenario latencyRegression() {
		FakePlatform platform = new FakePlatform();
		Revision next = next(30, 2);
		completed(platform, next, old(0));
		Instant rolled = next.createdAt().plusSeconds(60);
		platform.curves.put(SERVICE, (metric, at) -> (metric == NamedMetric.LATENCY_P99)
				? (at.isBefore(rolled) ? 0.12 : 0.95) : (metric == NamedMetric.ERROR_RATE) ? 0.002 : 25.0);
		List<LogLine> lines = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			lines.add(line(minutesAgo(2 + 5 * i), "warn", podName(next, (i % 2 == 0) ? "a1b2c" : "d3e4f"),
					"slow query: SELECT * FROM cart_items WHERE cart_id = ? took 870 ms (no index on cart_id)"));
		}
		platform.logLines.put(SERVICE, lines);
		return new ParityScenario("latency-regression", platform, "slow query",
				"p99 latency 120 ms before, 950 ms over the last 10 min");
	}

	/**
	 * checkout-web itself is unchanged for days; its errors began when payment-api, on
	 * which it depends, lost every replica to a crash loop.
	 */
	static ParityScenario failingDependency() {
		FakePlatform platform = new FakePlatform();
		completed(platform, old(2), null);
		Instant broke = minutesAgo(15);
		platform.curves.put(SERVICE, (metric, at) -> (metric == NamedMetric.ERROR_RATE)
				? (at.isBefore(broke) ? 0.004 : 0.21) : (metric == NamedMetric.LATENCY_P99) ? 0.12 : 25.0);
		platform.logLines.put(SERVICE, List.of(
				line(minutesAgo(1), "error", podName(old(2), "a1b2c"),
						"upstream payment-api unavailable: 503 Service Unavailable (POST "
								+ "http://payment-api.payments.svc.cluster.local/v1/charges)"),
				line(minutesAgo(4), "error", podName(old(2), "d3e4f"), "upstream payment-api unavailable: 503 "
						+ "Service Unavailable (POST http://payment-api.payments.svc.cluster.local/v1/charges)")));
		String commit = "c3f5a7b9" + "00112233445566778899aabbccddeeff";
		Revision payments = new Revision(11, "3.2.0", "registry.acme.dev/payment-api:3.2.0", commit, "dave",
				NOW.minus(Duration.ofDays(2)), 3);
		List<Pod> pods = new ArrayList<>();
		for (String suffix : List.of("aaaaa", "bbbbb", "ccccc")) {
			pods.add(new Pod("payment-api-6c5d8e7f4-" + suffix, 11, "Running", false, "node-2", null,
					payments.createdAt().plusSeconds(5), List.of(), List.of(waiting(payments, "CrashLoopBackOff", null,
							6, new Termination("Error", 1, null, minutesAgo(1))))));
		}
		platform.snapshots.put("payment-api",
				new DeploymentSnapshot("payment-api", "payments", NOW,
						rollout(Phase.COMPLETE, 3, 3, 0, null, payments.createdAt()), payments, null, pods, List.of(),
						List.of()));
		platform.previousLogs.put("payment-api-6c5d8e7f4-aaaaa/app",
				List.of(line(minutesAgo(1).minusSeconds(1), "error", "payment-api-6c5d8e7f4-aaaaa",
						"FATAL: could not connect to payments-db:5432: connection refused")));
		platform.statuses.put("payment-api",
				new DeliveryStatus("payment-api", "Synced", "Degraded",
						"Deployment payment-api: Deployment does not have minimum availability.", commit, "Succeeded",
						"successfully synced (all tasks run)", payments.createdAt().plusSeconds(40)));
		platform.histories.put("payment-api", List.of(new DeployRecord("11", "3.2.0", commit, "dave",
				"Pool database connections", payments.createdAt(), "Succeeded")));
		return new ParityScenario("failing-dependency", platform, "upstream payment-api unavailable",
				"connection refused");
	}

	/**
	 * The pre-sync migration of 1.8.0 failed, so Argo CD stopped the deploy and 1.7.3
	 * still runs.
	 */
	static ParityScenario failedMigration() {
		FakePlatform platform = new FakePlatform();
		Revision old = old(2);
		String job = "checkout-web-migrate-8";
		Instant started = minutesAgo(12);
		Instant failed = minutesAgo(9);
		platform.snapshots.put(SERVICE, checkout(rollout(Phase.COMPLETE, 2, 2, 2, null, old.createdAt()), old, null,
				List.of(serving(old, "q8w2e"), serving(old, "z3x9c")),
				List.of(warning("BackoffLimitExceeded", "Job", job, "Job has reached the specified backoff limit", 1,
						failed)),
				List.of(new DeploymentSnapshot.Job(job, "migration", JobStatus.FAILED, "BackoffLimitExceeded",
						"Job has reached the specified backoff limit", 3, started, failed),
						new DeploymentSnapshot.Job("checkout-web-migrate-7", "migration", JobStatus.SUCCEEDED, null,
								null, 0, old.createdAt().minusSeconds(90), old.createdAt().minusSeconds(50)))));
		platform.logLines.put(SERVICE, List.of(new LogLine(failed.minusSeconds(5), "error", job + "-xk2p7", "migrate",
				"ERROR: column \"customer_ref\" of relation \"orders\" contains null values (SQLSTATE 23502)")));
		platform.statuses.put(SERVICE,
				new DeliveryStatus("checkout-web", "OutOfSync", "Healthy", null, NEW_COMMIT, "Failed",
						"one or more synchronization tasks completed unsuccessfully, reason: Job has reached the "
								+ "specified backoff limit",
						failed));
		platform.histories.put(SERVICE,
				List.of(new DeployRecord("8", "1.8.0", NEW_COMMIT, "alice",
						"Add NOT NULL constraint to orders.customer_ref", failed, "Failed"),
						deploy(old, "Tidy checkout summary", "Succeeded")));
		return new ParityScenario("failed-migration", platform, "contains null values", "BackoffLimitExceeded");
	}

	static ParityScenario healthy() {
		FakePlatform platform = new FakePlatform();
		completed(platform, old(2), null);
		platform.curves.put(SERVICE, (metric, at) -> (metric == NamedMetric.ERROR_RATE) ? 0.004
				: (metric == NamedMetric.LATENCY_P99) ? 0.12 : 25.0);
		return new ParityScenario("healthy", platform, "healthy", "1.7.3 rolled out 3 days ago", "2/2 ready",
				"error rate 0.4%", "p99 120 ms");
	}

	/**
	 * A rollout of {@code current} that completed: two ready pods, Argo CD synced and
	 * healthy.
	 */
	private static void completed(FakePlatform platform, Revision current, Revision previous) {
		platform.snapshots.put(SERVICE, checkout(rollout(Phase.COMPLETE, 2, 2, 2, null, current.createdAt()), current,
				previous, List.of(serving(current, "a1b2c"), serving(current, "d3e4f")), List.of(), List.of()));
		platform.statuses.put(SERVICE, synced(current.commit(), "Healthy", null, current.createdAt().plusSeconds(30)));
		platform.histories.put(SERVICE, current.commit().equals(OLD_COMMIT)
				? List.of(deploy(current, "Tidy checkout summary", "Succeeded")) : history(current, "Succeeded"));
	}

	static List<ParityScenario> all() {
		return List.of(PodFailureScenarios.missingConfig(), PodFailureScenarios.failedBuildExplainsImagePull(),
				errorRateRegression(), failingDependency(), healthy(), PodFailureScenarios.oomKilled(),
				PodFailureScenarios.readinessFailing(), PodFailureScenarios.unschedulable(), failedMigration(),
				latencyRegression());
	}

}
