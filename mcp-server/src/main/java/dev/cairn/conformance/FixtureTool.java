package dev.cairn.conformance;

import java.util.Map;
import java.util.function.BiFunction;

import dev.cairn.mcp.CairnTool;
import dev.cairn.mcp.ToolContext;
import dev.cairn.mcp.ToolDescriptor;
import dev.cairn.mcp.ToolResult;

/**
 * A fixture tool built from a descriptor and a function, so that each fixture is one bean
 * method rather than one class.
 *
 * @param descriptor what clients see
 * @param inputType the input record
 * @param schema an input schema written by hand, or {@code null} for the generated one
 * @param body what the tool does
 */
record FixtureTool<I>(ToolDescriptor descriptor, Class<I> inputType, Map<String, Object> schema,
		BiFunction<I, ToolContext, ToolResult> body) implements CairnTool<I> {

	static <I> FixtureTool<I> of(String name, String description, Class<I> inputType,
			BiFunction<I, ToolContext, ToolResult> body) {
		return new FixtureTool<>(descriptor(name, description), inputType, null, body);
	}

	static ToolDescriptor descriptor(String name, String description) {
		return ToolDescriptor.readOnly(name, name, "Conformance fixture: " + description);
	}

	@Override
	public Map<String, Object> inputSchema() {
		return (this.schema != null) ? this.schema : CairnTool.super.inputSchema();
	}

	@Override
	public ToolResult call(I input, ToolContext context) {
		return this.body.apply(input, context);
	}

}
