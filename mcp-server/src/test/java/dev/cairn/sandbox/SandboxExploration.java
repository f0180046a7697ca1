package dev.cairn.sandbox;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.cairn.telemetry.EnvironmentBackends;
import dev.cairn.telemetry.LogQuery;
import dev.cairn.telemetry.MetricQuery;
import dev.cairn.telemetry.NamedMetric;
import dev.cairn.telemetry.ServiceTarget;

class SandboxExploration {

	@Test
	void dump() {
		Sandboxes.TestClock clock = new Sandboxes.TestClock();
		SandboxPlatform platform = Sandboxes.platform(clock);
		String service = System.getProperty("svc", "checkout-web");
		String env = System.getProperty("env", "staging");
		String failure = System.getProperty("failure", "missing-config");
		System.out.println(platform.inject(service, env, failure, null));
		EnvironmentBackends b = platform.backends(env);
		ServiceTarget t = Sandboxes.target(service, env);
		var snap = b.deployments().snapshot(t).orElseThrow();
		System.out.println("ROLLOUT " + snap.rollout());
		System.out.println("CURRENT " + snap.current());
		System.out.println("PREVIOUS " + snap.previous());
		snap.pods().forEach((p) -> System.out.println("POD " + p));
		snap.events().forEach((e) -> System.out.println("EVENT " + e));
		snap.jobs().forEach((e) -> System.out.println("JOB " + e));
		System.out.println("DELIVERY " + b.delivery().status(t));
		b.delivery().history(t, 10).forEach((r) -> System.out.println("HIST " + r));
		for (var r : b.delivery().history(t, 10)) {
			b.builds().runsFor(t, r.commit()).forEach((run) -> {
				System.out.println("RUN " + run);
				run.jobs()
					.forEach((j) -> b.builds()
						.jobLog(t, j, 50)
						.lines()
						.forEach((l) -> System.out.println("  JOBLOG " + l.level() + " " + l.message())));
			});
			break;
		}
		var pod = snap.pods().get(0);
		try {
			b.deployments()
				.containerLog(t, pod.name(), "app", true, 10)
				.lines()
				.forEach((l) -> System.out.println("PREV " + l));
		}
		catch (IllegalArgumentException ex) {
			System.out.println("PREV: " + ex.getMessage());
		}
		b.deployments()
			.containerLog(t, pod.name(), "app", false, 10)
			.lines()
			.forEach((l) -> System.out.println("CUR " + l));
		var page = b.logs()
			.query(new LogQuery(t, clock.instant().minus(Duration.ofHours(1)), clock.instant(), null, null, null, 30,
					100000));
		page.lines()
			.forEach(
					(l) -> System.out.println("LOG " + l.time() + " " + l.level() + " " + l.pod() + " " + l.message()));
		page = b.logs()
			.query(new LogQuery(t, clock.instant().minus(Duration.ofHours(1)), clock.instant(), "warn", null, null, 20,
					100000));
		page.lines()
			.forEach((l) -> System.out
				.println("WARN+ " + l.time() + " " + l.level() + " " + l.pod() + " " + l.message()));
		for (NamedMetric m : NamedMetric.values()) {
			var r = b.metrics()
				.query(MetricQuery.range(t, m, clock.instant().minus(Duration.ofHours(1)), clock.instant(),
						Duration.ofMinutes(5)));
			System.out.println("METRIC " + m + " " + (r.series().isEmpty() ? List.of()
					: r.series().get(0).points().stream().map((p) -> String.format("%.4g", p.value())).toList()));
		}
	}

}
