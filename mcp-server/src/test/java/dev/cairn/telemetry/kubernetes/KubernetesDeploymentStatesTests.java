package dev.cairn.telemetry.kubernetes;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cairn.telemetry.DeploymentSnapshot;
import dev.cairn.telemetry.DeploymentSnapshot.Container;
import dev.cairn.telemetry.DeploymentSnapshot.JobStatus;
import dev.cairn.telemetry.DeploymentSnapshot.Phase;
import dev.cairn.telemetry.DeploymentSnapshot.State;
import dev.cairn.telemetry.ServiceTarget;

import static dev.cairn.telemetry.kubernetes.Shop.ENVOY;
import static dev.cairn.telemetry.kubernetes.Shop.NAMESPACE;
import static dev.cairn.telemetry.kubernetes.Shop.REGISTRY;
import static dev.cairn.telemetry.kubernetes.Shop.SERVICE;
import static dev.cairn.telemetry.kubernetes.Shop.available;
import static dev.cairn.telemetry.kubernetes.Shop.deployment;
import static dev.cairn.telemetry.kubernetes.Shop.deploymentStatus;
import static dev.cairn.telemetry.kubernetes.Shop.event;
import static dev.cairn.telemetry.kubernetes.Shop.healthy;
import static dev.cairn.telemetry.kubernetes.Shop.job;
import static dev.cairn.telemetry.kubernetes.Shop.jobFailed;
import static dev.cairn.telemetry.kubernetes.Shop.jobSucceeded;
import static dev.cairn.telemetry.kubernetes.Shop.pod;
import static dev.cairn.telemetry.kubernetes.Shop.podStatus;
import static dev.cairn.telemetry.kubernetes.Shop.progressing;
import static dev.cairn.telemetry.kubernetes.Shop.replicaSet;
import static dev.cairn.telemetry.kubernetes.Shop.running;
import static dev.cairn.telemetry.kubernetes.Shop.seriesEvent;
import static dev.cairn.telemetry.kubernetes.Shop.terminated;
import static dev.cairn.telemetry.kubernetes.Shop.waiting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Snapshots read from fabric8's mock API server holding the objects a cluster would hold
 * in each situation.
 */
class KubernetesDeploymentStatesTests {

	private static final String OLD_HASH = "5d8f7c9b4";

	private static final String NEW_HASH = "7c9d8b6f5";

	private static final String NEW_POD = SERVICE + "-" + NEW_HASH + "-x2x9q";

	private static final String ROLLOUT_STARTED = "2026-03-10T14:02:11Z";

	private static final String ROLLING = "ReplicaSet \"" + SERVICE + "-" + NEW_HASH + "\" is progressing.";

	private FakeCluster cluster;

	private KubernetesDeploymentStates states;

	@BeforeEach
	void start() {
		this.cluster = new FakeCluster();
		this.states = new KubernetesDeploymentStates(this.cluster.settings());
	}

	@AfterEach
	void stop() {
		this.states.close();
		this.cluster.close();
	}

	@Test
	void readsACompletedRolloutWithBothRevisionsAndOnlyTheServicesObjects() {
		Deployment deployment = this.cluster.add(deployment(3, "1.8.0", 2,
				deploymentStatus(3, 3, 3, 3, available(true, "2026-03-10T14:02:40Z"),
						progressing("True", "NewReplicaSetAvailable",
								"ReplicaSet \"checkout-api-7c9d8b6f5\" has successfully progressed.",
								"2026-03-10T14:03:05Z"))));
		ReplicaSet[] revisions = twoRevisions(deployment, "1.8.0", 0, 3);
		this.cluster.add(
				pod(revisions[1], "x2x9q", "2026-03-10T14:02:11Z", "node-2", healthy("1.8.0", "2026-03-10T14:02:13Z")),
				pod(revisions[1], "b7wqd", "2026-03-10T14:02:52Z", "node-1", healthy("1.8.0", "2026-03-10T14:02:54Z")),
				pod(revisions[1], "m4kzt", "2026-03-10T14:02:30Z", "node-3", healthy("1.8.0", "2026-03-10T14:02:32Z")));
		// Matches the selector but belongs to no revision (someone's debug pod): not the
		// service's.
		this.cluster.add(new PodBuilder().withNewMetadata()
			.withName("checkout-api-debug")
			.withNamespace(NAMESPACE)
			.withLabels(Shop.SELECTOR)
			.endMetadata()
			.withNewSpec()
			.addNewContainer()
			.withName("shell")
			.withImage("busybox:1.36")
			.endContainer()
			.endSpec()
			.build());
		otherServiceInTheSameNamespace();
		this.cluster.add(
				event("Deployment", SERVICE, "Normal", "ScalingReplicaSet",
						"Scaled up replica set checkout-api-7c9d8b6f5 to 1", 1, "2026-03-10T14:02:11Z",
						"2026-03-10T14:02:11Z", "deployment-controller"),
				event("Deployment", SERVICE, "Normal", "ScalingReplicaSet",
						"Scaled down replica set checkout-api-5d8f7c9b4 to 0 from 1", 1, "2026-03-10T14:03:05Z",
						"2026-03-10T14:03:05Z", "deployment-controller"),
				event("Pod", SERVICE + "-" + NEW_HASH + "-b7wqd", "Normal", "Started", "Started container checkout-api",
						1, "2026-03-10T14:02:54Z", "2026-03-10T14:02:54Z", "kubelet"));

		Instant now = Instant.parse("2026-03-10T15:00:00Z");
		DeploymentSnapshot snapshot;
		try (KubernetesDeploymentStates fixedClock = new KubernetesDeploymentStates(this.cluster.settings(),
				KubernetesClients.create(this.cluster.settings()), Clock.fixed(now, ZoneOffset.UTC))) {
			snapshot = fixedClock.snapshot(Shop.target()).orElseThrow();
		}

		assertThat(snapshot.name()).isEqualTo(SERVICE);
		assertThat(snapshot.namespace()).isEqualTo(NAMESPACE);
		assertThat(snapshot.observedAt()).isEqualTo(now);
		assertThat(snapshot.rollout()).isEqualTo(new DeploymentSnapshot.Rollout(Phase.COMPLETE, 3, 3, 3, 3, 0,
				"ReplicaSet \"checkout-api-7c9d8b6f5\" has successfully progressed.", Instant.parse(ROLLOUT_STARTED)));
		assertThat(snapshot.current()).isEqualTo(new DeploymentSnapshot.Revision(2, "1.8.0", REGISTRY + ":1.8.0",
				"9f3c2ab", "dana@example.com", Instant.parse(ROLLOUT_STARTED), 3));
		assertThat(snapshot.previous()).isEqualTo(new DeploymentSnapshot.Revision(1, "1.7.3", REGISTRY + ":1.7.3",
				"41d07e2", "lee@example.com", Instant.parse("2026-03-02T09:12:44Z"), 0));
		assertThat(snapshot.pods()).extracting(DeploymentSnapshot.Pod::name)
			.containsExactly(SERVICE + "-" + NEW_HASH + "-b7wqd", SERVICE + "-" + NEW_HASH + "-m4kzt", NEW_POD);
		DeploymentSnapshot.Pod newest = snapshot.pods().get(0);
		assertThat(newest.revision()).isEqualTo(2);
		assertThat(newest.phase()).isEqualTo("Running");
		assertThat(newest.ready()).isTrue();
		assertThat(newest.node()).isEqualTo("node-1");
		assertThat(newest.unschedulable()).isNull();
		assertThat(newest.createdAt()).isEqualTo(Instant.parse("2026-03-10T14:02:52Z"));
		assertThat(newest.containers())
			.extracting(Container::name, Container::image, Container::state, Container::ready, Container::restarts)
			.containsExactly(tuple("envoy", ENVOY, State.RUNNING, true, 0),
					tuple(SERVICE, REGISTRY + ":1.8.0", State.RUNNING, true, 0));
		assertThat(snapshot.events()).extracting(DeploymentSnapshot.Event::message)
			.containsExactly("Scaled down replica set checkout-api-5d8f7c9b4 to 0 from 1",
					"Started container checkout-api", "Scaled up replica set checkout-api-7c9d8b6f5 to 1");
		assertThat(snapshot.jobs()).isEmpty();
	}

	@Test
	void readsACrashLoopingNewRevisionBesideTheOldOne() {
		rollingOut("1.8.0",
				podStatus("Running", false, "2026-03-10T14:02:13Z",
						running("envoy", ENVOY, true, 0, "2026-03-10T14:02:13Z"),
						waiting(SERVICE, REGISTRY + ":1.8.0", "CrashLoopBackOff",
								"back-off 2m40s restarting failed container=checkout-api pod=" + NEW_POD
										+ "_shop(6a0f3c1e-2b7d-4e7a-9c51-0d3f8e9b1a27)",
								5, terminated("Error", 1, "2026-03-10T14:09:58Z", "2026-03-10T14:10:01Z"))));
		this.cluster.add(
				event("Pod", NEW_POD, "Normal", "Pulled",
						"Container image \"registry.example.com/shop/checkout-api:1.8.0\" already present on machine",
						6, "2026-03-10T14:02:40Z", "2026-03-10T14:09:57Z", "kubelet"),
				event("Pod", NEW_POD, "Warning", "BackOff",
						"Back-off restarting failed container checkout-api in pod " + NEW_POD
								+ "_shop(6a0f3c1e-2b7d-4e7a-9c51-0d3f8e9b1a27)",
						23, "2026-03-10T14:03:40Z", "2026-03-10T14:10:15Z", "kubelet"));

		DeploymentSnapshot snapshot = this.states.snapshot(Shop.target()).orElseThrow();

		assertThat(snapshot.rollout().phase()).isEqualTo(Phase.PROGRESSING);
		assertThat(snapshot.rollout().message()).isEqualTo(ROLLING);
		assertThat(snapshot.pods()).extracting(DeploymentSnapshot.Pod::name, DeploymentSnapshot.Pod::revision)
			.containsExactly(tuple(NEW_POD, 2), tuple(SERVICE + "-" + OLD_HASH + "-q8vnc", 1),
					tuple(SERVICE + "-" + OLD_HASH + "-h2k9d", 1), tuple(SERVICE + "-" + OLD_HASH + "-7tzlw", 1));
		DeploymentSnapshot.Pod crashing = snapshot.pods().get(0);
		assertThat(crashing.phase()).isEqualTo("Running");
		assertThat(crashing.ready()).isFalse();
		Container app = crashing.containers().get(1);
		assertThat(app.state()).isEqualTo(State.WAITING);
		assertThat(app.reason()).isEqualTo("CrashLoopBackOff");
		assertThat(app.message()).startsWith("back-off 2m40s restarting failed container=checkout-api");
		assertThat(app.restarts()).isEqualTo(5);
		assertThat(app.exitCode()).isNull();
		assertThat(app.lastTermination())
			.isEqualTo(new DeploymentSnapshot.Termination("Error", 1, null, Instant.parse("2026-03-10T14:10:01Z")));
		assertThat(crashing.containers().get(0).state()).isEqualTo(State.RUNNING);
		DeploymentSnapshot.Event backOff = snapshot.events().get(0);
		assertThat(backOff.reason()).isEqualTo("BackOff");
		assertThat(backOff.warning()).isTrue();
		assertThat(backOff.objectKind()).isEqualTo("Pod");
		assertThat(backOff.objectName()).isEqualTo(NEW_POD);
		assertThat(backOff.count()).isEqualTo(23);
		assertThat(backOff.firstSeen()).isEqualTo(Instant.parse("2026-03-10T14:03:40Z"));
		assertThat(backOff.lastSeen()).isEqualTo(Instant.parse("2026-03-10T14:10:15Z"));
		assertThat(snapshot.current().number()).isEqualTo(2);
		assertThat(snapshot.previous().replicas()).isEqualTo(3);
	}

	@Test
	void readsAnOutOfMemoryKillFromTheLastTermination() {
		rollingOut("1.8.0",
				podStatus("Running", false, "2026-03-10T14:02:13Z",
						running("envoy", ENVOY, true, 0, "2026-03-10T14:02:13Z"),
						waiting(SERVICE, REGISTRY + ":1.8.0", "CrashLoopBackOff",
								"back-off 1m20s restarting failed container=checkout-api pod=" + NEW_POD
										+ "_shop(6a0f3c1e-2b7d-4e7a-9c51-0d3f8e9b1a27)",
								3, terminated("OOMKilled", 137, "2026-03-10T14:05:02Z", "2026-03-10T14:06:47Z"))));

		Container app = this.states.snapshot(Shop.target()).orElseThrow().pods().get(0).containers().get(1);

		assertThat(app.restarts()).isEqualTo(3);
		assertThat(app.lastTermination().reason()).isEqualTo("OOMKilled");
		assertThat(app.lastTermination().exitCode()).isEqualTo(137);
		assertThat(app.lastTermination().finishedAt()).isEqualTo(Instant.parse("2026-03-10T14:06:47Z"));
	}

	@Test
	void readsAnImageThatCannotBePulledWithTheKubeletsWords() {
		String image = REGISTRY + ":1.8.1";
		String notFound = "Failed to pull image \"" + image
				+ "\": rpc error: code = NotFound desc = failed to pull and unpack image \"" + image
				+ "\": failed to resolve reference \"" + image + "\": " + image + ": not found";
		rollingOut("1.8.1", podStatus("Pending", false, "2026-03-10T14:02:13Z",
				running("envoy", ENVOY, true, 0, "2026-03-10T14:02:14Z"),
				waiting(SERVICE, image, "ImagePullBackOff", "Back-off pulling image \"" + image + "\"", 0, null)));
		this.cluster.add(
				event("Pod", NEW_POD, "Normal", "Pulling", "Pulling image \"" + image + "\"", 4, "2026-03-10T14:02:14Z",
						"2026-03-10T14:04:02Z", "kubelet"),
				event("Pod", NEW_POD, "Warning", "Failed", notFound, 4, "2026-03-10T14:02:15Z", "2026-03-10T14:04:03Z",
						"kubelet"),
				event("Pod", NEW_POD, "Warning", "Failed", "Error: ErrImagePull", 4, "2026-03-10T14:02:15Z",
						"2026-03-10T14:04:03Z", "kubelet"),
				event("Pod", NEW_POD, "Normal", "BackOff", "Back-off pulling image \"" + image + "\"", 35,
						"2026-03-10T14:02:16Z", "2026-03-10T14:10:20Z", "kubelet"),
				event("Pod", NEW_POD, "Warning", "Failed", "Error: ImagePullBackOff", 35, "2026-03-10T14:02:16Z",
						"2026-03-10T14:10:21Z", "kubelet"));

		DeploymentSnapshot snapshot = this.states.snapshot(Shop.target()).orElseThrow();

		assertThat(snapshot.current().version()).isEqualTo("1.8.1");
		assertThat(snapshot.previous().version()).isEqualTo("1.7.3");
		DeploymentSnapshot.Pod pending = snapshot.pods().get(0);
		assertThat(pending.phase()).isEqualTo("Pending");
		Container app = pending.containers().get(1);
		assertThat(app.image()).isEqualTo(image);
		assertThat(app.state()).isEqualTo(State.WAITING);
		assertThat(app.reason()).isEqualTo("ImagePullBackOff");
		assertThat(app.message()).isEqualTo("Back-off pulling image \"" + image + "\"");
		assertThat(snapshot.events()).extracting(DeploymentSnapshot.Event::message)
			.containsSequence("Error: ImagePullBackOff", "Back-off pulling image \"" + image + "\"")
			.contains(notFound);
		assertThat(snapshot.events().get(0).count()).isEqualTo(35);
	}

	@Test
	void readsAFailingReadinessProbe() {
		rollingOut("1.8.0",
				podStatus("Running", false, "2026-03-10T14:02:13Z",
						running("envoy", ENVOY, true, 0, "2026-03-10T14:02:13Z"),
						running(SERVICE, REGISTRY + ":1.8.0", false, 0, "2026-03-10T14:02:14Z")));
		this.cluster.add(event("Pod", NEW_POD, "Warning", "Unhealthy",
				"Readiness probe failed: HTTP probe failed with statuscode: 503", 40, "2026-03-10T14:02:20Z",
				"2026-03-10T14:05:35Z", "kubelet"));

		DeploymentSnapshot snapshot = this.states.snapshot(Shop.target()).orElseThrow();

		DeploymentSnapshot.Pod unready = snapshot.pods().get(0);
		assertThat(unready.ready()).isFalse();
		assertThat(unready.containers().get(1)).extracting(Container::state, Container::ready, Container::restarts)
			.containsExactly(State.RUNNING, false, 0);
		assertThat(snapshot.events()).singleElement().satisfies((event) -> {
			assertThat(event.reason()).isEqualTo("Unhealthy");
			assertThat(event.message()).isEqualTo("Readiness probe failed: HTTP probe failed with statuscode: 503");
			assertThat(event.count()).isEqualTo(40);
		});
	}

	@Test
	void readsAnUnschedulablePodAndTheSchedulersSeriesEvent() {
		String why = "0/3 nodes are available: 3 Insufficient memory. preemption: 0/3 nodes are available: "
				+ "3 No preemption victims found for incoming pod.";
		rollingOut("1.8.0",
				new PodStatusBuilder().withPhase("Pending")
					.withQosClass("Burstable")
					.withConditions(
							Shop.condition("PodScheduled", "False", "Unschedulable", why, "2026-03-10T14:02:11Z"))
					.build());
		this.cluster.add(seriesEvent("Pod", NEW_POD, "Warning", "FailedScheduling", why, "2026-03-10T14:02:11.104623Z",
				12, "2026-03-10T14:12:40.221094Z", "default-scheduler"));

		DeploymentSnapshot snapshot = this.states.snapshot(Shop.target()).orElseThrow();

		DeploymentSnapshot.Pod pending = snapshot.pods().get(0);
		assertThat(pending.phase()).isEqualTo("Pending");
		assertThat(pending.node()).isNull();
		assertThat(pending.unschedulable()).isEqualTo(why);
		assertThat(pending.containers()).extracting(Container::name, Container::state, Container::reason)
			.containsExactly(tuple("envoy", State.WAITING, null), tuple(SERVICE, State.WAITING, null));
		assertThat(pending.containers().get(1).image()).isEqualTo(REGISTRY + ":1.8.0");
		assertThat(snapshot.events()).singleElement().satisfies((event) -> {
			assertThat(event.reason()).isEqualTo("FailedScheduling");
			assertThat(event.count()).isEqualTo(12);
			assertThat(event.firstSeen()).isEqualTo(Instant.parse("2026-03-10T14:02:11.104623Z"));
			assertThat(event.lastSeen()).isEqualTo(Instant.parse("2026-03-10T14:12:40.221094Z"));
		});
	}

	@Test
	void readsAFailedMigrationJobWithItsPodsEvents() {
		Deployment deployment = this.cluster.add(deployment(3, "1.7.3", 1,
				deploymentStatus(3, 3, 3, 3, available(true, "2026-03-02T09:13:30Z"),
						progressing("True", "NewReplicaSetAvailable",
								"ReplicaSet \"checkout-api-5d8f7c9b4\" has successfully progressed.",
								"2026-03-02T09:14:02Z"))));
		this.cluster
			.add(replicaSet(deployment, 1, OLD_HASH, "1.7.3", "41d07e2", "lee@example.com", 3, "2026-03-02T09:12:44Z"));
		this.cluster.add(
				job("checkout-api-migrate-40", SERVICE, "migration", "2026-03-02T09:11:50Z",
						jobSucceeded("2026-03-02T09:11:50Z", "2026-03-02T09:12:31Z")),
				job("checkout-api-migrate-41", SERVICE, "migration", "2026-03-10T14:00:05Z",
						jobFailed("2026-03-10T14:00:05Z", "2026-03-10T14:01:48Z")),
				job("payments-api-migrate-12", "payments-api", "migration", "2026-03-10T14:00:00Z",
						jobFailed("2026-03-10T14:00:00Z", "2026-03-10T14:01:00Z")));
		this.cluster.add(
				event("Job", "checkout-api-migrate-41", "Normal", "SuccessfulCreate",
						"Created pod: checkout-api-migrate-41-7xk2p", 1, "2026-03-10T14:00:05Z", "2026-03-10T14:00:05Z",
						"job-controller"),
				event("Pod", "checkout-api-migrate-41-7xk2p", "Normal", "Started", "Started container migrate", 1,
						"2026-03-10T14:00:07Z", "2026-03-10T14:00:07Z", "kubelet"),
				event("Job", "checkout-api-migrate-41", "Warning", "BackoffLimitExceeded",
						"Job has reached the specified backoff limit", 1, "2026-03-10T14:01:48Z",
						"2026-03-10T14:01:48Z", "job-controller"),
				event("Job", "payments-api-migrate-12", "Warning", "BackoffLimitExceeded",
						"Job has reached the specified backoff limit", 1, "2026-03-10T14:01:00Z",
						"2026-03-10T14:01:00Z", "job-controller"));

		DeploymentSnapshot snapshot = this.states.snapshot(Shop.target()).orElseThrow();

		assertThat(snapshot.previous()).isNull();
		assertThat(snapshot.jobs()).containsExactly(
				new DeploymentSnapshot.Job("checkout-api-migrate-41", "migration", JobStatus.FAILED,
						"BackoffLimitExceeded", "Job has reached the specified backoff limit", 3,
						Instant.parse("2026-03-10T14:00:05Z"), Instant.parse("2026-03-10T14:01:48Z")),
				new DeploymentSnapshot.Job("checkout-api-migrate-40", "migration", JobStatus.SUCCEEDED, null, null, 0,
						Instant.parse("2026-03-02T09:11:50Z"), Instant.parse("2026-03-02T09:12:31Z")));
		assertThat(snapshot.events()).extracting(DeploymentSnapshot.Event::objectName, DeploymentSnapshot.Event::reason)
			.containsExactly(tuple("checkout-api-migrate-41", "BackoffLimitExceeded"),
					tuple("checkout-api-migrate-41-7xk2p", "Started"),
					tuple("checkout-api-migrate-41", "SuccessfulCreate"));
	}

	@Test
	void aPassedProgressDeadlineIsAFailedRollout() {
		String timedOut = "ReplicaSet \"checkout-api-7c9d8b6f5\" has timed out progressing.";
		Deployment deployment = this.cluster
			.add(deployment(3, "1.8.0", 2, deploymentStatus(4, 1, 3, 3, available(true, "2026-03-02T09:13:30Z"),
					progressing("False", "ProgressDeadlineExceeded", timedOut, "2026-03-10T14:12:11Z"))));
		twoRevisions(deployment, "1.8.0", 3, 1);

		DeploymentSnapshot.Rollout rollout = this.states.snapshot(Shop.target()).orElseThrow().rollout();

		assertThat(rollout.phase()).isEqualTo(Phase.FAILED);
		assertThat(rollout.message()).isEqualTo(timedOut);
		assertThat(rollout)
			.extracting(DeploymentSnapshot.Rollout::desired, DeploymentSnapshot.Rollout::updated,
					DeploymentSnapshot.Rollout::available, DeploymentSnapshot.Rollout::unavailable)
			.containsExactly(3, 1, 3, 1);
	}

	@Test
	void aFinishedRolloutWhoseReplicasDiedSinceStaysCompleteWithNoneAvailable() {
		// The controller keeps NewReplicaSetAvailable once a rollout finished, whatever
		// happens to its pods later; it never times such a deployment out.
		Deployment deployment = this.cluster.add(deployment(3, "1.8.0", 2,
				deploymentStatus(3, 3, 0, 0, available(false, "2026-03-10T15:40:02Z"),
						progressing("True", "NewReplicaSetAvailable",
								"ReplicaSet \"checkout-api-7c9d8b6f5\" has successfully progressed.",
								"2026-03-10T14:03:05Z"))));
		twoRevisions(deployment, "1.8.0", 0, 3);

		DeploymentSnapshot.Rollout rollout = this.states.snapshot(Shop.target()).orElseThrow().rollout();

		assertThat(rollout.phase()).isEqualTo(Phase.COMPLETE);
		assertThat(rollout)
			.extracting(DeploymentSnapshot.Rollout::desired, DeploymentSnapshot.Rollout::updated,
					DeploymentSnapshot.Rollout::available, DeploymentSnapshot.Rollout::unavailable)
			.containsExactly(3, 3, 0, 3);
	}

	@Test
	void aRolloutWhoseNewReplicasAreNotAllAvailableYetIsProgressing() {
		Deployment deployment = this.cluster
			.add(deployment(3, "1.8.0", 2, deploymentStatus(3, 3, 3, 2, available(true, "2026-03-10T14:02:40Z"),
					progressing("True", "ReplicaSetUpdated", ROLLING, ROLLOUT_STARTED))));
		twoRevisions(deployment, "1.8.0", 0, 3);

		assertThat(this.states.snapshot(Shop.target()).orElseThrow().rollout().phase()).isEqualTo(Phase.PROGRESSING);
	}

	@Test
	void pausedOrScaledToZeroIsIdle() {
		Deployment paused = deployment(3, "1.8.0", 2, deploymentStatus(3, 1, 3, 3, available(true, ROLLOUT_STARTED),
				progressing("Unknown", "DeploymentPaused", "Deployment is paused", ROLLOUT_STARTED)));
		paused.getSpec().setPaused(true);
		this.cluster.add(paused);
		this.cluster.add(new DeploymentBuilder(deployment(0, "1.8.0", 2, deploymentStatus(0, 0, 0, 0))).editMetadata()
			.withName("checkout-worker")
			.endMetadata()
			.build());

		assertThat(this.states.snapshot(Shop.target()).orElseThrow().rollout().phase()).isEqualTo(Phase.IDLE);
		assertThat(this.states
			.snapshot(new ServiceTarget("checkout-worker", "production",
					Map.of(ServiceTarget.KUBERNETES_NAMESPACE, NAMESPACE)))
			.orElseThrow()
			.rollout()
			.phase()).isEqualTo(Phase.IDLE);
	}

	@Test
	void findsTheDeploymentByTheCatalogsLabelSelectorWhenTheNameDiffers() {
		Deployment deployment = this.cluster.add(deployment(3, "1.8.0", 2, deploymentStatus(3, 3, 3, 3)));
		twoRevisions(deployment, "1.8.0", 0, 3);
		ServiceTarget target = new ServiceTarget("checkout", "production", Map.of(ServiceTarget.KUBERNETES_NAMESPACE,
				NAMESPACE, ServiceTarget.KUBERNETES_LABEL_SELECTOR, "app.kubernetes.io/name=checkout-api"));

		DeploymentSnapshot snapshot = this.states.snapshot(target).orElseThrow();

		assertThat(snapshot.name()).isEqualTo(SERVICE);
		assertThat(snapshot.current().version()).isEqualTo("1.8.0");
	}

	@Test
	void aServiceThatIsNotDeployedHasNoSnapshot() {
		otherServiceInTheSameNamespace();

		assertThat(this.states.snapshot(Shop.target())).isEmpty();
		assertThat(this.states.snapshot(new ServiceTarget(SERVICE, "production",
				Map.of(ServiceTarget.KUBERNETES_NAMESPACE, "no-such-namespace"))))
			.isEmpty();
	}

	@Test
	void keepsTheNewestPodsAndEventsWithinTheLimits() {
		this.states.close();
		this.states = new KubernetesDeploymentStates(
				this.cluster.settings().withLimits(new KubernetesSettings.Limits(4, 10, 3, 2000, 2000, 65536)));
		Deployment deployment = this.cluster.add(deployment(10, "1.8.0", 2, deploymentStatus(10, 10, 10, 10)));
		ReplicaSet[] revisions = twoRevisions(deployment, "1.8.0", 0, 10);
		for (int i = 0; i < 10; i++) {
			String created = "2026-03-10T14:02:1" + i + "Z";
			this.cluster.add(pod(revisions[1], "pod" + i, created, "node-1", healthy("1.8.0", created)));
			this.cluster.add(event("Pod", SERVICE + "-" + NEW_HASH + "-pod" + i, "Normal", "Started",
					"Started container checkout-api", 1, created, created, "kubelet"));
		}

		DeploymentSnapshot snapshot = this.states.snapshot(Shop.target()).orElseThrow();

		assertThat(snapshot.pods()).extracting(DeploymentSnapshot.Pod::name)
			.containsExactly(SERVICE + "-" + NEW_HASH + "-pod9", SERVICE + "-" + NEW_HASH + "-pod8",
					SERVICE + "-" + NEW_HASH + "-pod7", SERVICE + "-" + NEW_HASH + "-pod6");
		assertThat(snapshot.events()).extracting(DeploymentSnapshot.Event::objectName)
			.containsExactly(SERVICE + "-" + NEW_HASH + "-pod9", SERVICE + "-" + NEW_HASH + "-pod8",
					SERVICE + "-" + NEW_HASH + "-pod7");
		assertThat(snapshot.rollout().desired()).isEqualTo(10);
	}

	/**
	 * Revision 1 (1.7.3) and revision 2 (the given tag), as the deployment controller
	 * leaves them.
	 */
	private ReplicaSet[] twoRevisions(Deployment deployment, String tag, int oldReplicas, int newReplicas) {
		return new ReplicaSet[] {
				this.cluster.add(replicaSet(deployment, 1, OLD_HASH, "1.7.3", "41d07e2", "lee@example.com", oldReplicas,
						"2026-03-02T09:12:44Z")),
				this.cluster.add(replicaSet(deployment, 2, NEW_HASH, tag, "9f3c2ab", "dana@example.com", newReplicas,
						ROLLOUT_STARTED)) };
	}

	/**
	 * A rollout from 1.7.3 (three healthy pods) to the tag, whose first new pod is in the
	 * given state.
	 */
	private void rollingOut(String tag, PodStatus newPod) {
		Deployment deployment = this.cluster
			.add(deployment(3, tag, 2, deploymentStatus(4, 1, 3, 3, available(true, "2026-03-02T09:13:30Z"),
					progressing("True", "ReplicaSetUpdated", ROLLING, ROLLOUT_STARTED))));
		ReplicaSet[] revisions = twoRevisions(deployment, tag, 3, 1);
		this.cluster.add(
				pod(revisions[0], "7tzlw", "2026-03-02T09:12:44Z", "node-1", healthy("1.7.3", "2026-03-02T09:12:46Z")),
				pod(revisions[0], "h2k9d", "2026-03-02T09:12:58Z", "node-2", healthy("1.7.3", "2026-03-02T09:13:00Z")),
				pod(revisions[0], "q8vnc", "2026-03-02T09:13:15Z", "node-3", healthy("1.7.3", "2026-03-02T09:13:17Z")));
		this.cluster.add(pod(revisions[1], "x2x9q", "2026-03-10T14:02:11Z",
				"Pending".equals(newPod.getPhase()) && newPod.getContainerStatuses().isEmpty() ? null : "node-2",
				newPod));
	}

	/**
	 * payments-api: a deployment, a pod, a job and events that must not leak into
	 * checkout-api's snapshot.
	 */
	private void otherServiceInTheSameNamespace() {
		Pod payments = new PodBuilder().withNewMetadata()
			.withName("payments-api-6f7d9c8b7-zt5lp")
			.withNamespace(NAMESPACE)
			.addToLabels("app.kubernetes.io/name", "payments-api")
			.endMetadata()
			.withNewSpec()
			.addNewContainer()
			.withName("payments-api")
			.withImage("registry.example.com/shop/payments-api:3.2.0")
			.endContainer()
			.endSpec()
			.build();
		this.cluster.add(payments);
		this.cluster.add(job("payments-api-migrate-12", "payments-api", "migration", "2026-03-10T14:00:00Z",
				jobFailed("2026-03-10T14:00:00Z", "2026-03-10T14:01:00Z")));
		Event backOff = event("Pod", "payments-api-6f7d9c8b7-zt5lp", "Warning", "BackOff",
				"Back-off restarting failed container payments-api in pod payments-api-6f7d9c8b7-zt5lp_shop(1d2e)", 9,
				"2026-03-10T14:05:00Z", "2026-03-10T14:11:00Z", "kubelet");
		this.cluster.add(backOff);
	}

}
