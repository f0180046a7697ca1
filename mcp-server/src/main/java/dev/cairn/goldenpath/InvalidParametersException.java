package dev.cairn.goldenpath;

import java.util.List;

/**
 * Parameters a template's schema refuses; thrown before anything is rendered or created.
 * The message names every field, e.g. {@code parameters.name: must match ^[a-z]...}.
 */
public class InvalidParametersException extends RuntimeException {

	private final List<String> errors;

	public InvalidParametersException(List<String> errors) {
		super("invalid parameters: " + String.join("; ", errors));
		this.errors = List.copyOf(errors);
	}

	/** One message per field, each starting with {@code parameters.<field>: }. */
	public List<String> errors() {
		return this.errors;
	}

}
