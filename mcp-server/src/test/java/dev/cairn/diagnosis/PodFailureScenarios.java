package dev.cairn.diagnosis;

import java.util.List;

import dev.cairn.telemetry.BuildRun;
import dev.cairn.telemetry.DeliveryStatus;
import dev.cairn.telemetry.DeploymentSnapshot.Container;
import dev.cairn.telemetry.DeploymentSnapshot.Phase;
import dev.cairn.telemetry.DeploymentSnapshot.Pod;
import dev.cairn.telemetry.DeploymentSnapshot.Revision;
import dev.cairn.telemetry.DeploymentSnapshot.State;
import dev.cairn.telemetry.DeploymentSnapshot.Termination;
import dev.cairn.telemetry.LogLine;

import static dev.cairn.diagnosis.ParityStates.IMAGE;
import static dev.cairn.diagnosis.ParityStates.NEW_COMMIT;
import static dev.cairn.diagnosis.ParityStates.SERVICE;
import static dev.cairn.diagnosis.ParityStates.checkout;
import static dev.cairn.diagnosis.ParityStates.history;
import static dev.cairn.diagnosis.ParityStates.line;
import static dev.cairn.diagnosis.ParityStates.minutesAgo;
import static dev.cairn.diagnosis.ParityStates.next;
import static dev.cairn.diagnosis.ParityStates.old;
import static dev.cairn.diagnosis.ParityStates.pod;
import static dev.cairn.diagnosis.ParityStates.podName;
import static dev.cairn.diagnosis.ParityStates.rollout;
import static dev.cairn.diagnosis.ParityStates.serving;
import static dev.cairn.diagnosis.ParityStates.synced;
import static dev.cairn.diagnosis.ParityStates.unscheduled;
import static dev.cairn.diagnosis.ParityStates.waiting;
import static dev.cairn.diagnosis.ParityStates.warning;

/**
 * Rollouts of checkout-web 1.8.0 that fail on the new pods: a crashed instance's log
 * naming a missing configuration value, an image CI never built, containers killed for
 * memory, a readiness probe that fails, pods no node can take.
 */
final class PodFailureScenarios {

	private static final String TIMED_OUT = "ReplicaSet \"checkout-web-7f9c8d6b5\" has timed out progressing.";

	private PodFailureScenarios() {
	}

	static ParityScenario missingConfig() {
		FakePlatform platform = new FakePlatform();
		Revision next = next(18, 1);
		String crashing = podName(next, "x7k2p");
		Termination exited = new Termination("Error", 1, null, minutesAgo(2));
		platform.snapshots.put(SERVICE, checkout(
				rollout(Phase.FAILED, 2, 1, 2, TIMED_OUT, next.createdAt()), next, old(2), List.of(
						pod(next, "x7k2p", "Running", false,
								waiting(next, "CrashLoopBackOff",
										"back-off 5m0s restarting failed container=app pod=" + crashing, 7, exited)),
						serving(old(2), "q8w2e"), serving(old(2), "z3x9c")),
				List.of(warning("BackOff", "Pod", crashing,
						"Back-off restarting failed container app in pod " + crashing
								+ "_checkout(6c1f0e9a-3b2d-4c5e-8f7a-9b0c1d2e3f4a)",
						40, next.createdAt())),
				List.of()));
		platform.previousLogs.put(crashing + "/app", List.of(
				line(exited.finishedAt().minusSeconds(1), "error", crashing,
						"java.lang.IllegalStateException: required configuration value PAYMENT_SERVICE_URL is not set "
								+ "(expected in ConfigMap checkout-web-config)"),
				line(exited.finishedAt().minusSeconds(2), "error", crashing,
						"2026-11-21T09:58:01.120Z ERROR 1 --- [main] o.s.boot.SpringApplication : Application run failed"),
				line(exited.finishedAt().minusSeconds(6), "info", crashing,
						"2026-11-21T09:57:57.402Z  INFO 1 --- [main] d.a.c.CheckoutWebApplication : "
								+ "Starting CheckoutWebApplication v1.8.0 using Java 21.0.6")));
		platform.statuses.put(SERVICE, new DeliveryStatus("checkout-web", "Synced", "Progressing", null, NEW_COMMIT,
				"Running", "waiting for healthy state of apps/Deployment/checkout-web", null));
		platform.histories.put(SERVICE, history(next, "Running"));
		return new ParityScenario("missing-config", platform, "required configuration value PAYMENT_SERVICE_URL",
				"CrashLoopBackOff");
	}

	static ParityScenario failedBuildExplainsImagePull() {
		FakePlatform platform = new FakePlatform();
		Revision next = next(12, 1);
		String pulling = podName(next, "m4k8t");
		String image = IMAGE + ":1.8.0";
		platform.snapshots
			.put(SERVICE,
					checkout(
							rollout(Phase.PROGRESSING, 2, 1, 2, null, next.createdAt()), next, old(2), List.of(
									pod(next, "m4k8t", "Pending", false,
											waiting(next, "ImagePullBackOff",
													"Back-off pulling image \"" + image + "\"", 0, null)),
									serving(old(2), "q8w2e"), serving(old(2), "z3x9c")),
							List.of(warning("Failed", "Pod", pulling,
									"Failed to pull image \"" + image
											+ "\": rpc error: code = NotFound desc = failed to pull and "
											+ "unpack image \"" + image + "\": " + image + ": not found",
									6, next.createdAt().plusSeconds(5)),
									warning("BackOff", "Pod", pulling, "Back-off pulling image \"" + image + "\"", 44,
											next.createdAt().plusSeconds(6))),
							List.of()));
		String run = "9912034411";
		platform.runs.put(NEW_COMMIT,
				List.of(new BuildRun(run, "CI", NEW_COMMIT, "completed", "failure",
						"https://github.com/acme/checkout-web/actions/runs/" + run, next.createdAt().minusSeconds(600),
						List.of(new BuildRun.Job("27345100871", run, "test", "failure", "Run npm test"),
								new BuildRun.Job("27345100872", run, "build-and-push", "skipped", null)))));
		platform.jobLogs.put("27345100871", List.of(
				new LogLine(next.createdAt().minusSeconds(420), "error", null, null,
						"Process completed with exit code 1."),
				new LogLine(next.createdAt().minusSeconds(421), null, null, null,
						"  ✕ CartTotals › applies discount (12 ms): expected 90.00 but was 100.00"),
				new LogLine(next.createdAt().minusSeconds(422), null, null, null, "FAIL src/cart/totals.test.ts")));
		platform.statuses.put(SERVICE, synced(NEW_COMMIT, "Progressing", null, next.createdAt().plusSeconds(20)));
		platform.histories.put(SERVICE, history(next, "Succeeded"));
		return new ParityScenario("failed-build-image-pull", platform, "expected 90.00 but was 100.00",
				"workflow CI for commit b2e4f6a: failure");
	}

	/**
	 * 1.8.0 rolled out 40 minutes ago and completed; since then its containers are killed
	 * for memory, so the completed rollout has no available replica.
	 */
	static ParityScenario oomKilled() {
		FakePlatform platform = new FakePlatform();
		Revision next = next(40, 2);
		Termination killed = new Termination("OOMKilled", 137, null, minutesAgo(3));
		List<Pod> pods = List.of(
				pod(next, "k2m9q", "Running", false,
						waiting(next, "CrashLoopBackOff", "back-off 2m40s restarting failed container=app", 4, killed)),
				pod(next, "p7d3w", "Running", false, waiting(next, "CrashLoopBackOff",
						"back-off 2m40s restarting failed container=app", 4, killed)));
		platform.snapshots.put(SERVICE, checkout(
				rollout(Phase.COMPLETE, 2, 2, 0, null, next.createdAt()), next, old(0), pods, List.of(warning("BackOff",
						"Pod", pods.get(0).name(), "Back-off restarting failed container app", 12, minutesAgo(25))),
				List.of()));
		platform.statuses.put(SERVICE,
				synced(NEW_COMMIT, "Degraded",
						"Deployment checkout-web: Deployment does not have minimum availability.",
						next.createdAt().plusSeconds(30)));
		platform.histories.put(SERVICE, history(next, "Succeeded"));
		return new ParityScenario("oom-killed", platform, "OOMKilled");
	}

	static ParityScenario readinessFailing() {
		FakePlatform platform = new FakePlatform();
		Revision next = next(8, 1);
		Pod notReady = pod(next, "r5t7y", "Running", false,
				new Container("app", next.image(), false, 0, State.RUNNING, null, null, null, null));
		platform.snapshots.put(SERVICE,
				checkout(rollout(Phase.PROGRESSING, 2, 1, 2, null, next.createdAt()), next, old(2),
						List.of(notReady, serving(old(2), "q8w2e"), serving(old(2), "z3x9c")),
						List.of(warning("Unhealthy", "Pod", notReady.name(),
								"Readiness probe failed: HTTP probe failed with statuscode: 503", 45,
								next.createdAt().plusSeconds(40))),
						List.of()));
		platform.logLines.put(SERVICE,
				List.of(line(minutesAgo(1), "warn", notReady.name(),
						"Readiness state DOWN: payment gateway client not initialised (PAYMENT_GATEWAY_TIMEOUT_MS=0)"),
						line(minutesAgo(2), "info", notReady.name(), "GET /actuator/health/readiness 503"),
						line(minutesAgo(3), "info", podName(old(2), "q8w2e"), "GET /actuator/health/readiness 200")));
		platform.statuses.put(SERVICE, synced(NEW_COMMIT, "Progressing", null, next.createdAt().plusSeconds(20)));
		platform.histories.put(SERVICE, history(next, "Succeeded"));
		return new ParityScenario("readiness-failing", platform, "Readiness probe failed",
				"payment gateway client not initialised");
	}

	static ParityScenario unschedulable() {
		FakePlatform platform = new FakePlatform();
		Revision next = next(25, 1);
		String why = "0/3 nodes are available: 3 Insufficient memory. preemption: 0/3 nodes are available: "
				+ "3 No preemption victims found for incoming pod.";
		Pod pending = unscheduled(next, "h6j8k", why);
		platform.snapshots.put(SERVICE, checkout(rollout(Phase.FAILED, 2, 1, 2, TIMED_OUT, next.createdAt()), next,
				old(2), List.of(pending, serving(old(2), "q8w2e"), serving(old(2), "z3x9c")),
				List.of(warning("FailedScheduling", "Pod", pending.name(), why, 14, next.createdAt())), List.of()));
		platform.statuses.put(SERVICE,
				synced(NEW_COMMIT, "Degraded",
						"Deployment checkout-web: Deployment \"checkout-web\" exceeded its progress deadline",
						next.createdAt().plusSeconds(20)));
		platform.histories.put(SERVICE, history(next, "Succeeded"));
		return new ParityScenario("unschedulable", platform, "Insufficient memory");
	}

}
