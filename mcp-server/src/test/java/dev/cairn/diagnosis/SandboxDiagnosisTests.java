package dev.cairn.diagnosis;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.cairn.catalog.CatalogService;
import dev.cairn.catalog.Entity;
import dev.cairn.catalog.EntityRef;
import dev.cairn.catalog.FolderCatalogSource;
import dev.cairn.inspection.ServiceTargets;
import dev.cairn.sandbox.Injection;
import dev.cairn.sandbox.SandboxPlatform;
import dev.cairn.sandbox.SandboxProperties;
import dev.cairn.telemetry.ServiceTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every failure the sandbox can inject, diagnosed through its ports as a developer would
 * ask: the right root cause first, with the evidence that shows it and the change that
 * introduced it; and a service with nothing injected is healthy.
 */
class SandboxDiagnosisTests {

	private static final Instant NOW = Instant.parse("2026-11-24T14:00:00Z");

	private static final CatalogService CATALOG = new CatalogService(
			new FolderCatalogSource(Path.of("src/main/resources/demo-catalog")));

	private final MovingClock clock = new MovingClock(NOW);

	private final SandboxPlatform sandbox = new SandboxPlatform(CATALOG, this.clock,
			new SandboxProperties(true, Map.of()));

	private final Diagnoser diagnoser = new Diagnoser(this.clock);

	static Stream<Arguments> failures() {
		return Stream.of(
				Arguments.of("missing-config", "order-service", "production", FindingCode.CONFIG_MISSING, "is not set"),
				Arguments.of("oom-killed", "order-service", "production", FindingCode.OOM_KILLED, "OOMKilled"),
				Arguments.of("image-pull-unbuilt", "payment-api", "staging", FindingCode.BUILD_FAILED, "Run tests"),
				Arguments.of("readiness-failing", "cart-service", "production", FindingCode.READINESS_PROBE_FAILING,
						"Readiness probe failed"),
				Arguments.of("unschedulable", "search-service", "production", FindingCode.POD_UNSCHEDULABLE,
						"Insufficient memory"),
				Arguments.of("migration-failed", "order-service", "staging", FindingCode.MIGRATION_FAILED,
						"BackoffLimitExceeded"),
				Arguments.of("error-rate-regression", "checkout-web", "production", FindingCode.ERROR_RATE_REGRESSION,
						"error rate"),
				Arguments.of("latency-regression", "pricing-service", "production", FindingCode.LATENCY_REGRESSION,
						"p99 latency"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("failures")
	void findsTheInjectedFailureAsTheRootCauseWithItsEvidenceAndChange(String failure, String service,
			String environment, FindingCode expected, String evidence) {
		Injection injection = this.sandbox.inject(service, environment, failure, null);

		Diagnosis diagnosis = diagnose(service, environment);

		assertThat(diagnosis.verdict()).isEqualTo(Diagnosis.Verdict.FAILING);
		Finding root = diagnosis.findings().get(0);
		assertThat(root.code()).as(DiagnosisText.of(diagnosis)).isEqualTo(expected);
		assertThat(root.role()).isEqualTo(FindingCode.Role.ROOT_CAUSE);
		assertThat(root.service()).isEqualTo(service);
		assertThat(root.evidence()).as(DiagnosisText.of(diagnosis))
			.anySatisfy((item) -> assertThat(item.text()).contains(evidence));
		assertThat(root.change()).isNotNull();
		assertThat(root.change().version()).isEqualTo(injection.revision().version());
		assertThat(root.change().commit()).isEqualTo(injection.revision().commit());
		assertThat(root.change().author()).isEqualTo(injection.revision().author());
		assertThat(root.remediation()).isNotBlank();
		assertThat(diagnosis.owner()).isNotNull();
		assertThat(diagnosis.onCall().now()).isNotNull();
		// Symptoms never outrank a root cause.
		List<FindingCode.Role> roles = diagnosis.findings().stream().map(Finding::role).toList();
		assertThat(roles).isSortedAccordingTo(Enum::compareTo);
	}

	@Test
	void anUnbuiltTagShowsTheImagePullAsTheSymptomOfTheFailedBuild() {
		this.sandbox.inject("payment-api", "staging", "image-pull-unbuilt", null);

		Diagnosis diagnosis = diagnose("payment-api", "staging");

		assertThat(diagnosis.findings()).extracting(Finding::code)
			.startsWith(FindingCode.BUILD_FAILED)
			.contains(FindingCode.IMAGE_PULL_BACKOFF);
	}

	@Test
	void aFailingDependencyIsTheRootCauseAndItsOwnerIsNamed() {
		Injection injection = this.sandbox.inject("checkout-web", "production", "dependency-failing", null);

		Diagnosis diagnosis = diagnose("checkout-web", "production");

		Finding root = diagnosis.findings().get(0);
		assertThat(root.code()).as(DiagnosisText.of(diagnosis)).isEqualTo(FindingCode.DEPENDENCY_FAILING);
		assertThat(root.role()).isEqualTo(FindingCode.Role.ROOT_CAUSE);
		assertThat(root.service()).isEqualTo(injection.dependency());
		assertThat(root.evidence()).anySatisfy((item) -> assertThat(item.text()).contains(injection.dependency()));
		assertThat(root.contact().owner()).isNotNull();
		assertThat(diagnosis.findings()).extracting(Finding::code).doesNotContain(FindingCode.ERROR_RATE_REGRESSION);
		// The dependency's own diagnosis finds its crash.
		assertThat(diagnose(injection.dependency(), "production").rootCause().code()).isIn(FindingCode.CRASH_LOOP,
				FindingCode.CONFIG_MISSING);
	}

	@Test
	void aServiceWithNothingInjectedIsHealthy() {
		Diagnosis diagnosis = diagnose("payment-api", "production");

		assertThat(diagnosis.verdict()).as(DiagnosisText.of(diagnosis)).isEqualTo(Diagnosis.Verdict.HEALTHY);
		assertThat(diagnosis.findings()).isEmpty();
		assertThat(diagnosis.headline()).contains("3/3 ready", "error rate", "p99");
	}

	@Test
	void whileAFixRollsOutTheOldVersionsFailureIsNoLongerTheRootCauseAndOnceOutTheServiceIsHealthy() {
		this.sandbox.inject("order-service", "production", "oom-killed", null);
		Injection fix = this.sandbox.inject("order-service", "production", "none", null);

		Diagnosis rolling = diagnose("order-service", "production");
		assertThat(rolling.rootCause()).as(DiagnosisText.of(rolling)).isNull();
		assertThat(rolling.findings()).extracting(Finding::code)
			.contains(FindingCode.OOM_KILLED, FindingCode.ROLLOUT_IN_PROGRESS);
		assertThat(rolling.findings().get(0).summary()).contains("which the rollout of " + fix.revision().version());

		this.clock.advance(Duration.ofMinutes(30));
		Diagnosis done = diagnose("order-service", "production");
		assertThat(done.verdict()).as(DiagnosisText.of(done)).isEqualTo(Diagnosis.Verdict.HEALTHY);
		assertThat(done.current()).isEqualTo(fix.revision().version());
	}

	private Diagnosis diagnose(String service, String environment) {
		Entity entity = CATALOG.current().find(EntityRef.parse("component:default/" + service)).orElseThrow();
		return this.diagnoser.diagnose(new ServiceTargets.Resolved(CATALOG.current(), entity,
				new ServiceTarget(service, environment, entity.metadata().annotations()),
				this.sandbox.backends(environment)));
	}

	/** A clock that stands still until the test moves it. */
	static final class MovingClock extends Clock {

		private Instant now;

		MovingClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
