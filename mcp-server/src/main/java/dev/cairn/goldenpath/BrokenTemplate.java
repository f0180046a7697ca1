package dev.cairn.goldenpath;

import java.util.List;

/**
 * A template folder that did not load, with everything found wrong in it.
 *
 * @param folder the folder's name under {@code golden-paths/}
 * @param problems at least one
 */
public record BrokenTemplate(String folder, List<TemplateProblem> problems) {

	public BrokenTemplate {
		problems = List.copyOf(problems);
	}

}
