package dev.cairn.sandbox;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.cairn.telemetry.DeployRecord;
import dev.cairn.telemetry.DeploymentSnapshot;
import dev.cairn.telemetry.DeploymentSnapshot.Phase;
import dev.cairn.telemetry.EnvironmentBackends;
import dev.cairn.telemetry.LogQuery;
import dev.cairn.telemetry.NamedMetric;
import dev.cairn.telemetry.ServiceTarget;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox with nothing injected: every catalog component with a kubernetes-id runs,
 * rolled out, quiet, with a plausible history, the same on every start.
 */
class SandboxHealthyTests {

	final Sandboxes.TestClock clock = new Sandboxes.TestClock();

	final SandboxPlatform platform = Sandboxes.platform(this.clock);

	@Test
	void deploysEveryComponentWithAKubernetesIdAndExperimentalOnesToStagingOnly() {
		World world = this.platform.world();
		assertThat(world.servicesIn("staging")).contains("checkout-web", "payment-api", "fraud-scorer", "auth-service")
			.doesNotContain("design-system", "metrics-sdk", "recommendation-engine");
		assertThat(world.servicesIn("production")).contains("checkout-web", "payment-api")
			.doesNotContain("fraud-scorer");
		assertThat(world.servicesIn("staging")).hasSize(world.servicesIn("production").size() + 1);
		assertThat(this.platform.environments()).containsExactly("staging", "production");
	}

	@Test
	void everyHealthyDeploymentIsCompleteWithNoWarningEvents() {
		for (String environment : this.platform.environments()) {
			EnvironmentBackends backends = this.platform.backends(environment);
			for (String service : this.platform.world().servicesIn(environment)) {
				ServiceTarget target = Sandboxes.target(service, environment);
				DeploymentSnapshot snapshot = backends.deployments().snapshot(target).orElseThrow();
				int replicas = "production".equals(environment) ? 3 : 2;
				assertThat(snapshot.rollout().phase()).as(target.toString()).isEqualTo(Phase.COMPLETE);
				assertThat(snapshot.rollout().ready()).isEqualTo(replicas);
				assertThat(snapshot.rollout().message()).endsWith("has successfully progressed.");
				assertThat(snapshot.events()).noneSatisfy((event) -> assertThat(event.warning()).isTrue());
				assertThat(snapshot.jobs()).isEmpty();
				assertThat(snapshot.pods()).hasSize(replicas).allSatisfy((pod) -> {
					assertThat(pod.name()).matches(snapshot.name() + "-[b-z2-9]{10}-[b-z2-9]{5}");
					assertThat(pod.phase()).isEqualTo("Running");
					assertThat(pod.node()).endsWith(".eu-west-1.compute.internal");
					assertThat(pod.containers()).singleElement().satisfies((app) -> {
						assertThat(app.name()).isEqualTo("app");
						assertThat(app.image())
							.isEqualTo("registry.acme.dev/" + snapshot.name() + ":" + snapshot.current().version());
						assertThat(app.ready()).isTrue();
						assertThat(app.restarts()).isZero();
					});
				});
				var status = backends.delivery().status(target).orElseThrow();
				assertThat(status.sync()).isEqualTo("Synced");
				assertThat(status.health()).isEqualTo("Healthy");
				assertThat(status.revision()).isEqualTo(snapshot.current().commit());
			}
		}
	}

	@Test
	void historyIsAFewReleasesOverPastWeeksByMembersOfTheOwningTeam() {
		ServiceTarget target = Sandboxes.target("payment-api", "staging");
		List<DeployRecord> history = this.platform.backends("staging").delivery().history(target, 50);
		assertThat(history).hasSizeBetween(4, 6).allSatisfy((record) -> {
			assertThat(record.version()).matches("\\d+\\.\\d+\\.\\d+");
			assertThat(record.commit()).matches("[0-9a-f]{40}");
			assertThat(record.author()).isIn("alice", "bob", "carol");
			assertThat(record.message()).isNotBlank();
			assertThat(record.outcome()).isEqualTo("Succeeded");
			assertThat(record.deployedAt()).isBefore(Sandboxes.START.minus(Duration.ofHours(12)));
		});
		assertThat(history.get(history.size() - 1).deployedAt()).isBefore(Sandboxes.START.minus(Duration.ofDays(14)));
		for (int i = 1; i < history.size(); i++) {
			assertThat(history.get(i).deployedAt()).isBefore(history.get(i - 1).deployedAt());
			assertThat(Versions.ORDER.compare(history.get(i).version(), history.get(i - 1).version())).isNegative();
		}
		assertThat(Set.copyOf(history.stream().map(DeployRecord::message).toList())).hasSize(history.size());
		DeploymentSnapshot snapshot = this.platform.backends("staging").deployments().snapshot(target).orElseThrow();
		assertThat(snapshot.current().commit()).isEqualTo(history.get(0).commit());
		assertThat(snapshot.previous().version()).isEqualTo(history.get(1).version());
		assertThat(this.platform.backends("staging").builds().runsFor(target, history.get(2).commit())).singleElement()
			.satisfies((run) -> assertThat(run.url())
				.isEqualTo("https://github.com/acme/payment-api/actions/runs/" + run.id()));
	}

	@Test
	void metricsAreSteady() {
		ServiceTarget target = Sandboxes.target("order-service", "production");
		EnvironmentBackends backends = this.platform.backends("production");
		var from = this.clock.instant().minus(Duration.ofHours(6));
		assertThat(SandboxRuntimeFailuresTests.values(backends, target, NamedMetric.ERROR_RATE, from,
				this.clock.instant()))
			.allSatisfy((value) -> assertThat(value).isBetween(0.0014, 0.008));
		assertThat(SandboxRuntimeFailuresTests.values(backends, target, NamedMetric.LATENCY_P99, from,
				this.clock.instant()))
			.allSatisfy((value) -> assertThat(value).isBetween(0.07, 0.23));
		assertThat(SandboxRuntimeFailuresTests.values(backends, target, NamedMetric.MEMORY, from, this.clock.instant()))
			.allSatisfy((value) -> assertThat(value / 3).isLessThan(512.0 * 1024 * 1024));
		assertThat(
				SandboxRuntimeFailuresTests.values(backends, target, NamedMetric.RESTARTS, from, this.clock.instant()))
			.containsOnly(0.0);
		assertThat(SandboxRuntimeFailuresTests.values(backends, target, NamedMetric.REQUEST_RATE, from,
				this.clock.instant()))
			.allSatisfy((value) -> assertThat(value).isPositive());
	}

	@Test
	void theSameClockGivesTheSameWorld() {
		SandboxPlatform other = Sandboxes.platform(new Sandboxes.TestClock());
		ServiceTarget target = Sandboxes.target("cart-service", "production");
		this.platform.inject("cart-service", "production", "missing-config", null);
		other.inject("cart-service", "production", "missing-config", null);
		assertThat(other.backends("production").deployments().snapshot(target))
			.isEqualTo(this.platform.backends("production").deployments().snapshot(target));
		LogQuery query = new LogQuery(target, this.clock.instant().minus(Duration.ofDays(3)), this.clock.instant(),
				null, null, null, 300, 1_000_000);
		assertThat(other.backends("production").logs().query(query))
			.isEqualTo(this.platform.backends("production").logs().query(query));
	}

	@Test
	void deploysANewServiceAndANewVersion() {
		Injection fresh = this.platform.deploy("fraud-scorer-v2", "staging", "0.1.0", "c0ffee".repeat(6) + "abcd",
				"judy", "Scaffold fraud-scorer-v2");
		ServiceTarget target = Sandboxes.target("fraud-scorer-v2", "staging");
		assertThat(fresh.revision().image()).isEqualTo("registry.acme.dev/fraud-scorer-v2:0.1.0");
		this.clock.advance(Duration.ofMinutes(2));
		DeploymentSnapshot snapshot = this.platform.backends("staging").deployments().snapshot(target).orElseThrow();
		assertThat(snapshot.namespace()).isEqualTo("default");
		assertThat(snapshot.previous()).isNull();
		assertThat(snapshot.current().number()).isEqualTo(1);
		assertThat(snapshot.rollout().phase()).isEqualTo(Phase.COMPLETE);
		assertThat(this.platform.backends("staging").delivery().history(target, 10)).singleElement()
			.satisfies((record) -> assertThat(record.author()).isEqualTo("judy"));

		this.platform.deploy("payment-api", "staging", "7.0.0", "d".repeat(40), "carol", "Release 7");
		this.clock.advance(Duration.ofSeconds(10));
		DeploymentSnapshot rolling = this.platform.backends("staging")
			.deployments()
			.snapshot(Sandboxes.target("payment-api", "staging"))
			.orElseThrow();
		assertThat(rolling.current().version()).isEqualTo("7.0.0");
		assertThat(rolling.rollout().phase()).isEqualTo(Phase.PROGRESSING);
		assertThat(rolling.events())
			.anySatisfy((event) -> assertThat(event.message()).startsWith("Scaled up replica set payment-api-")
				.endsWith(" to 1 from 0"));
	}

}
