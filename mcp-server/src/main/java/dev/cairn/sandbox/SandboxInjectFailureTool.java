package dev.cairn.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import dev.cairn.catalog.EntityLookup;
import dev.cairn.mcp.DescribedTool;
import dev.cairn.mcp.ToolContext;
import dev.cairn.mcp.ToolDescriptor;
import dev.cairn.mcp.ToolInputException;
import dev.cairn.mcp.ToolResult;

/**
 * {@code sandbox_inject_failure}: makes a service of the sandbox fail as a real
 * deployment fails, or fixes it. Offered only while the sandbox is the telemetry source.
 * It changes the service's deployment, so the policy's owner rules apply to it.
 */
@Component
@ConditionalOnProperty(name = SandboxConfiguration.SOURCE, havingValue = "sandbox", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "cairn.sandbox.enabled", matchIfMissing = true)
class SandboxInjectFailureTool extends DescribedTool<SandboxInjectFailureTool.Input> {

	private static final ToolDescriptor DESCRIPTOR = new ToolDescriptor("sandbox_inject_failure",
			"Inject a failure into the sandbox",
			"Sandbox only: make a service of the embedded sandbox platform fail the way real deployments fail, so "
					+ "the inspection tools and the diagnosis have something real to find, or fix it with failure=none. "
					+ "Most failures arrive as a new revision (a commit by a member of the owning team) deployed 15 to 40 "
					+ "minutes ago: missing-config (CrashLoopBackOff, a required configuration value is not set), "
					+ "oom-killed (OOMKilled at the 512Mi limit), image-pull-unbuilt (ImagePullBackOff; the commit's CI "
					+ "run failed), readiness-failing (readiness probe answers 503), unschedulable (Pending: insufficient "
					+ "memory), migration-failed (the PreSync migration Job hits BackoffLimitExceeded and the sync "
					+ "fails), error-rate-regression (about 10% of requests fail after the rollout), latency-regression "
					+ "(p99 near 2s after the rollout). dependency-failing makes a dependency of the service crash "
					+ "(its database refuses connections) with no new revision: name it in dependency, or the first one "
					+ "the service depends on is taken. none deploys a fixed revision and brings failing dependencies "
					+ "back. Repeating a call changes nothing. Returns the revision deployed (version, commit, author) "
					+ "or the dependency that fails.",
			false, false, true, false);

	record Input(@JsonProperty(
			required = true) @JsonPropertyDescription("The service (a component name), e.g. checkout-web") String service,
			@JsonProperty(required = true) @JsonPropertyDescription("staging or production") String environment,
			@JsonProperty(
					required = true) @JsonPropertyDescription("The failure to inject, or none to fix what fails") String failure,
			@JsonPropertyDescription("For dependency-failing: the service that fails (default: the first the service depends on)") String dependency) {
	}

	private final SandboxPlatform platform;

	SandboxInjectFailureTool(SandboxPlatform platform) {
		super(DESCRIPTOR, Input.class);
		this.platform = platform;
	}

	/** The generated schema, with the failures and environments as enums. */
	@Override
	@SuppressWarnings("unchecked")
	public Map<String, Object> inputSchema() {
		Map<String, Object> schema = new LinkedHashMap<>(super.inputSchema());
		Map<String, Object> properties = new LinkedHashMap<>((Map<String, Object>) schema.get("properties"));
		properties.put("failure", withEnum(properties.get("failure"), Failure.wireNames()));
		properties.put("environment", withEnum(properties.get("environment"), Fleet.ENVIRONMENTS));
		schema.put("properties", properties);
		return schema;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> withEnum(Object property, Object values) {
		Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) property);
		copy.put("enum", values);
		return copy;
	}

	@Override
	public String target(Input input) {
		return (input.service() != null) ? EntityLookup.targetOf(input.service().trim()) : null;
	}

	@Override
	public ToolResult call(Input input, ToolContext context) {
		try {
			Injection done = this.platform.inject(input.service(), input.environment(), input.failure(),
					input.dependency());
			return ToolResult.ok(done.summary(), done);
		}
		catch (InvalidChange ex) {
			throw new ToolInputException(ex.field(), ex.getMessage());
		}
	}

}
