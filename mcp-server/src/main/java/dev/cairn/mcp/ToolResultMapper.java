package dev.cairn.mcp;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Maps a {@link ToolResult} to the MCP result: the text as the first content item, any
 * extra content after it, the structured object as {@code structuredContent} (always a
 * JSON object, nulls left out).
 */
final class ToolResultMapper {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.changeDefaultPropertyInclusion((incl) -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
		.build();

	private ToolResultMapper() {
	}

	static CallToolResult toCallToolResult(ToolResult result) {
		return toCallToolResult(result, (result.structured() != null) ? toObject(result.structured()) : null);
	}

	/**
	 * The same, with the structured object already in JSON form (maps, lists, strings,
	 * numbers, booleans): what {@link #toObject} made of it, perhaps changed since.
	 */
	static CallToolResult toCallToolResult(ToolResult result, Map<String, Object> structured) {
		CallToolResult.Builder builder = CallToolResult.builder()
			.addContent(new McpSchema.TextContent(result.text()))
			.isError(result.error());
		for (ToolContent content : result.extraContent()) {
			builder.addContent(toContent(content));
		}
		if (structured != null) {
			builder.structuredContent(structured);
		}
		return builder.build();
	}

	private static McpSchema.Content toContent(ToolContent content) {
		// Java 17 has no pattern switch; the sealed type keeps this chain complete.
		if (content instanceof ToolContent.Image image) {
			return new McpSchema.ImageContent(null, image.data(), image.mimeType());
		}
		if (content instanceof ToolContent.Audio audio) {
			return new McpSchema.AudioContent(null, audio.data(), audio.mimeType());
		}
		ToolContent.Resource resource = (ToolContent.Resource) content;
		return new McpSchema.EmbeddedResource(null,
				new McpSchema.TextResourceContents(resource.uri(), resource.mimeType(), resource.text()));
	}

	static Map<String, Object> toObject(Object structured) {
		return MAPPER.convertValue(structured, new TypeReference<LinkedHashMap<String, Object>>() {
		});
	}

}
