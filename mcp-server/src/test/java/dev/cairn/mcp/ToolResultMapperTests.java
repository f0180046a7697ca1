package dev.cairn.mcp;

import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ToolResultMapperTests {

	@Test
	void textComesFirstAndExtraContentFollowsInOrder() {
		ToolResult result = ToolResult.ok("see below", null)
			.withContent(new ToolContent.Image("aW1n", "image/png"), new ToolContent.Audio("c25k", "audio/wav"),
					new ToolContent.Resource("test://doc", "text/plain", "the doc"));

		CallToolResult mapped = ToolResultMapper.toCallToolResult(result);

		assertThat(mapped.content()).hasSize(4);
		assertThat(mapped.content().get(0)).isEqualTo(new McpSchema.TextContent("see below"));
		assertThat(mapped.content().get(1)).isEqualTo(new McpSchema.ImageContent(null, "aW1n", "image/png"));
		assertThat(mapped.content().get(2)).isEqualTo(new McpSchema.AudioContent(null, "c25k", "audio/wav"));
		assertThat(mapped.content().get(3)).isEqualTo(new McpSchema.EmbeddedResource(null,
				new McpSchema.TextResourceContents("test://doc", "text/plain", "the doc")));
		assertThat(mapped.isError()).isFalse();
	}

	@Test
	void resultsWithoutExtraContentKeepOneTextItem() {
		CallToolResult mapped = ToolResultMapper.toCallToolResult(ToolResult.error("failed"));

		assertThat(mapped.content()).containsExactly(new McpSchema.TextContent("failed"));
		assertThat(mapped.isError()).isTrue();
	}

}
