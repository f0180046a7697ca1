package dev.cairn.goldenpath;

import java.util.List;
import java.util.Optional;

/**
 * What one load of the golden-paths folder found.
 *
 * @param folder the folder read, as given
 * @param templates the templates that loaded, sorted by name
 * @param broken the template folders that did not, with their problems
 */
public record TemplateSet(String folder, List<GoldenPath> templates, List<BrokenTemplate> broken) {

	public TemplateSet {
		templates = List.copyOf(templates);
		broken = List.copyOf(broken);
	}

	/** The template of that name, if it loaded. */
	public Optional<GoldenPath> find(String name) {
		return this.templates.stream().filter((template) -> template.name().equals(name)).findFirst();
	}

	/** Every problem of every broken template. */
	public List<TemplateProblem> problems() {
		return this.broken.stream().flatMap((broken) -> broken.problems().stream()).toList();
	}

}
