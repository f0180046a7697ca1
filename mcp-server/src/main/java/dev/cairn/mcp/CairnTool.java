package dev.cairn.mcp;

/**
 * A tool Cairn offers over MCP (and, later, chat and REST). Implementations live in their
 * feature package and are Spring beans; {@link ToolRegistrar} is the only way they reach
 * a client, and it wraps every call in {@link GuardedToolHandler}.
 *
 * @param <I> the input record; its JSON schema is generated from the record's components
 */
public interface CairnTool<I> {

	ToolDescriptor descriptor();

	Class<I> inputType();

	/**
	 * Runs the tool. Throw {@link ToolInputException} for arguments that are well-formed
	 * but unusable (an unknown entity ref, say); any other exception becomes an
	 * {@code isError} result naming the tool.
	 */
	ToolResult call(I input, ToolContext context);

}
