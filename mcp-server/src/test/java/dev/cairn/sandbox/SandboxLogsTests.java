package dev.cairn.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.cairn.telemetry.EnvironmentBackends;
import dev.cairn.telemetry.LogLine;
import dev.cairn.telemetry.LogPage;
import dev.cairn.telemetry.LogQuery;
import dev.cairn.telemetry.ServiceTarget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The log store and container logs: any time range, newest first, bounded by the query,
 * filtered by level and text; LogQL is refused.
 */
class SandboxLogsTests {

	final Sandboxes.TestClock clock = new Sandboxes.TestClock();

	final SandboxPlatform platform = Sandboxes.platform(this.clock);

	final EnvironmentBackends production = this.platform.backends("production");

	final ServiceTarget target = Sandboxes.target("order-service", "production");

	@Test
	void aQueryOverSixtyDaysStopsAtItsLimitNewestFirst() {
		Instant now = this.clock.instant();
		Instant from = now.minus(Duration.ofDays(60));
		// Three replicas each write a line every 3 seconds: well over a million lines.
		LogPage page = this.production.logs()
			.query(new LogQuery(this.target, from, now, null, null, null, 500, 1_000_000));
		assertThat(page.lines()).hasSize(500);
		assertThat(page.truncated()).isTrue();
		assertThat(page.source()).isEqualTo("sandbox (production)");
		assertNewestFirstWithin(page.lines(), from, now);
		assertThat(page.lines().get(0).time()).isAfter(now.minus(Duration.ofMinutes(5)));
	}

	@Test
	void aQueryNothingMatchesOverSixtyDaysIsBoundedAndSaysSo() {
		Instant now = this.clock.instant();
		LogPage page = this.production.logs()
			.query(new LogQuery(this.target, now.minus(Duration.ofDays(60)), now, null, "no line says this", null, 100,
					1_000_000));
		assertThat(page.lines()).isEmpty();
		assertThat(page.truncated()).isTrue();
		assertThat(page.query()).contains("|= \"no line says this\"").contains("the scan stopped at");
	}

	@Test
	void aCrashLoopOfAWeekIsStillAnsweredAPageAtATime() {
		this.platform.inject("checkout-web", "staging", "missing-config", null);
		this.clock.advance(Duration.ofDays(7));
		ServiceTarget checkout = Sandboxes.target("checkout-web", "staging");
		EnvironmentBackends staging = this.platform.backends("staging");
		var crashing = staging.deployments()
			.snapshot(checkout)
			.orElseThrow()
			.pods()
			.stream()
			.filter((pod) -> !pod.ready())
			.findFirst()
			.orElseThrow();
		assertThat(crashing.containers().get(0).restarts()).isGreaterThan(1500);
		Instant now = this.clock.instant();
		LogPage page = staging.logs()
			.query(new LogQuery(checkout, now.minus(Duration.ofDays(60)), now, "error", null, null, 50, 1_000_000));
		assertThat(page.lines()).hasSize(50).allSatisfy((line) -> assertThat(line.pod()).isEqualTo(crashing.name()));
		assertThat(page.truncated()).isTrue();
		assertThat(staging.deployments().containerLog(checkout, crashing.name(), "app", true, 3).lines())
			.extracting(LogLine::message)
			.anySatisfy((line) -> assertThat(line).contains("is not set"));
	}

	@Test
	void filtersByLowestLevelAndText() {
		Instant now = this.clock.instant();
		Instant from = now.minus(Duration.ofHours(6));
		LogPage warnings = this.production.logs()
			.query(new LogQuery(this.target, from, now, "warning", null, null, 1000, 1_000_000));
		assertThat(warnings.lines()).isNotEmpty().allSatisfy((line) -> assertThat(line.level()).isIn("warn", "error"));
		assertThat(warnings.query()).isEqualTo("{service=\"order-service\", environment=\"production\"} level>=warn");
		LogPage posts = this.production.logs()
			.query(new LogQuery(this.target, from, now, null, "POST /api/orders", null, 50, 1_000_000));
		assertThat(posts.lines()).hasSize(50).allSatisfy((line) -> {
			assertThat(line.message()).contains("POST /api/orders");
			assertThat(line.container()).isEqualTo("app");
			assertThat(line.pod()).startsWith("order-service-");
		});
		assertNewestFirstWithin(posts.lines(), from, now);
	}

	@Test
	void cutsAtMaxBytes() {
		Instant now = this.clock.instant();
		LogPage page = this.production.logs()
			.query(new LogQuery(this.target, now.minus(Duration.ofHours(1)), now, null, null, null, 1000, 1000));
		long bytes = page.lines()
			.stream()
			.mapToLong((line) -> line.message().getBytes(StandardCharsets.UTF_8).length)
			.sum();
		assertThat(bytes).isLessThanOrEqualTo(1000).isGreaterThan(900);
		assertThat(page.truncated()).isTrue();
	}

	@Test
	void refusesLogQlAndUnknownLevels() {
		Instant now = this.clock.instant();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.production.logs()
				.query(new LogQuery(this.target, now.minusSeconds(60), now, null, null, "{app=\"x\"}", 10, 1000)))
			.withMessage("the sandbox's log store filters by level and text; LogQL needs a Loki backend");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.production.logs()
				.query(new LogQuery(this.target, now.minusSeconds(60), now, "loud", null, null, 10, 1000)))
			.withMessageContaining("unknown log level \"loud\"");
	}

	@Test
	void aServiceTheSandboxDoesNotRunHasNoLines() {
		Instant now = this.clock.instant();
		LogPage page = this.production.logs()
			.query(new LogQuery(Sandboxes.target("fraud-scorer", "production"), now.minusSeconds(600), now, null, null,
					null, 10, 1000));
		assertThat(page.lines()).isEmpty();
		assertThat(page.truncated()).isFalse();
	}

	@Test
	void containerLogsAreThePodsOwnAndNameWhatIsUnknown() {
		String pod = this.production.deployments().snapshot(this.target).orElseThrow().pods().get(0).name();
		LogPage tail = this.production.deployments().containerLog(this.target, pod, "app", false, 20);
		assertThat(tail.lines()).hasSize(20).allSatisfy((line) -> assertThat(line.pod()).isEqualTo(pod));
		assertThat(tail.truncated()).isTrue();
		assertThat(tail.query()).isEqualTo("kubectl logs --namespace orders " + pod + " --container app --tail=20");
		assertNewestFirstWithin(tail.lines(), Sandboxes.START.minus(Duration.ofDays(30)), this.clock.instant());
		assertThatIllegalArgumentException().isThrownBy(
				() -> this.production.deployments().containerLog(this.target, "order-service-nope", "app", false, 5))
			.withMessageContaining("there is no pod order-service-nope in namespace orders");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.production.deployments().containerLog(this.target, pod, "sidecar", false, 5))
			.withMessage("pod " + pod + " has no container sidecar; its containers are app");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.production.deployments().containerLog(this.target, pod, "app", true, 5))
			.withMessage("previous terminated container \"app\" in pod \"" + pod + "\" not found");
	}

	private static void assertNewestFirstWithin(List<LogLine> lines, Instant from, Instant to) {
		for (int i = 0; i < lines.size(); i++) {
			assertThat(lines.get(i).time()).isAfterOrEqualTo(from).isBefore(to);
			if (i > 0) {
				assertThat(lines.get(i).time()).isBeforeOrEqualTo(lines.get(i - 1).time());
			}
		}
	}

}
