package dev.cairn.diagnosis;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.cairn.inspection.ServiceTargets;
import dev.cairn.mcp.DescribedTool;
import dev.cairn.mcp.ToolContext;
import dev.cairn.mcp.ToolDescriptor;
import dev.cairn.mcp.ToolResult;

import org.springframework.stereotype.Component;

/**
 * {@code deployment_diagnose}: "why is my deploy failing?", answered deterministically
 * with the root cause, its evidence, the change that introduced it, the fix, and who owns
 * the service.
 */
@Component
class DeploymentDiagnoseTool extends DescribedTool<DeploymentDiagnoseTool.Input> {

	private static final ToolDescriptor DESCRIPTOR = ToolDescriptor.readOnly("deployment_diagnose",
			"Diagnose a deployment",
			"Why is a service's deploy failing (or is it healthy)? Reads the deployment, its pods, events, jobs, logs, "
					+ "metrics, delivery status, CI builds and the services it depends on, and returns a verdict "
					+ "(FAILING, DEGRADED, ROLLING_OUT, HEALTHY, NOT_DEPLOYED, UNKNOWN) with findings ranked root cause "
					+ "first. Each finding has a code (CONFIG_MISSING, OOM_KILLED, BUILD_FAILED, IMAGE_PULL_BACKOFF, "
					+ "READINESS_PROBE_FAILING, POD_UNSCHEDULABLE, MIGRATION_FAILED, ERROR_RATE_REGRESSION, "
					+ "LATENCY_REGRESSION, DEPENDENCY_FAILING, ...), a one-line summary, evidence (pod state, event, log "
					+ "line, metric values), the change that introduced it (version, commit, author, time) and a fix; "
					+ "plus the owner and who is on call. Use this first when asked why something is failing; use "
					+ "deployment_status, logs_query and metrics_query to dig further.");

	record Input(@JsonProperty(
			required = true) @JsonPropertyDescription("The service: a component's name or ref, for example checkout-web") String service,
			@JsonProperty(
					required = true) @JsonPropertyDescription("The environment, for example staging or production") String environment) {
	}

	private final ServiceTargets targets;

	private final Diagnoser diagnoser;

	DeploymentDiagnoseTool(ServiceTargets targets, Diagnoser diagnoser) {
		super(DESCRIPTOR, Input.class);
		this.targets = targets;
		this.diagnoser = diagnoser;
	}

	@Override
	public String target(Input input) {
		return ServiceTargets.targetOf(input.service());
	}

	@Override
	public ToolResult call(Input input, ToolContext context) {
		ServiceTargets.Resolved resolved = this.targets.resolve(input.service(), input.environment());
		context.progress(0, 1.0, "reading " + resolved.target());
		Diagnosis diagnosis = this.diagnoser.diagnose(resolved);
		context.progress(1, 1.0, diagnosis.verdict().name());
		return ToolResult.ok(DiagnosisText.of(diagnosis), diagnosis);
	}

}
