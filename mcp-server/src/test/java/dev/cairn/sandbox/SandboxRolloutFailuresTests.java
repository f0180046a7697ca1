package dev.cairn.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.cairn.telemetry.BuildRun;
import dev.cairn.telemetry.DeploymentSnapshot;
import dev.cairn.telemetry.DeploymentSnapshot.Container;
import dev.cairn.telemetry.DeploymentSnapshot.Phase;
import dev.cairn.telemetry.DeploymentSnapshot.State;
import dev.cairn.telemetry.EnvironmentBackends;
import dev.cairn.telemetry.LogLine;
import dev.cairn.telemetry.LogQuery;
import dev.cairn.telemetry.ServiceTarget;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The failures whose new revision never becomes available: the new pod fails the way
 * Kubernetes shows it, the previous revision's pods keep serving, and the rollout fails
 * at the progress deadline.
 */
class SandboxRolloutFailuresTests {

	final Sandboxes.TestClock clock = new Sandboxes.TestClock();

	final SandboxPlatform platform = Sandboxes.platform(this.clock);

	@Test
	void missingConfigCrashLoopsTheNewPodWithTheMissingKeyInItsLastWords() {
		Injection injection = this.platform.inject("checkout-web", "staging", "missing-config", null);
		ServiceTarget target = Sandboxes.target("checkout-web", "staging");
		EnvironmentBackends backends = this.platform.backends("staging");
		DeploymentSnapshot snapshot = backends.deployments().snapshot(target).orElseThrow();

		assertIntroducedBy(snapshot, injection);
		DeploymentSnapshot.Pod pod = onlyNewPod(snapshot);
		Container app = pod.containers().get(0);
		assertThat(app.name()).isEqualTo("app");
		assertThat(app.state()).isEqualTo(State.WAITING);
		assertThat(app.reason()).isEqualTo("CrashLoopBackOff");
		assertThat(app.message())
			.startsWith("back-off 5m0s restarting failed container=app pod=" + pod.name() + "_checkout(");
		assertThat(app.restarts()).isGreaterThanOrEqualTo(5);
		assertThat(app.lastTermination().reason()).isEqualTo("Error");
		assertThat(app.lastTermination().exitCode()).isEqualTo(1);
		assertPreviousServes(snapshot, 2);
		assertFailedAtDeadline(snapshot, pod);
		assertThat(snapshot.events()).anySatisfy((event) -> {
			assertThat(event.type()).isEqualTo("Warning");
			assertThat(event.reason()).isEqualTo("BackOff");
			assertThat(event.objectKind()).isEqualTo("Pod");
			assertThat(event.message())
				.startsWith("Back-off restarting failed container app in pod " + pod.name() + "_checkout(");
		});

		String missing = "required configuration value AUTH_SERVICE_URL is not set (expected in ConfigMap checkout-web-config)";
		List<LogLine> last = backends.deployments().containerLog(target, pod.name(), "app", true, 5).lines();
		assertThat(last).extracting(LogLine::message).anySatisfy((line) -> assertThat(line).contains(missing));
		assertThat(last.get(last.size() - 1).time()).isBefore(last.get(0).time());
		List<LogLine> stored = backends.logs()
			.query(new LogQuery(target, this.clock.instant().minus(Duration.ofHours(1)), this.clock.instant(), "error",
					"is not set", null, 500, 1_000_000))
			.lines();
		assertThat(stored).hasSizeGreaterThanOrEqualTo(app.restarts())
			.allSatisfy((line) -> assertThat(line.message()).contains(missing))
			.allSatisfy((line) -> assertThat(line.pod()).isEqualTo(pod.name()));

		var delivery = backends.delivery().status(target).orElseThrow();
		assertThat(delivery.application()).isEqualTo("checkout-web-staging");
		assertThat(delivery.sync()).isEqualTo("Synced");
		assertThat(delivery.health()).isEqualTo("Degraded");
		assertThat(delivery.healthMessage()).isEqualTo("Deployment \"checkout-web\" exceeded its progress deadline");
		assertThat(delivery.revision()).isEqualTo(injection.revision().commit());
	}

	@Test
	void aStalledRolloutProgressesUntilTheDeadlineThenFails() {
		this.platform.deploy("cart-service", "production", "9.0.0", "ab".repeat(20), "erin", "Read the flag",
				"missing-config");
		ServiceTarget target = Sandboxes.target("cart-service", "production");
		this.clock.advance(Duration.ofMinutes(5));
		DeploymentSnapshot early = this.platform.backends("production").deployments().snapshot(target).orElseThrow();
		assertThat(early.rollout().phase()).isEqualTo(Phase.PROGRESSING);
		assertThat(early.rollout().message()).endsWith("is progressing.");
		assertThat(this.platform.backends("production").delivery().status(target).orElseThrow().healthMessage())
			.isEqualTo("Waiting for rollout to finish: 1 out of 3 new replicas have been updated...");
		this.clock.advance(Duration.ofMinutes(6));
		DeploymentSnapshot late = this.platform.backends("production").deployments().snapshot(target).orElseThrow();
		assertThat(late.rollout().phase()).isEqualTo(Phase.FAILED);
	}

	@Test
	void imagePullUnbuiltFollowsAFailedCiRunThatNeverPushedTheTag() {
		Injection injection = this.platform.inject("payment-api", "production", "image-pull-unbuilt", null);
		ServiceTarget target = Sandboxes.target("payment-api", "production");
		EnvironmentBackends backends = this.platform.backends("production");
		DeploymentSnapshot snapshot = backends.deployments().snapshot(target).orElseThrow();
		String image = "registry.acme.dev/payment-api:" + injection.revision().version();

		assertIntroducedBy(snapshot, injection);
		DeploymentSnapshot.Pod pod = onlyNewPod(snapshot);
		Container app = pod.containers().get(0);
		assertThat(app.state()).isEqualTo(State.WAITING);
		assertThat(app.reason()).isEqualTo("ImagePullBackOff");
		assertThat(app.message()).isEqualTo("Back-off pulling image \"" + image + "\"");
		assertThat(pod.phase()).isEqualTo("Pending");
		assertPreviousServes(snapshot, 3);
		assertFailedAtDeadline(snapshot, pod);
		assertThat(snapshot.events()).filteredOn((event) -> event.objectName().equals(pod.name()))
			.extracting(DeploymentSnapshot.Event::type, DeploymentSnapshot.Event::reason,
					DeploymentSnapshot.Event::message)
			.contains(
					org.assertj.core.groups.Tuple.tuple("Warning", "Failed",
							"Failed to pull image \"" + image
									+ "\": rpc error: code = NotFound desc = failed to pull and unpack image \"" + image
									+ "\": failed to resolve reference \"" + image + "\": " + image + ": not found"),
					org.assertj.core.groups.Tuple.tuple("Warning", "Failed", "Error: ImagePullBackOff"),
					org.assertj.core.groups.Tuple.tuple("Normal", "BackOff",
							"Back-off pulling image \"" + image + "\""));

		List<BuildRun> runs = backends.builds().runsFor(target, injection.revision().commit());
		assertThat(runs).singleElement().satisfies((run) -> {
			assertThat(run.workflow()).isEqualTo("ci");
			assertThat(run.conclusion()).isEqualTo("failure");
			assertThat(run.failed()).isTrue();
			assertThat(run.startedAt()).isBefore(injection.revision().deployedAt());
			assertThat(run.jobs()).extracting(BuildRun.Job::name, BuildRun.Job::conclusion, BuildRun.Job::failedStep)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("test", "failure", "Run tests"),
						org.assertj.core.groups.Tuple.tuple("build-and-push", "skipped", null));
		});
		var log = backends.builds().jobLog(target, runs.get(0).jobs().get(0), 50);
		assertThat(log.lines()).extracting(LogLine::message)
			.anySatisfy((line) -> assertThat(line).contains("roundsToMinorUnits").contains("FAILURE"));
		assertThat(log.lines().get(0).message()).isEqualTo("##[error]Process completed with exit code 1.");
		assertThat(log.lines().get(0).time()).isAfter(log.lines().get(log.lines().size() - 1).time());
		assertThat(backends.builds().runsFor(target, snapshot.previous().commit())).singleElement()
			.satisfies((run) -> assertThat(run.conclusion()).isEqualTo("success"));
	}

	@Test
	void readinessFailingKeepsTheNewPodRunningButNeverReady() {
		Injection injection = this.platform.inject("order-service", "production", "readiness-failing", null);
		ServiceTarget target = Sandboxes.target("order-service", "production");
		EnvironmentBackends backends = this.platform.backends("production");
		DeploymentSnapshot snapshot = backends.deployments().snapshot(target).orElseThrow();

		assertIntroducedBy(snapshot, injection);
		DeploymentSnapshot.Pod pod = onlyNewPod(snapshot);
		Container app = pod.containers().get(0);
		assertThat(app.state()).isEqualTo(State.RUNNING);
		assertThat(app.ready()).isFalse();
		assertThat(app.restarts()).isZero();
		assertPreviousServes(snapshot, 3);
		assertFailedAtDeadline(snapshot, pod);
		DeploymentSnapshot.Event unhealthy = unhealthy(snapshot, pod.name());
		assertThat(unhealthy.type()).isEqualTo("Warning");
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(unhealthy(backends.deployments().snapshot(target).orElseThrow(), pod.name()).count())
			.isEqualTo(unhealthy.count() + 6);
		assertThat(backends.deployments().containerLog(target, pod.name(), null, false, 3).lines())
			.allSatisfy((line) -> assertThat(line.level()).isEqualTo("warn"))
			.allSatisfy((line) -> assertThat(line.message()).contains("readiness group is DOWN")
				.contains("returned 404 Not Found")
				.contains(injection.revision().version()));
	}

	@Test
	void unschedulableLeavesTheNewPodPendingWithTheSchedulersWords() {
		Injection injection = this.platform.inject("search-service", "staging", "unschedulable", null);
		ServiceTarget target = Sandboxes.target("search-service", "staging");
		DeploymentSnapshot snapshot = this.platform.backends("staging").deployments().snapshot(target).orElseThrow();
		String words = "0/6 nodes are available: 6 Insufficient memory. preemption: 0/6 nodes are available: "
				+ "6 No preemption victims found for incoming pod.";

		assertIntroducedBy(snapshot, injection);
		DeploymentSnapshot.Pod pod = onlyNewPod(snapshot);
		assertThat(pod.phase()).isEqualTo("Pending");
		assertThat(pod.node()).isNull();
		assertThat(pod.unschedulable()).isEqualTo(words);
		assertPreviousServes(snapshot, 2);
		assertFailedAtDeadline(snapshot, pod);
		assertThat(snapshot.events()).anySatisfy((event) -> {
			assertThat(event.type()).isEqualTo("Warning");
			assertThat(event.reason()).isEqualTo("FailedScheduling");
			assertThat(event.objectName()).isEqualTo(pod.name());
			assertThat(event.message()).isEqualTo(words);
		});
		assertThat(injection.revision().message()).contains("memory request");
	}

	private DeploymentSnapshot.Event unhealthy(DeploymentSnapshot snapshot, String pod) {
		return snapshot.events()
			.stream()
			.filter((event) -> event.reason().equals("Unhealthy") && event.objectName().equals(pod)
					&& event.message().equals("Readiness probe failed: HTTP probe failed with statuscode: 503"))
			.findFirst()
			.orElseThrow();
	}

	/** The current revision is the injected one, deployed 15 to 40 minutes ago. */
	private void assertIntroducedBy(DeploymentSnapshot snapshot, Injection injection) {
		Instant now = this.clock.instant();
		assertThat(snapshot.current().version()).isEqualTo(injection.revision().version());
		assertThat(snapshot.current().commit()).isEqualTo(injection.revision().commit()).matches("[0-9a-f]{40}");
		assertThat(snapshot.current().author()).isEqualTo(injection.revision().author());
		assertThat(snapshot.current().createdAt()).isEqualTo(injection.revision().deployedAt())
			.isBetween(now.minus(Duration.ofMinutes(41)), now.minus(Duration.ofMinutes(15)));
		assertThat(snapshot.current().number()).isEqualTo(snapshot.previous().number() + 1);
		assertThat(snapshot.current().image()).endsWith(":" + injection.revision().version());
	}

	private static DeploymentSnapshot.Pod onlyNewPod(DeploymentSnapshot snapshot) {
		return snapshot.pods()
			.stream()
			.filter((pod) -> pod.revision() == snapshot.current().number())
			.reduce((a, b) -> {
				throw new AssertionError("more than one new pod: " + a.name() + ", " + b.name());
			})
			.orElseThrow();
	}

	private static void assertPreviousServes(DeploymentSnapshot snapshot, int replicas) {
		assertThat(snapshot.previous().replicas()).isEqualTo(replicas);
		assertThat(snapshot.pods()).filteredOn((pod) -> pod.revision() == snapshot.previous().number())
			.hasSize(replicas)
			.allSatisfy((pod) -> {
				assertThat(pod.ready()).isTrue();
				assertThat(pod.containers().get(0).state()).isEqualTo(State.RUNNING);
			});
		assertThat(snapshot.rollout().desired()).isEqualTo(replicas);
		assertThat(snapshot.rollout().updated()).isEqualTo(1);
		assertThat(snapshot.rollout().available()).isEqualTo(replicas);
	}

	private static void assertFailedAtDeadline(DeploymentSnapshot snapshot, DeploymentSnapshot.Pod pod) {
		String replicaSet = pod.name().substring(0, pod.name().lastIndexOf('-'));
		assertThat(snapshot.rollout().phase()).isEqualTo(Phase.FAILED);
		assertThat(snapshot.rollout().message())
			.isEqualTo("ReplicaSet \"" + replicaSet + "\" has timed out progressing.");
	}

}
