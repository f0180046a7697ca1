package dev.cairn.goldenpath;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A golden-path template that loaded: its definition and where its skeleton is.
 *
 * @param name the template's name ({@code metadata.name}), unique among templates
 * @param title a human title
 * @param description what the template makes
 * @param tags search tags
 * @param parameters the parameter schema
 * @param steps the steps, in order
 * @param folder the template's folder; the skeleton is its {@code skeleton/} folder
 */
public record GoldenPath(String name, String title, String description, List<String> tags, ParameterSchema parameters,
		List<Step> steps, Path folder) {

	public GoldenPath {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(parameters, "parameters");
		tags = List.copyOf(tags);
		steps = List.copyOf(steps);
	}

	/** The folder rendered into the new repository. */
	public Path skeleton() {
		return this.folder.resolve("skeleton");
	}

}
