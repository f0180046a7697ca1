package dev.cairn.inspection;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cairn.mcp.ToolInputException;
import dev.cairn.mcp.ToolResult;
import dev.cairn.telemetry.BackendException;
import dev.cairn.telemetry.Delivery;
import dev.cairn.telemetry.DeliveryStatus;
import dev.cairn.telemetry.DeployRecord;
import dev.cairn.telemetry.DeploymentSnapshot;
import dev.cairn.telemetry.DeploymentSnapshot.Container;
import dev.cairn.telemetry.DeploymentSnapshot.Event;
import dev.cairn.telemetry.DeploymentSnapshot.Pod;
import dev.cairn.telemetry.DeploymentSnapshot.State;
import dev.cairn.telemetry.EnvironmentBackends;
import dev.cairn.telemetry.ServiceTarget;

import static dev.cairn.inspection.InspectionFixture.NOW;
import static dev.cairn.inspection.InspectionFixture.context;
import static dev.cairn.inspection.InspectionFixture.deployments;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DeploymentStatusToolTests {

	@TempDir
	Path folder;

	static final DeliveryStatus DEGRADED = new DeliveryStatus("checkout-api-production", "OutOfSync", "Degraded",
			"Deployment checkout has not progressed", "abc1234", "Failed", "one or more objects failed to apply",
			NOW.minusSeconds(60));

	static DeploymentSnapshot snapshot() {
		List<Pod> pods = new ArrayList<>();
		for (int i = 0; i < 24; i++) {
			pods.add(new Pod("checkout-7-" + i, 7, "Running", true, "node-" + (i % 3), null, NOW.minusSeconds(i), null,
					List.of(new Container("app", "ghcr.io/acme/checkout:1.4.2", true, 0, State.RUNNING, null, null,
							null, null))));
		}
		pods.add(new Pod("checkout-7-crashing", 7, "Running", false, "node-1", null, NOW.minusSeconds(999),
				List.of(new Container("migrate", "ghcr.io/acme/checkout:1.4.2", true, 0, State.TERMINATED, "Completed",
						null, 0, null)),
				List.of(new Container("app", "ghcr.io/acme/checkout:1.4.2", false, 7, State.WAITING, "CrashLoopBackOff",
						"back-off 5m0s restarting failed container", null,
						new DeploymentSnapshot.Termination("OOMKilled", 137, null, NOW.minusSeconds(30))))));
		pods.add(new Pod("checkout-7-pending", 7, "Pending", false, null,
				"0/3 nodes are available: 3 Insufficient memory.", NOW.minusSeconds(1000), null, List.of()));
		List<Event> events = new ArrayList<>();
		for (int i = 0; i < 28; i++) {
			events.add(new Event("Normal", "Pulled", "Pod", "checkout-7-" + i, "pulled image", 1, null,
					NOW.minusSeconds(i)));
		}
		events.add(new Event("Warning", "BackOff", "Pod", "checkout-7-crashing", "Back-off restarting failed container",
				12, NOW.minusSeconds(600), NOW.minusSeconds(500)));
		events.add(new Event("Warning", "FailedScheduling", "Pod", "checkout-7-pending", "0/3 nodes are available", 3,
				NOW.minusSeconds(400), NOW.minusSeconds(100)));
		return new DeploymentSnapshot("checkout", "shop", NOW,
				new DeploymentSnapshot.Rollout(DeploymentSnapshot.Phase.PROGRESSING, 3, 2, 1, 1, 2,
						"ReplicaSet \"checkout-7\" is progressing.", NOW.minusSeconds(900)),
				new DeploymentSnapshot.Revision(7, "1.4.2", "ghcr.io/acme/checkout:1.4.2", "abc1234", "dana",
						NOW.minusSeconds(900), 2),
				new DeploymentSnapshot.Revision(
						6, "1.4.1", "ghcr.io/acme/checkout:1.4.1", "def5678", null, NOW.minusSeconds(86400), 1),
				pods, events,
				List.of(new DeploymentSnapshot.Job("checkout-migrate-7", "migration",
						DeploymentSnapshot.JobStatus.FAILED, "BackoffLimitExceeded",
						"Job has reached the specified backoff limit", 3, NOW.minusSeconds(950),
						NOW.minusSeconds(920))));
	}

	static Delivery delivery(Optional<DeliveryStatus> status, RuntimeException failure) {
		return new Delivery() {

			@Override
			public Optional<DeliveryStatus> status(ServiceTarget target) {
				if (failure != null) {
					throw failure;
				}
				return status;
			}

			@Override
			public List<DeployRecord> history(ServiceTarget target, int limit) {
				return List.of();
			}

		};
	}

	DeploymentStatusTool tool(EnvironmentBackends... environments) {
		return new DeploymentStatusTool(InspectionFixture.targets(this.folder, environments));
	}

	ToolResult call(DeploymentStatusTool tool, String environment) {
		return tool.call(new DeploymentStatusTool.Input("checkout-api", environment), context(null));
	}

	@Test
	void answersRolloutRevisionsPodsEventsJobsAndDeliveryWithinBounds() {
		ServiceTarget[] asked = new ServiceTarget[1];
		DeploymentStatusTool tool = tool(new EnvironmentBackends("production", deployments((target) -> {
			asked[0] = target;
			return Optional.of(snapshot());
		}), null, null, delivery(Optional.of(DEGRADED), null), null));
		ToolResult result = call(tool, "production");
		assertThat(result.error()).isFalse();
		assertThat(asked[0].kubernetesId()).isEqualTo("checkout");
		assertThat(asked[0].annotations()).containsEntry(ServiceTarget.KUBERNETES_NAMESPACE, "shop");
		DeploymentAnswer answer = (DeploymentAnswer) result.structured();
		assertThat(answer.deployed()).isTrue();
		assertThat(answer.podCount()).isEqualTo(26);
		assertThat(answer.pods()).hasSize(20);
		assertThat(answer.pods()).extracting(Pod::name)
			.startsWith("checkout-7-crashing", "checkout-7-pending", "checkout-7-0");
		assertThat(answer.podsTruncated()).isEqualTo("truncated, 6 more");
		assertThat(answer.eventCount()).isEqualTo(30);
		assertThat(answer.events()).hasSize(20);
		assertThat(answer.events()).extracting(Event::reason).startsWith("FailedScheduling", "BackOff", "Pulled");
		assertThat(answer.events().get(2).objectName()).isEqualTo("checkout-7-0");
		assertThat(answer.eventsTruncated()).isEqualTo("truncated, 10 more");
		assertThat(answer.delivery()).isEqualTo(DEGRADED);
		assertThat(result.text()).startsWith("checkout-api in production: workload shop/checkout, read " + NOW)
			.contains("\nrollout: PROGRESSING, 3 desired, 2 updated, 1 ready, 1 available, 2 unavailable, since ")
			.contains("\n  message: ReplicaSet \"checkout-7\" is progressing.")
			.contains(
					"\ncurrent: revision 7, version 1.4.2, image ghcr.io/acme/checkout:1.4.2, commit abc1234 by dana, "
							+ "deployed " + NOW.minusSeconds(900) + ", 2 replicas")
			.contains("\nprevious: revision 6, version 1.4.1")
			.contains(
					"\npods (26, showing 20, unhealthy first):\n- checkout-7-crashing (revision 7) Running, not ready, on node-1")
			.contains("\n  - init container migrate: terminated Completed (exit 0), ready, restarts 0")
			.contains(
					"\n  - container app: waiting CrashLoopBackOff: back-off 5m0s restarting failed container, not ready, "
							+ "restarts 7; last terminated OOMKilled (exit 137) at " + NOW.minusSeconds(30))
			.contains("\n- checkout-7-pending (revision 7) Pending, not ready, unscheduled: 0/3 nodes are available: 3 "
					+ "Insufficient memory.")
			.contains("(truncated, 6 more)")
			.contains("\nevents (30, showing 20, warnings first, then newest):\n- Warning FailedScheduling "
					+ "Pod/checkout-7-pending x3, last " + NOW.minusSeconds(100))
			.contains("(truncated, 10 more)")
			.contains("\n- checkout-migrate-7 (migration): FAILED BackoffLimitExceeded: Job has reached the specified "
					+ "backoff limit, 3 failed pods")
			.contains("\ndelivery: application checkout-api-production, sync OutOfSync, health Degraded (Deployment "
					+ "checkout has not progressed), revision abc1234; last operation Failed at "
					+ NOW.minusSeconds(60));
	}

	@Test
	void thePolicysLimitCutsEveryList() {
		DeploymentStatusTool tool = tool(new EnvironmentBackends("production",
				deployments((target) -> Optional.of(snapshot())), null, null, null, null));
		DeploymentAnswer answer = (DeploymentAnswer) tool
			.call(new DeploymentStatusTool.Input("checkout-api", "production"), context(3))
			.structured();
		assertThat(answer.pods()).hasSize(3);
		assertThat(answer.podsTruncated()).isEqualTo("truncated, 23 more");
		assertThat(answer.events()).hasSize(3);
		assertThat(answer.eventsTruncated()).isEqualTo("truncated, 27 more");
		assertThat(answer.jobs()).hasSize(1);
	}

	@Test
	void aServiceThatIsNotDeployedIsANormalAnswer() {
		ToolResult result = call(tool(
				new EnvironmentBackends("staging", deployments((target) -> Optional.empty()), null, null, null, null)),
				"staging");
		assertThat(result.error()).isFalse();
		assertThat(result.text()).isEqualTo("checkout-api in staging is not deployed: the cluster has no workload "
				+ "named checkout in namespace shop (the backstage.io/kubernetes-id annotation, else the service's name).");
		assertThat(((DeploymentAnswer) result.structured()).deployed()).isFalse();
	}

	@Test
	void aClusterThatCannotAnswerIsAnErrorNamingItAndWhatStillWorks() {
		ToolResult result = call(tool(new EnvironmentBackends("production", deployments((target) -> {
			throw new BackendException("Kubernetes (https://k8s.example.com:6443)", "did not answer within 10s");
		}), (query) -> null, (query) -> null, null, null)), "production");
		assertThat(result.error()).isTrue();
		assertThat(result.text()).isEqualTo("deployment_status could not read the deployment state of checkout-api in "
				+ "production: Kubernetes (https://k8s.example.com:6443): did not answer within 10s. Still available for "
				+ "production: logs_query (the logs), metrics_query (the metrics). The backend may be down or slow: try "
				+ "again shortly, and tell its operators if it persists.");
	}

	@Test
	void anEnvironmentWithoutAClusterSaysWhichSettingWouldGiveIt() {
		ToolResult result = call(tool(new EnvironmentBackends("staging", null, (query) -> null, null, null, null)),
				"staging");
		assertThat(result.error()).isTrue();
		assertThat(result.text()).isEqualTo("deployment_status cannot answer for staging: telemetry (staging): no "
				+ "deployment state is configured for staging; set cairn.telemetry.environments.staging.kubernetes."
				+ "api-server (or kubernetes.kubeconfig). Still available for staging: logs_query (the logs).");
	}

	@Test
	void aDeliverySystemThatCannotAnswerLeavesANote() {
		ToolResult result = call(
				tool(new EnvironmentBackends("production", deployments((target) -> Optional.of(snapshot())), null, null,
						delivery(null, new BackendException("Argo CD (https://argocd)", "refused")), null)),
				"production");
		assertThat(result.error()).isFalse();
		assertThat(result.text()).doesNotContain("\ndelivery:")
			.endsWith("\nNote: the delivery system could not be read, so sync and health are missing: "
					+ "Argo CD (https://argocd): refused");
		ToolResult unmanaged = call(tool(new EnvironmentBackends("production",
				deployments((target) -> Optional.of(snapshot())), null, null, delivery(Optional.empty(), null), null)),
				"production");
		assertThat(unmanaged.text()).endsWith("\nNote: the delivery system does not manage checkout-api in production");
	}

	@Test
	void theTargetIsTheComponentAndBadArgumentsNameTheirField() {
		DeploymentStatusTool tool = tool(new EnvironmentBackends("production", null, null, null, null, null));
		assertThat(tool.target(new DeploymentStatusTool.Input("checkout-api", "production")))
			.isEqualTo("component:default/checkout-api");
		assertThatExceptionOfType(ToolInputException.class).isThrownBy(() -> call(tool, "qa"))
			.withMessage("argument 'environment': there is no environment 'qa'; there are production");
		assertThatExceptionOfType(ToolInputException.class)
			.isThrownBy(
					() -> tool.call(new DeploymentStatusTool.Input("resource:orders-db", "production"), context(null)))
			.withMessageContaining("argument 'service': resource:default/orders-db is a resource, not a component");
		assertThat(tool.descriptor().readOnly()).isTrue();
	}

}
