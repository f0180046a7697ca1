package dev.cairn.goldenpath;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.springframework.stereotype.Component;

import dev.cairn.mcp.DescribedTool;
import dev.cairn.mcp.ToolContext;
import dev.cairn.mcp.ToolDescriptor;
import dev.cairn.mcp.ToolInputException;
import dev.cairn.mcp.ToolResult;

/**
 * {@code goldenpath_plan}: a dry run of a golden path. Read-only: it renders in memory
 * and reads the catalog, and writes nothing.
 */
@Component
class GoldenPathPlanTool extends DescribedTool<GoldenPathPlanTool.Input> {

	private static final ToolDescriptor DESCRIPTOR = ToolDescriptor.readOnly("goldenpath_plan",
			"Plan a golden path (dry run)",
			"Dry run of a golden-path template: validates the parameters (an invalid one is refused, naming the "
					+ "field), evaluates each step's condition and says what each step that runs would make: the "
					+ "repository and every file of its first commit (size, mode, SHA-256, and a diff against an "
					+ "empty tree), the catalog entity (and whether the name is already taken, so the run would "
					+ "fail), the resource claims (encryption, backups, the credentials' secret name), and the "
					+ "GitOps commit, image version and health checks of each deployment. Changes nothing. Call it "
					+ "before running a template, with the same template and parameters, and show the plan to the user.");

	private static final Pattern NAME = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");

	record Input(@JsonProperty(
			required = true) @JsonPropertyDescription("The template's name, e.g. go-service (see goldenpath_list)") String template,
			@JsonProperty(
					required = true) @JsonPropertyDescription("The template's parameters (see goldenpath_describe), e.g. {\"name\": \"fraud-scorer\", \"owner\": \"team-risk\", \"system\": \"risk\", \"description\": \"Scores payments\"}") Map<String, Object> parameters,
			@JsonPropertyDescription("The future owner, when not given in parameters.owner; must agree with it when both are given") String owner) {
	}

	private final GoldenPaths paths;

	private final Planner planner;

	GoldenPathPlanTool(GoldenPaths paths, Planner planner) {
		super(DESCRIPTOR, Input.class);
		this.paths = paths;
		this.planner = planner;
	}

	/**
	 * The generated schema closes every object; {@code parameters} is open, its names
	 * being the template's (goldenpath_describe gives them, and the template's schema
	 * checks them).
	 */
	@Override
	public Map<String, Object> inputSchema() {
		Map<String, Object> schema = new LinkedHashMap<>(super.inputSchema());
		@SuppressWarnings("unchecked")
		Map<String, Object> properties = new LinkedHashMap<>((Map<String, Object>) schema.get("properties"));
		@SuppressWarnings("unchecked")
		Map<String, Object> parameters = new LinkedHashMap<>((Map<String, Object>) properties.get("parameters"));
		parameters.put("additionalProperties", true);
		properties.put("parameters", parameters);
		schema.put("properties", properties);
		return schema;
	}

	/** The component the run would create, so that the policy and the audit see it. */
	@Override
	public String target(Input input) {
		Object name = (input.parameters() != null) ? input.parameters().get("name") : null;
		return (name instanceof String text && NAME.matcher(text).matches()) ? "component:default/" + text : null;
	}

	@Override
	public ToolResult call(Input input, ToolContext context) {
		TemplateSet set = this.paths.current();
		String name = (input.template() != null) ? input.template().trim() : "";
		GoldenPath template = set.find(name).orElseThrow(() -> unknown(set, name));
		Map<String, Object> parameters = parameters(input);
		String author = (context != null && context.caller() != null) ? context.caller().principal() : "unknown";
		try {
			Plan plan = this.planner.plan(template, parameters, author);
			return ToolResult.ok(PlanText.of(plan), plan);
		}
		catch (InvalidParametersException ex) {
			throw new ToolInputException("parameters",
					String.join("; ", ex.errors()) + "; nothing was planned (see goldenpath_describe " + name + ")");
		}
	}

	private static Map<String, Object> parameters(Input input) {
		Map<String, Object> parameters = new LinkedHashMap<>(
				(input.parameters() != null) ? input.parameters() : Map.of());
		if (input.owner() != null && !input.owner().isBlank()) {
			Object inner = parameters.get("owner");
			if (inner == null) {
				parameters.put("owner", input.owner());
			}
			else if (!input.owner().equals(inner)) {
				throw new ToolInputException("owner", "owner \"" + input.owner() + "\" and parameters.owner \"" + inner
						+ "\" disagree; give the owner once");
			}
		}
		return parameters;
	}

	private static ToolInputException unknown(TemplateSet set, String name) {
		for (BrokenTemplate broken : set.broken()) {
			if (broken.folder().equals(name)) {
				return new ToolInputException("template", "golden path " + name + " is broken and was not loaded: "
						+ broken.problems().stream().map(TemplateProblem::toString).collect(Collectors.joining("; ")));
			}
		}
		return new ToolInputException("template", "no golden path \"" + name + "\"; the golden paths are "
				+ set.templates().stream().map(GoldenPath::name).collect(Collectors.joining(", ")));
	}

}
