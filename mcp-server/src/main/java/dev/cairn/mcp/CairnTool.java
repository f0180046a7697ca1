package dev.cairn.mcp;

import java.util.Map;

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
	 * The input schema clients are shown, generated from {@link #inputType()}. Override
	 * only when the schema must carry keywords the generator does not write (a
	 * {@code $schema} dialect, named {@code $defs}); the override must still describe the
	 * input record, which is what arguments are bound to.
	 */
	default Map<String, Object> inputSchema() {
		return ToolArguments.schemaOf(inputType());
	}

	/**
	 * The catalog entity the arguments name, as an entity ref, for the audit trail (and
	 * later the policy); {@code null} when the call is not about one entity.
	 */
	default String target(I input) {
		return null;
	}

	/**
	 * Runs the tool. Throw {@link ToolInputException} for arguments that are well-formed
	 * but unusable (an unknown entity ref, say); any other exception becomes an
	 * {@code isError} result naming the tool.
	 */
	ToolResult call(I input, ToolContext context);

}
