package dev.cairn.goldenpath;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.springframework.stereotype.Component;

import dev.cairn.mcp.DescribedTool;
import dev.cairn.mcp.ToolContext;
import dev.cairn.mcp.ToolDescriptor;
import dev.cairn.mcp.ToolResult;

/**
 * {@code goldenpath_list}: the templates that loaded, and the broken ones with their
 * problems.
 */
@Component
class GoldenPathListTool extends DescribedTool<GoldenPathListTool.Input> {

	private static final ToolDescriptor DESCRIPTOR = ToolDescriptor.readOnly("goldenpath_list", "List golden paths",
			"List the golden-path templates a new service can be scaffolded from (the supported road: a repository "
					+ "with source, tests, Dockerfile, CI, Kubernetes manifests, catalog entry, dashboards and alerts): "
					+ "each with its name, title, description, tags and parameter names (required ones first). Also "
					+ "lists templates that are broken and were not loaded, with each problem's file, line and field. "
					+ "Call goldenpath_describe for a template's parameter types, defaults and steps.");

	record Input(@JsonPropertyDescription("Only templates with this tag, e.g. go or java") String tag) {
	}

	/**
	 * The answer.
	 *
	 * @param templates the templates that loaded, sorted by name
	 * @param broken the template folders that did not load
	 */
	record Answer(List<Summary> templates, List<Broken> broken) {
	}

	/**
	 * A template in the list.
	 *
	 * @param name its name
	 * @param title its title
	 * @param description what it makes
	 * @param tags its tags
	 * @param parameters its parameter names, required ones first
	 * @param required the required parameter names
	 */
	record Summary(String name, String title, String description, List<String> tags, List<String> parameters,
			List<String> required) {
	}

	/**
	 * A broken template.
	 *
	 * @param folder its folder
	 * @param problems each as {@code file:line: field: message}
	 */
	record Broken(String folder, List<String> problems) {
	}

	private final GoldenPaths paths;

	GoldenPathListTool(GoldenPaths paths) {
		super(DESCRIPTOR, Input.class);
		this.paths = paths;
	}

	@Override
	public ToolResult call(Input input, ToolContext context) {
		TemplateSet set = this.paths.current();
		String tag = (input != null && input.tag() != null && !input.tag().isBlank()) ? input.tag().trim() : null;
		List<Summary> templates = new ArrayList<>();
		for (GoldenPath template : set.templates()) {
			if (tag != null && !template.tags().contains(tag)) {
				continue;
			}
			List<String> required = template.parameters().required();
			List<String> names = new ArrayList<>(required);
			template.parameters().names().stream().filter((name) -> !required.contains(name)).forEach(names::add);
			templates.add(new Summary(template.name(), template.title(), template.description(), template.tags(), names,
					required));
		}
		List<Broken> broken = set.broken()
			.stream()
			.map((b) -> new Broken(b.folder(), b.problems().stream().map(TemplateProblem::toString).toList()))
			.toList();
		Answer answer = new Answer(templates, broken);
		return ToolResult.ok(text(answer, tag), answer);
	}

	private static String text(Answer answer, String tag) {
		StringBuilder text = new StringBuilder();
		text.append(answer.templates().size())
			.append(" golden path")
			.append((answer.templates().size() == 1) ? "" : "s");
		text.append((tag != null) ? " tagged " + tag : "").append(":\n");
		for (Summary summary : answer.templates()) {
			text.append("- ").append(summary.name()).append(": ").append(summary.title());
			text.append(" [").append(String.join(", ", summary.tags())).append("]\n  ");
			text.append(summary.description())
				.append("\n  parameters: ")
				.append(String.join(", ", summary.parameters()));
			text.append(" (required: ").append(String.join(", ", summary.required())).append(")\n");
		}
		for (Broken broken : answer.broken()) {
			text.append("broken, not loaded: ").append(broken.folder()).append('\n');
			broken.problems().forEach((problem) -> text.append("  ").append(problem).append('\n'));
		}
		return text.toString();
	}

}
