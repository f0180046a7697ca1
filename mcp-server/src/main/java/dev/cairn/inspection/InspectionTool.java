package dev.cairn.inspection;

import java.util.ArrayList;
import java.util.List;

import dev.cairn.mcp.DescribedTool;
import dev.cairn.mcp.ToolContext;
import dev.cairn.mcp.ToolDescriptor;
import dev.cairn.mcp.ToolResult;
import dev.cairn.telemetry.BackendException;
import dev.cairn.telemetry.EnvironmentBackends;

/**
 * A tool about one service in one environment: it resolves the service and environment
 * once ({@link ServiceTargets}), names the component as the call's target for the policy
 * and the audit trail, and turns a backend that is down or missing into an
 * {@code isError} answer that names the backend and says what still works, rather than a
 * server failure.
 *
 * @param <I> the input record
 */
abstract class InspectionTool<I extends InspectionTool.ServiceInput> extends DescribedTool<I> {

	private final ServiceTargets targets;

	private final Port port;

	InspectionTool(ServiceTargets targets, ToolDescriptor descriptor, Class<I> inputType, Port port) {
		super(descriptor, inputType);
		this.targets = targets;
		this.port = port;
	}

	@Override
	public final String target(I input) {
		return ServiceTargets.targetOf(input.service());
	}

	@Override
	public final ToolResult call(I input, ToolContext context) {
		ServiceTargets.Resolved resolved = this.targets.resolve(input.service(), input.environment());
		try {
			return call(resolved, input, context);
		}
		catch (BackendException ex) {
			return ToolResult.error(failure(resolved, ex));
		}
	}

	abstract ToolResult call(ServiceTargets.Resolved resolved, I input, ToolContext context);

	/**
	 * What the agent reads when the backend this tool needs is missing or cannot answer:
	 * the backend's own words (which name it) and the tools that still answer for the
	 * environment.
	 */
	String failure(ServiceTargets.Resolved resolved, BackendException ex) {
		EnvironmentBackends backends = resolved.backends();
		String environment = resolved.target().environment();
		boolean missing = !this.port.configuredIn(backends);
		StringBuilder text = new StringBuilder(descriptor().name());
		text.append(missing ? " cannot answer for " : " could not read ")
			.append(missing ? environment : this.port.what + " of " + resolved.target())
			.append(": ")
			.append(ex.getMessage())
			.append('.');
		List<String> working = new ArrayList<>();
		for (Port other : Port.values()) {
			if (other != this.port && other.configuredIn(backends)) {
				working.add(other.tool + " (" + other.what + ")");
			}
		}
		if (working.isEmpty()) {
			text.append(" No other inspection tool has a backend for ").append(environment).append('.');
		}
		else {
			text.append(" Still available for ").append(environment).append(": ").append(String.join(", ", working));
			text.append('.');
		}
		if (!missing) {
			text.append(" The backend may be down or slow: try again shortly, and tell its operators if it persists.");
		}
		return text.toString();
	}

	/** The arguments every inspection tool takes. */
	interface ServiceInput {

		String service();

		String environment();

	}

	/** The port each inspection tool reads, and the tool that reads it. */
	enum Port {

		DEPLOYMENTS("deployment_status", "the deployment state"), LOGS("logs_query", "the logs"),
		METRICS("metrics_query", "the metrics");

		final String tool;

		final String what;

		Port(String tool, String what) {
			this.tool = tool;
			this.what = what;
		}

		boolean configuredIn(EnvironmentBackends backends) {
			if (this == DEPLOYMENTS) {
				return backends.deployments() != null;
			}
			return (this == LOGS) ? backends.logs() != null : backends.metrics() != null;
		}

	}

}
