package dev.cairn.mcp;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Maps a {@link ToolResult} to the MCP result: the text as content, the structured object
 * as {@code structuredContent} (always a JSON object, nulls left out).
 */
final class ToolResultMapper {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.changeDefaultPropertyInclusion((incl) -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
		.build();

	private ToolResultMapper() {
	}

	static CallToolResult toCallToolResult(ToolResult result) {
		CallToolResult.Builder builder = CallToolResult.builder()
			.addContent(new McpSchema.TextContent(result.text()))
			.isError(result.error());
		if (result.structured() != null) {
			builder.structuredContent(toObject(result.structured()));
		}
		return builder.build();
	}

	static Map<String, Object> toObject(Object structured) {
		return MAPPER.convertValue(structured, new TypeReference<LinkedHashMap<String, Object>>() {
		});
	}

}
