package dev.cairn.inspection;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.springframework.stereotype.Component;

import dev.cairn.mcp.ToolContext;
import dev.cairn.mcp.ToolDescriptor;
import dev.cairn.mcp.ToolResult;
import dev.cairn.telemetry.BackendException;
import dev.cairn.telemetry.Delivery;
import dev.cairn.telemetry.DeliveryStatus;
import dev.cairn.telemetry.DeploymentSnapshot;

/**
 * {@code deployment_status}: a service's deployment in one environment now, with what the
 * delivery system says about it.
 */
@Component
class DeploymentStatusTool extends InspectionTool<DeploymentStatusTool.Input> {

	private static final ToolDescriptor DESCRIPTOR = ToolDescriptor.readOnly("deployment_status",
			"Get a service's deployment status",
			"Get a service's deployment in one environment as it is now: the rollout's phase (COMPLETE, PROGRESSING, "
					+ "FAILED, IDLE) and progress (desired, updated, ready, available replicas) with its message; the "
					+ "current and previous revision (version, image, commit, author, deploy time); its pods (phase, "
					+ "node or why unscheduled, each container's state, reason, message, restarts and last termination "
					+ "with exit code), unhealthy pods first, at most 20; recent events, warnings first then newest, at "
					+ "most 20; its jobs (such as database migrations); and, where the environment has a delivery "
					+ "system (Argo CD), its sync, health and last operation. Lists say 'truncated, N more' when cut. "
					+ "Use it first to see whether a deploy went out or why a service is unhealthy, then logs_query and "
					+ "metrics_query. A service that is not deployed in the environment is a normal answer.");

	record Input(@JsonProperty(
			required = true) @JsonPropertyDescription("The service: a component's name or ref, e.g. payment-api") String service,
			@JsonProperty(
					required = true) @JsonPropertyDescription("The environment, e.g. production or staging") String environment)
			implements
				InspectionTool.ServiceInput {
	}

	DeploymentStatusTool(ServiceTargets targets) {
		super(targets, DESCRIPTOR, Input.class, Port.DEPLOYMENTS);
	}

	@Override
	ToolResult call(ServiceTargets.Resolved resolved, Input input, ToolContext context) {
		Optional<DeploymentSnapshot> snapshot = resolved.backends().requireDeployments().snapshot(resolved.target());
		List<String> notes = new ArrayList<>();
		DeliveryStatus delivery = delivery(resolved, notes);
		// The policy may allow this caller fewer items per list than the tool's bounds.
		int cap = context.limit(null, Integer.MAX_VALUE);
		DeploymentAnswer answer = DeploymentAnswer.of(resolved.target(), snapshot.orElse(null), delivery, notes, cap);
		return ToolResult.ok(DeploymentText.of(answer), answer);
	}

	/**
	 * The delivery system's view, or {@code null}; a delivery system that cannot answer
	 * leaves a note, not a failed call: the cluster's answer stands on its own.
	 */
	private static DeliveryStatus delivery(ServiceTargets.Resolved resolved, List<String> notes) {
		Optional<Delivery> delivery = resolved.backends().deliverySystem();
		if (delivery.isEmpty()) {
			return null;
		}
		try {
			Optional<DeliveryStatus> status = delivery.get().status(resolved.target());
			if (status.isEmpty()) {
				notes.add("the delivery system does not manage " + resolved.target());
			}
			return status.orElse(null);
		}
		catch (BackendException ex) {
			notes.add("the delivery system could not be read, so sync and health are missing: " + ex.getMessage());
			return null;
		}
	}

}
