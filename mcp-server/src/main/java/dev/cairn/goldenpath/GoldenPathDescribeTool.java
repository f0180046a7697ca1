package dev.cairn.goldenpath;

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
 * {@code goldenpath_describe}: one template's parameters and steps.
 */
@Component
class GoldenPathDescribeTool extends DescribedTool<GoldenPathDescribeTool.Input> {

	private static final ToolDescriptor DESCRIPTOR = ToolDescriptor.readOnly("goldenpath_describe",
			"Describe a golden path",
			"Describe one golden-path template: every parameter with its type, description, whether it is required, "
					+ "its default, its allowed values and pattern; and its steps in order, each with its action "
					+ "(repository.create, catalog.register, resource.provision, gitops.deploy), its inputs (with "
					+ "${{ parameters.x }} references unresolved) and the condition under which it runs. Use it after "
					+ "goldenpath_list, to know which parameters to ask the user for; the structured answer also holds the "
					+ "parameters' JSON Schema (draft 2020-12) as written.");

	record Input(@JsonProperty(
			required = true) @JsonPropertyDescription("The template's name, e.g. go-service (see goldenpath_list)") String template) {
	}

	private final GoldenPaths paths;

	GoldenPathDescribeTool(GoldenPaths paths) {
		super(DESCRIPTOR, Input.class);
		this.paths = paths;
	}

	@Override
	public ToolResult call(Input input, ToolContext context) {
		TemplateSet set = this.paths.current();
		String name = (input.template() != null) ? input.template().trim() : "";
		GoldenPath template = set.find(name).orElseThrow(() -> unknown(set, name));
		TemplateDescription description = TemplateDescription.of(template);
		return ToolResult.ok(description.toText(), description);
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
