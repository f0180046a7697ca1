package dev.cairn.goldenpath;

import java.util.Objects;

/**
 * Something wrong in a golden-path template, reported without stopping the other
 * templates from loading.
 *
 * @param file the file, relative to the golden-paths folder (e.g.
 * {@code go-service/template.yaml})
 * @param line the 1-based line, when known; {@code null} otherwise
 * @param field the field concerned (e.g. {@code spec.steps[2].action}), or {@code null}
 * @param message what is wrong
 */
public record TemplateProblem(String file, Integer line, String field, String message) {

	public TemplateProblem {
		Objects.requireNonNull(file, "file");
		Objects.requireNonNull(message, "message");
	}

	@Override
	public String toString() {
		return this.file + ((this.line != null) ? ":" + this.line : "") + ": "
				+ ((this.field != null) ? this.field + ": " : "") + this.message;
	}

}
