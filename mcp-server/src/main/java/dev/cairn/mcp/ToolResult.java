package dev.cairn.mcp;

import java.util.Objects;

/**
 * What a tool returns: a compact text for agents and humans, and the same content as
 * structured data.
 *
 * @param text the text content, already bounded by the tool
 * @param structured a JSON-serializable object (records, maps, lists), or {@code null}
 * @param error whether this is an {@code isError} result
 */
public record ToolResult(String text, Object structured, boolean error) {

	public ToolResult {
		Objects.requireNonNull(text, "text");
	}

	public static ToolResult ok(String text, Object structured) {
		return new ToolResult(text, structured, false);
	}

	public static ToolResult error(String text) {
		return new ToolResult(text, null, true);
	}

}
