package dev.cairn.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.cairn.telemetry.DeploymentSnapshot;
import dev.cairn.telemetry.DeploymentSnapshot.Phase;
import dev.cairn.telemetry.EnvironmentBackends;
import dev.cairn.telemetry.LogLine;
import dev.cairn.telemetry.LogQuery;
import dev.cairn.telemetry.NamedMetric;
import dev.cairn.telemetry.ServiceTarget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A dependency failing at runtime with no new revision, and {@code none}: the fixed
 * revision a team deploys, and dependencies coming back.
 */
class SandboxDependencyAndFixTests {

	final Sandboxes.TestClock clock = new Sandboxes.TestClock();

	final SandboxPlatform platform = Sandboxes.platform(this.clock);

	final EnvironmentBackends production = this.platform.backends("production");

	final ServiceTarget checkout = Sandboxes.target("checkout-web", "production");

	final ServiceTarget auth = Sandboxes.target("auth-service", "production");

	@Test
	void theFirstDeployedDependencyCrashLoopsOnItsDatabaseAndTheServiceErrsWithoutANewRevision() {
		DeploymentSnapshot.Revision checkoutBefore = snapshot(this.checkout).current();
		DeploymentSnapshot.Revision authBefore = snapshot(this.auth).current();
		Injection injection = this.platform.inject("checkout-web", "production", "dependency-failing", null);
		Instant since = injection.since();

		// The catalog's relations list dependsOn targets by ref: auth-service first.
		assertThat(injection.dependency()).isEqualTo("auth-service");
		assertThat(injection.revision()).isNull();
		assertThat(since).isBetween(this.clock.instant().minus(Duration.ofMinutes(17)),
				this.clock.instant().minus(Duration.ofMinutes(13)));
		DeploymentSnapshot failing = snapshot(this.auth);
		assertThat(failing.current()).isEqualTo(authBefore);
		assertThat(failing.pods()).hasSize(3).allSatisfy((pod) -> {
			assertThat(pod.ready()).isFalse();
			DeploymentSnapshot.Container app = pod.containers().get(0);
			assertThat(app.restarts()).isPositive();
			assertThat(app.lastTermination().reason()).isEqualTo("Error");
			assertThat(app.lastTermination().exitCode()).isEqualTo(1);
		});
		assertThat(failing.pods())
			.anySatisfy((pod) -> assertThat(pod.containers().get(0).reason()).isEqualTo("CrashLoopBackOff"));
		String pod = failing.pods().get(0).name();
		assertThat(this.production.deployments().containerLog(this.auth, pod, "app", true, 5).lines())
			.extracting(LogLine::message)
			.contains("FATAL: could not connect to auth-db:5432: connection refused");
		assertThat(this.production.delivery().status(this.auth).orElseThrow().healthMessage())
			.isEqualTo("Waiting for rollout to finish: 0 of 3 updated replicas are available...");

		assertThat(snapshot(this.checkout).current()).isEqualTo(checkoutBefore);
		assertThat(snapshot(this.checkout).rollout().phase()).isEqualTo(Phase.COMPLETE);
		double before = SandboxRuntimeFailuresTests.average(SandboxRuntimeFailuresTests.values(this.production,
				this.checkout, NamedMetric.ERROR_RATE, since.minus(Duration.ofHours(1)), since));
		double after = SandboxRuntimeFailuresTests.average(SandboxRuntimeFailuresTests.values(this.production,
				this.checkout, NamedMetric.ERROR_RATE, since.plusSeconds(30), this.clock.instant()));
		assertThat(before).isLessThan(0.01);
		assertThat(after).isGreaterThan(0.1);
		List<LogLine> errors = this.production.logs()
			.query(new LogQuery(this.checkout, since.minus(Duration.ofHours(1)), this.clock.instant(), "error",
					"upstream", null, 100, 1_000_000))
			.lines();
		assertThat(errors).isNotEmpty()
			.allSatisfy((line) -> assertThat(line.time()).isAfterOrEqualTo(since))
			.allSatisfy((line) -> assertThat(line.message()).contains(
					"upstream auth-service unavailable: 503 Service Unavailable (POST http://auth-service.identity.svc.cluster.local/"));
	}

	@Test
	void aNamedDependencyFailsInstead() {
		Injection injection = this.platform.inject("checkout-web", "production", "dependency-failing", "payment-api");
		assertThat(injection.dependency()).isEqualTo("payment-api");
		ServiceTarget payment = Sandboxes.target("payment-api", "production");
		String pod = snapshot(payment).pods().get(0).name();
		assertThat(this.production.deployments().containerLog(payment, pod, "app", true, 5).lines())
			.extracting(LogLine::message)
			.contains("FATAL: could not connect to payments-db:5432: connection refused");
		assertThatExceptionOfType(InvalidChange.class)
			.isThrownBy(() -> this.platform.inject("checkout-web", "production", "dependency-failing", "nope"))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("dependency"))
			.withMessageContaining("checkout-web depends on auth-service, cart-service, order-service");
	}

	@Test
	void noneDeploysARevertThatRollsOutHealthy() {
		Injection broken = this.platform.inject("checkout-web", "production", "missing-config", null);
		Injection fixed = this.platform.inject("checkout-web", "production", "none", null);

		assertThat(fixed.failure()).isEqualTo("none");
		assertThat(fixed.revision().version()).isEqualTo(Versions.nextPatch(broken.revision().version()));
		assertThat(fixed.revision().message()).isEqualTo("Revert \"" + broken.revision().message() + "\"");
		assertThat(fixed.revision().deployedAt()).isEqualTo(this.clock.instant());
		this.clock.advance(Duration.ofMinutes(5));
		DeploymentSnapshot snapshot = snapshot(this.checkout);
		assertThat(snapshot.rollout().phase()).isEqualTo(Phase.COMPLETE);
		assertThat(snapshot.current().version()).isEqualTo(fixed.revision().version());
		assertThat(snapshot.pods()).hasSize(3).allSatisfy((pod) -> assertThat(pod.ready()).isTrue());
		assertThat(this.production.delivery().status(this.checkout).orElseThrow().health()).isEqualTo("Healthy");
	}

	@Test
	void noneBringsAFailingDependencyBack() {
		this.platform.inject("checkout-web", "production", "dependency-failing", null);
		Injection fixed = this.platform.inject("checkout-web", "production", "none", null);
		assertThat(fixed.dependency()).isEqualTo("auth-service");
		assertThat(fixed.revision()).isNull();
		this.clock.advance(Duration.ofMinutes(10));
		assertThat(snapshot(this.auth).pods()).allSatisfy((pod) -> assertThat(pod.ready()).isTrue());
		assertThat(snapshot(this.auth).rollout().phase()).isEqualTo(Phase.COMPLETE);
		assertThat(SandboxRuntimeFailuresTests
			.average(SandboxRuntimeFailuresTests.values(this.production, this.checkout, NamedMetric.ERROR_RATE,
					this.clock.instant().minus(Duration.ofMinutes(5)), this.clock.instant())))
			.isLessThan(0.01);
	}

	@Test
	void injectingIsIdempotentAndNoneOnAHealthyServiceChangesNothing() {
		Injection first = this.platform.inject("cart-service", "staging", "oom-killed", null);
		Injection again = this.platform.inject("cart-service", "staging", "oom-killed", null);
		assertThat(again.revision()).isEqualTo(first.revision());
		assertThat(again.summary()).contains("already fails with oom-killed");
		int records = this.platform.backends("staging")
			.delivery()
			.history(Sandboxes.target("cart-service", "staging"), 50)
			.size();
		Injection none = this.platform.inject("pricing-service", "staging", "none", null);
		assertThat(none.revision()).isNull();
		assertThat(none.summary()).isEqualTo("pricing-service in staging has nothing failing; nothing changed.");
		assertThat(
				this.platform.backends("staging").delivery().history(Sandboxes.target("cart-service", "staging"), 50))
			.hasSize(records);
	}

	private DeploymentSnapshot snapshot(ServiceTarget target) {
		return this.platform.backends(target.environment()).deployments().snapshot(target).orElseThrow();
	}

}
