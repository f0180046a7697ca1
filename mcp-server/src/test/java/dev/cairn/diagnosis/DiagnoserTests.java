package dev.cairn.diagnosis;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import dev.cairn.catalog.Catalog;
import dev.cairn.catalog.Entity;
import dev.cairn.catalog.EntityRef;
import dev.cairn.catalog.FolderCatalogSource;
import dev.cairn.inspection.ServiceTargets;
import dev.cairn.telemetry.BuildRun;
import dev.cairn.telemetry.DeliveryStatus;
import dev.cairn.telemetry.DeployRecord;
import dev.cairn.telemetry.DeploymentSnapshot;
import dev.cairn.telemetry.DeploymentSnapshot.Container;
import dev.cairn.telemetry.DeploymentSnapshot.Event;
import dev.cairn.telemetry.DeploymentSnapshot.Phase;
import dev.cairn.telemetry.DeploymentSnapshot.Pod;
import dev.cairn.telemetry.DeploymentSnapshot.Revision;
import dev.cairn.telemetry.DeploymentSnapshot.Rollout;
import dev.cairn.telemetry.DeploymentSnapshot.State;
import dev.cairn.telemetry.DeploymentSnapshot.Termination;
import dev.cairn.telemetry.LogLine;
import dev.cairn.telemetry.NamedMetric;
import dev.cairn.telemetry.ServiceTarget;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The diagnosis over hand-built states shaped like a real cluster's, one per rule that
 * needs more than one source: the crashed instance's log, CI, metrics around the rollout,
 * a dependency, a backend that does not answer.
 */
class DiagnoserTests {

	private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

	private static final Catalog CATALOG = new FolderCatalogSource(Path.of("src/main/resources/demo-catalog")).load();

	private final FakePlatform platform = new FakePlatform();

	private final Diagnoser diagnoser = new Diagnoser(Clock.fixed(NOW, ZoneOffset.UTC));

	private static final Revision OLD = new Revision(6, "1.7.3", "registry.acme.dev/checkout-web:1.7.3",
			"aaaaaaa1111111111111111111111111111111111", "bob", NOW.minus(Duration.ofDays(3)), 2);

	private static final Revision NEW = new Revision(7, "1.8.0", "registry.acme.dev/checkout-web:1.8.0",
			"bbbbbbb2222222222222222222222222222222222", "alice", NOW.minus(Duration.ofMinutes(18)), 1);

	@Test
	void namesTheMissingConfigValueFromTheCrashedInstancesLastLines() {
		Pod crashing = pod("checkout-web-7f9c-abcde", 7, "Running", false,
				new Container("app", NEW.image(), false, 7, State.WAITING, "CrashLoopBackOff",
						"back-off 5m0s restarting failed container=app pod=checkout-web-7f9c-abcde", null,
						new Termination("Error", 1, null, NOW.minusSeconds(90))));
		this.platform.snapshots.put("checkout-web",
				snapshot(
						new Rollout(Phase.FAILED, 2, 1, 2, 2, 1,
								"ReplicaSet \"checkout-web-7f9c\" has timed out progressing.", NEW.createdAt()),
						NEW, OLD, List.of(crashing, running("checkout-web-5d4b-qwert", 6)),
						List.of(new Event("Warning", "BackOff", "Pod", crashing.name(),
								"Back-off restarting failed container app in pod checkout-web-7f9c-abcde", 40,
								NEW.createdAt(), NOW))));
		this.platform.previousLogs.put("checkout-web-7f9c-abcde/app", List.of(
				line(NOW.minusSeconds(91), "error",
						"java.lang.IllegalStateException: required configuration value "
								+ "PAYMENT_SERVICE_URL is not set (expected in ConfigMap checkout-web-config)"),
				line(NOW.minusSeconds(92), "error", "Application run failed"),
				line(NOW.minusSeconds(95), "info", "Starting CheckoutWebApplication v1.8.0")));
		this.platform.histories.put("checkout-web",
				List.of(new DeployRecord("7", "1.8.0", NEW.commit(), "alice", "Call payment service directly",
						NEW.createdAt(), "Running"),
						new DeployRecord("6", "1.7.3", OLD.commit(), "bob", "Tidy", OLD.createdAt(), "Succeeded")));

		Diagnosis diagnosis = diagnose("checkout-web", "staging");

		assertThat(diagnosis.verdict()).isEqualTo(Diagnosis.Verdict.FAILING);
		assertThat(codes(diagnosis)).startsWith(FindingCode.CONFIG_MISSING).contains(FindingCode.ROLLOUT_STALLED);
		Finding root = diagnosis.rootCause();
		assertThat(root.summary()).contains("PAYMENT_SERVICE_URL");
		assertThat(root.evidence().get(0).text())
			.contains("required configuration value PAYMENT_SERVICE_URL is not set");
		assertThat(root.evidence()).anySatisfy((evidence) -> assertThat(evidence.text()).contains("CrashLoopBackOff"));
		assertThat(root.change()).isEqualTo(new Finding.Change("checkout-web", "1.8.0", NEW.commit(), "alice",
				NEW.createdAt(), "Call payment service directly"));
		assertThat(root.remediation()).contains("PAYMENT_SERVICE_URL").contains("roll back to 1.7.3");
		assertThat(diagnosis.owner()).isEqualTo("group:default/team-checkout");
		assertThat(diagnosis.onCall().now()).isNotBlank();
		assertThat(DiagnosisText.of(diagnosis))
			.startsWith("FAILING: checkout-web in staging is failing: CONFIG_MISSING")
			.contains("Change: checkout-web 1.8.0, commit bbbbbbb by alice");
	}

	@Test
	void aFailedBuildOfTheDeployedCommitExplainsTheImagePull() {
		String image = "registry.acme.dev/checkout-web:1.8.0";
		Pod pulling = pod("checkout-web-7f9c-abcde", 7, "Pending", false, new Container("app", image, false, 0,
				State.WAITING, "ImagePullBackOff", "Back-off pulling image \"" + image + "\"", null, null));
		this.platform.snapshots.put("checkout-web",
				snapshot(new Rollout(Phase.PROGRESSING, 2, 1, 2, 2, 1, null, NEW.createdAt()), NEW, OLD,
						List.of(pulling, running("checkout-web-5d4b-qwert", 6)),
						List.of(new Event("Warning", "Failed", "Pod", pulling.name(),
								"Failed to pull image \"" + image
										+ "\": rpc error: code = NotFound desc = failed to pull and unpack image \""
										+ image + "\": " + image + ": not found",
								5, NEW.createdAt(), NOW))));
		this.platform.runs.put(NEW.commit(),
				List.of(new BuildRun("991", "ci", NEW.commit(), "completed", "failure",
						"https://github.com/acme/checkout-web/actions/runs/991", NEW.createdAt().minusSeconds(600),
						List.of(new BuildRun.Job("5001", "991", "test", "failure", "Run tests"),
								new BuildRun.Job("5002", "991", "build-and-push", "skipped", null)))));
		this.platform.jobLogs.put("5001", List.of(line(NOW, null, "Error: Process completed with exit code 1."),
				line(NOW, null, "CartTotalsTest > appliesDiscount() FAILED: expected 90.00 but was 100.00")));

		Diagnosis diagnosis = diagnose("checkout-web", "staging");

		assertThat(codes(diagnosis)).startsWith(FindingCode.BUILD_FAILED, FindingCode.IMAGE_PULL_BACKOFF);
		Finding root = diagnosis.rootCause();
		assertThat(root.summary()).contains("bbbbbbb", "test", "Run tests");
		assertThat(root.evidence()).extracting(Finding.Evidence::text)
			.anySatisfy((text) -> assertThat(text).contains("appliesDiscount() FAILED"));
		assertThat(root.change().version()).isEqualTo("1.8.0");
	}

	@Test
	void anErrorSpikeThatStartsWithTheRolloutImplicatesTheNewVersion() {
		Revision rolled = new Revision(7, "1.8.0", NEW.image(), NEW.commit(), "alice",
				NOW.minus(Duration.ofMinutes(25)), 2);
		this.platform.snapshots.put("checkout-web",
				snapshot(new Rollout(Phase.COMPLETE, 2, 2, 2, 2, 0, null, rolled.createdAt()), rolled, OLD,
						List.of(running("checkout-web-7f9c-abcde", 7), running("checkout-web-7f9c-fghij", 7)),
						List.of()));
		this.platform.curves.put("checkout-web", (metric, at) -> (metric == NamedMetric.ERROR_RATE)
				? (at.isBefore(rolled.createdAt().plusSeconds(60)) ? 0.003 : 0.094) : 0.12);
		this.platform.logLines.put("checkout-web", List.of(line(NOW.minusSeconds(30), "error",
				"POST /api/checkout 500: java.lang.NullPointerException: Cannot invoke \"Currency.getCode()\"")));

		Diagnosis diagnosis = diagnose("checkout-web", "staging");

		assertThat(codes(diagnosis)).startsWith(FindingCode.ERROR_RATE_REGRESSION);
		Finding root = diagnosis.rootCause();
		assertThat(root.summary()).contains("0.3%", "9.4%", "1.8.0");
		assertThat(root.evidence()).extracting(Finding.Evidence::text)
			.anySatisfy((text) -> assertThat(text).contains("NullPointerException"));
		assertThat(root.change().author()).isEqualTo("alice");
	}

	@Test
	void aFailingDependencyIsTheRootCauseOfErrorsThatDidNotStartWithARollout() {
		this.platform.snapshots.put("checkout-web",
				snapshot(new Rollout(Phase.COMPLETE, 2, 2, 2, 2, 0, null, OLD.createdAt()), OLD, null,
						List.of(running("checkout-web-5d4b-qwert", 6), running("checkout-web-5d4b-zxcvb", 6)),
						List.of()));
		Instant broke = NOW.minus(Duration.ofMinutes(15));
		this.platform.curves.put("checkout-web",
				(metric, at) -> (metric == NamedMetric.ERROR_RATE) ? (at.isBefore(broke) ? 0.004 : 0.21) : 0.12);
		this.platform.logLines.put("checkout-web", List.of(line(NOW.minusSeconds(20), "error",
				"upstream payment-api unavailable: 503 Service Unavailable (POST http://payment-api.payments.svc.cluster.local/v1/charges)")));
		Revision payments = new Revision(11, "3.2.0", "registry.acme.dev/payment-api:3.2.0", "c".repeat(40), "dave",
				NOW.minus(Duration.ofDays(2)), 3);
		List<Pod> crashing = new ArrayList<>();
		for (String suffix : List.of("aaaaa", "bbbbb", "ccccc")) {
			crashing.add(pod("payment-api-6c5d-" + suffix, 11, "Running", false,
					new Container("app", payments.image(), false, 6, State.WAITING, "CrashLoopBackOff", null, null,
							new Termination("Error", 1, null, NOW.minusSeconds(40)))));
		}
		this.platform.snapshots.put("payment-api",
				new DeploymentSnapshot("payment-api", "payments", NOW,
						new Rollout(Phase.COMPLETE, 3, 3, 0, 0, 3, null, payments.createdAt()), payments, null,
						crashing, List.of(), List.of()));
		this.platform.previousLogs.put("payment-api-6c5d-aaaaa/app", List.of(line(NOW.minusSeconds(41), "error",
				"FATAL: could not connect to payments-db:5432: connection refused")));

		Diagnosis diagnosis = diagnose("checkout-web", "staging");

		assertThat(codes(diagnosis)).startsWith(FindingCode.DEPENDENCY_FAILING)
			.contains(FindingCode.ERROR_RATE_HIGH)
			.doesNotContain(FindingCode.ERROR_RATE_REGRESSION);
		Finding root = diagnosis.rootCause();
		assertThat(root.service()).isEqualTo("payment-api");
		assertThat(root.summary()).contains("CRASH_LOOP");
		assertThat(root.evidence()).extracting(Finding.Evidence::text)
			.anySatisfy((text) -> assertThat(text).contains("upstream payment-api unavailable"))
			.anySatisfy((text) -> assertThat(text).contains("connection refused"));
		assertThat(root.contact().owner()).isEqualTo("group:default/team-payments");
		assertThat(root.contact().onCall()).isNotBlank();
	}

	@Test
	void aHealthyServiceIsDiagnosedHealthyWithItsVitals() {
		this.platform.snapshots.put("checkout-web",
				snapshot(new Rollout(Phase.COMPLETE, 2, 2, 2, 2, 0, null, OLD.createdAt()), OLD, null,
						List.of(running("checkout-web-5d4b-qwert", 6), running("checkout-web-5d4b-zxcvb", 6)),
						List.of()));
		this.platform.curves.put("checkout-web", (metric, at) -> (metric == NamedMetric.ERROR_RATE) ? 0.004 : 0.12);
		this.platform.statuses.put("checkout-web", new DeliveryStatus("checkout-web-staging", "Synced", "Healthy", null,
				OLD.commit(), "Succeeded", null, OLD.createdAt()));

		Diagnosis diagnosis = diagnose("checkout-web", "staging");

		assertThat(diagnosis.verdict()).isEqualTo(Diagnosis.Verdict.HEALTHY);
		assertThat(diagnosis.findings()).isEmpty();
		assertThat(diagnosis.headline()).contains("healthy", "1.7.3", "2/2 ready", "error rate 0.4%", "p99 120 ms");
	}

	@Test
	void aBackendThatDoesNotAnswerLeavesANamedGapNotAFailedDiagnosis() {
		this.platform.snapshots.put("checkout-web",
				snapshot(new Rollout(Phase.COMPLETE, 2, 2, 2, 2, 0, null, OLD.createdAt()), OLD, null,
						List.of(running("checkout-web-5d4b-qwert", 6)), List.of()));
		this.platform.metricsDown = true;

		Diagnosis diagnosis = diagnose("checkout-web", "staging");

		assertThat(diagnosis.verdict()).isEqualTo(Diagnosis.Verdict.HEALTHY);
		assertThat(diagnosis.gaps()).singleElement()
			.asString()
			.contains("Prometheus (fake)", "did not answer", "error-rate");
		assertThat(DiagnosisText.of(diagnosis)).contains("Not consulted:");
	}

	@Test
	void aServiceThatIsNotDeployedSaysSo() {
		assertThat(diagnose("checkout-web", "staging").verdict()).isEqualTo(Diagnosis.Verdict.NOT_DEPLOYED);
	}

	private Diagnosis diagnose(String service, String environment) {
		Entity entity = CATALOG.find(EntityRef.parse("component:default/" + service)).orElseThrow();
		return this.diagnoser.diagnose(new ServiceTargets.Resolved(CATALOG, entity,
				new ServiceTarget(service, environment, entity.metadata().annotations()),
				this.platform.backends(environment)));
	}

	private static List<FindingCode> codes(Diagnosis diagnosis) {
		return diagnosis.findings().stream().map(Finding::code).toList();
	}

	private static DeploymentSnapshot snapshot(Rollout rollout, Revision current, Revision previous, List<Pod> pods,
			List<Event> events) {
		return new DeploymentSnapshot("checkout-web", "checkout", NOW, rollout, current, previous, pods, events,
				List.of());
	}

	private static Pod pod(String name, int revision, String phase, boolean ready, Container container) {
		return new Pod(name, revision, phase, ready, "Pending".equals(phase) ? null : "node-1", null,
				NOW.minus(Duration.ofMinutes(17)), List.of(), List.of(container));
	}

	private static Pod running(String name, int revision) {
		return pod(name, revision, "Running", true,
				new Container("app", "registry.acme.dev/x", true, 0, State.RUNNING, null, null, null, null));
	}

	private static LogLine line(Instant at, String level, String message) {
		return new LogLine(at, level, null, "app", message);
	}

}
