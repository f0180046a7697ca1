package dev.cairn.mcp;

/**
 * An argument a tool cannot use. The field is named so that an agent can correct the
 * call.
 */
public class ToolInputException extends RuntimeException {

	private final String field;

	public ToolInputException(String field, String problem) {
		super(field == null ? problem : "argument '" + field + "': " + problem);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}
