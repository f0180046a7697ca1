package dev.cairn.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;

import dev.cairn.telemetry.DeployRecord;
import dev.cairn.telemetry.DeploymentSnapshot;
import dev.cairn.telemetry.DeploymentSnapshot.Phase;
import dev.cairn.telemetry.EnvironmentBackends;
import dev.cairn.telemetry.LogLine;
import dev.cairn.telemetry.LogQuery;
import dev.cairn.telemetry.MetricQuery;
import dev.cairn.telemetry.MetricResult;
import dev.cairn.telemetry.NamedMetric;
import dev.cairn.telemetry.ServiceTarget;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The failures a rollout does not stop: memory that hits the limit, a failed PreSync
 * migration, regressions of the error rate and the latency, each visible as a before and
 * after in the metrics and logs.
 */
class SandboxRuntimeFailuresTests {

	final Sandboxes.TestClock clock = new Sandboxes.TestClock();

	final SandboxPlatform platform = Sandboxes.platform(this.clock);

	@Test
	void oomKilledRestartsEveryNewContainerAndMemoryClimbsToTheLimitAfterTheRollout() {
		Injection injection = this.platform.inject("payment-api", "production", "oom-killed", null);
		ServiceTarget target = Sandboxes.target("payment-api", "production");
		EnvironmentBackends backends = this.platform.backends("production");
		DeploymentSnapshot snapshot = backends.deployments().snapshot(target).orElseThrow();

		assertThat(snapshot.current().commit()).isEqualTo(injection.revision().commit());
		assertThat(snapshot.pods()).hasSize(3).allSatisfy((pod) -> {
			assertThat(pod.revision()).isEqualTo(snapshot.current().number());
			DeploymentSnapshot.Container app = pod.containers().get(0);
			assertThat(app.restarts()).isGreaterThanOrEqualTo(3);
			assertThat(app.lastTermination().reason()).isEqualTo("OOMKilled");
			assertThat(app.lastTermination().exitCode()).isEqualTo(137);
			assertThat(app.state() == DeploymentSnapshot.State.RUNNING || "CrashLoopBackOff".equals(app.reason()))
				.isTrue();
		});
		Instant deployed = injection.revision().deployedAt();
		List<Double> before = values(backends, target, NamedMetric.MEMORY, deployed.minus(Duration.ofMinutes(30)),
				deployed);
		List<Double> after = values(backends, target, NamedMetric.MEMORY, deployed.plus(Duration.ofMinutes(3)),
				this.clock.instant());
		double steady = average(before);
		assertThat(before).allSatisfy((value) -> assertThat(value).isBetween(steady * 0.95, steady * 1.05));
		double limit = 512.0 * 1024 * 1024;
		assertThat(steady / 3).isLessThan(limit * 0.9);
		assertThat(after.stream().mapToDouble(Double::doubleValue).max().orElseThrow()).isGreaterThan(steady * 1.35)
			.isLessThanOrEqualTo(3 * limit);
		assertThat(drops(after)).as("a sawtooth: the kill drops the memory").isPositive();
		assertThat(values(backends, target, NamedMetric.RESTARTS, deployed.plus(Duration.ofMinutes(10)),
				this.clock.instant()))
			.anySatisfy((value) -> assertThat(value).isPositive());
	}

	@Test
	void migrationFailedStopsTheSyncAndKeepsThePreviousRevisionRunning() {
		Injection injection = this.platform.inject("order-service", "production", "migration-failed", null);
		ServiceTarget target = Sandboxes.target("order-service", "production");
		EnvironmentBackends backends = this.platform.backends("production");
		DeploymentSnapshot snapshot = backends.deployments().snapshot(target).orElseThrow();
		String version = injection.revision().version();
		String job = "order-service-migrate-" + version.replace('.', '-');

		assertThat(snapshot.jobs()).singleElement().satisfies((failed) -> {
			assertThat(failed.name()).isEqualTo(job);
			assertThat(failed.purpose()).isEqualTo("migration");
			assertThat(failed.status()).isEqualTo(DeploymentSnapshot.JobStatus.FAILED);
			assertThat(failed.reason()).isEqualTo("BackoffLimitExceeded");
			assertThat(failed.message()).isEqualTo("Job has reached the specified backoff limit");
			assertThat(failed.failedPods()).isEqualTo(3);
		});
		assertThat(snapshot.events()).anySatisfy((event) -> {
			assertThat(event.type()).isEqualTo("Warning");
			assertThat(event.reason()).isEqualTo("BackoffLimitExceeded");
			assertThat(event.objectKind()).isEqualTo("Job");
			assertThat(event.objectName()).isEqualTo(job);
		});
		assertThat(snapshot.current().version()).isNotEqualTo(version);
		assertThat(snapshot.rollout().phase()).isEqualTo(Phase.COMPLETE);
		assertThat(snapshot.pods()).hasSize(3).allSatisfy((pod) -> assertThat(pod.ready()).isTrue());

		List<LogLine> flyway = backends.logs()
			.query(new LogQuery(target, this.clock.instant().minus(Duration.ofHours(1)), this.clock.instant(), "error",
					null, null, 100, 1_000_000))
			.lines();
		assertThat(flyway).isNotEmpty().allSatisfy((line) -> {
			assertThat(line.pod()).startsWith(job + "-");
			assertThat(line.container()).isEqualTo("migrate");
		});
		assertThat(flyway).extracting(LogLine::message)
			.anySatisfy((line) -> assertThat(line).matches("ERROR: Migration V\\d+__add_\\w+_to_orders\\.sql failed"))
			.anySatisfy((line) -> assertThat(line)
				.matches("Message    : ERROR: column \"\\w+\" of relation \"orders\" already exists"));

		var status = backends.delivery().status(target).orElseThrow();
		assertThat(status.sync()).isEqualTo("OutOfSync");
		assertThat(status.operation()).isEqualTo("Failed");
		assertThat(status.operationMessage())
			.isEqualTo("one or more synchronization tasks completed unsuccessfully, reason: Job " + job
					+ " failed: BackoffLimitExceeded");
		List<DeployRecord> history = backends.delivery().history(target, 2);
		assertThat(history.get(0)).satisfies((attempt) -> {
			assertThat(attempt.version()).isEqualTo(version);
			assertThat(attempt.commit()).isEqualTo(injection.revision().commit());
			assertThat(attempt.author()).isEqualTo(injection.revision().author());
			assertThat(attempt.outcome()).isEqualTo("Failed");
		});
		assertThat(history.get(1).outcome()).isEqualTo("Succeeded");
		assertThat(history.get(1).version()).isEqualTo(snapshot.current().version());
	}

	@Test
	void errorRateRegressionFailsATenthOfRequestsAfterACompleteRollout() {
		Injection injection = this.platform.inject("payment-api", "staging", "error-rate-regression", null);
		ServiceTarget target = Sandboxes.target("payment-api", "staging");
		EnvironmentBackends backends = this.platform.backends("staging");
		Instant deployed = assertRolledOutAbout25MinutesAgo(backends, target, injection);

		double before = average(
				values(backends, target, NamedMetric.ERROR_RATE, deployed.minus(Duration.ofHours(2)), deployed));
		double after = average(values(backends, target, NamedMetric.ERROR_RATE, deployed.plus(Duration.ofMinutes(3)),
				this.clock.instant()));
		assertThat(before).isBetween(0.001, 0.008);
		assertThat(after).isBetween(0.07, 0.13);
		assertThat(errors(backends, target, deployed.minus(Duration.ofHours(2)), deployed)).isEmpty();
		assertThat(errors(backends, target, deployed, this.clock.instant())).extracting(LogLine::message)
			.anySatisfy((line) -> assertThat(line).startsWith("java.lang.NullPointerException: "))
			.anySatisfy((line) -> assertThat(line).startsWith("\tat com.acme.payment."))
			.anySatisfy((line) -> assertThat(line).contains("POST /api/payments 500"));
	}

	@Test
	void latencyRegressionSlowsTheP99AfterACompleteRolloutWithSlowQueries() {
		Injection injection = this.platform.inject("catalog-service", "production", "latency-regression", null);
		ServiceTarget target = Sandboxes.target("catalog-service", "production");
		EnvironmentBackends backends = this.platform.backends("production");
		Instant deployed = assertRolledOutAbout25MinutesAgo(backends, target, injection);

		double before = average(
				values(backends, target, NamedMetric.LATENCY_P99, deployed.minus(Duration.ofHours(2)), deployed));
		double after = average(values(backends, target, NamedMetric.LATENCY_P99, deployed.plus(Duration.ofMinutes(3)),
				this.clock.instant()));
		assertThat(before).isBetween(0.07, 0.22);
		assertThat(after).isBetween(1.4, 2.1);
		List<LogLine> slow = backends.logs()
			.query(new LogQuery(target, deployed.minus(Duration.ofHours(1)), this.clock.instant(), "warn", "Slow query",
					null, 1000, 1_000_000))
			.lines();
		assertThat(slow).isNotEmpty().allSatisfy((line) -> assertThat(line.time()).isAfter(deployed));
	}

	private Instant assertRolledOutAbout25MinutesAgo(EnvironmentBackends backends, ServiceTarget target,
			Injection injection) {
		DeploymentSnapshot snapshot = backends.deployments().snapshot(target).orElseThrow();
		Instant deployed = injection.revision().deployedAt();
		assertThat(deployed).isBetween(this.clock.instant().minus(Duration.ofMinutes(30)),
				this.clock.instant().minus(Duration.ofMinutes(23)));
		assertThat(snapshot.rollout().phase()).isEqualTo(Phase.COMPLETE);
		assertThat(snapshot.current().commit()).isEqualTo(injection.revision().commit());
		assertThat(snapshot.pods())
			.allSatisfy((pod) -> assertThat(pod.revision()).isEqualTo(snapshot.current().number()));
		assertThat(snapshot.events()).noneSatisfy((event) -> assertThat(event.warning()).isTrue());
		return deployed;
	}

	private List<LogLine> errors(EnvironmentBackends backends, ServiceTarget target, Instant from, Instant to) {
		return backends.logs().query(new LogQuery(target, from, to, "error", null, null, 200, 1_000_000)).lines();
	}

	static List<Double> values(EnvironmentBackends backends, ServiceTarget target, NamedMetric metric, Instant from,
			Instant to) {
		MetricResult result = backends.metrics()
			.query(MetricQuery.range(target, metric, from, to, Duration.ofSeconds(30)));
		return result.series().get(0).points().stream().map(MetricResult.Point::value).toList();
	}

	static double average(List<Double> values) {
		OptionalDouble average = values.stream().mapToDouble(Double::doubleValue).average();
		return average.orElseThrow();
	}

	private static int drops(List<Double> values) {
		int drops = 0;
		for (int i = 1; i < values.size(); i++) {
			drops += (values.get(i) < values.get(i - 1) * 0.8) ? 1 : 0;
		}
		return drops;
	}

}
