package dev.cairn.mcp;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.cairn.audit.AuditTrail;
import dev.cairn.identity.CallerResolver;

/**
 * The one registration path for tools: every {@link CairnTool} bean becomes an MCP tool
 * whose handler is a {@link GuardedToolHandler}. There is no other way to publish a tool,
 * so nothing can skip the guard (nor the audit trail it writes).
 */
@Configuration(proxyBeanMethods = false)
class ToolRegistrar {

	/**
	 * Declares the logging capability, which Spring AI's default builder leaves out:
	 * {@link ToolContext#log} sends {@code notifications/message}, and clients may set
	 * the level with {@code logging/setLevel}. Spring AI adds the tool, resource, prompt
	 * and completion capabilities to this builder itself.
	 */
	@Bean
	McpSchema.ServerCapabilities.Builder mcpServerCapabilities() {
		return McpSchema.ServerCapabilities.builder().logging();
	}

	@Bean
	List<SyncToolSpecification> cairnTools(List<CairnTool<?>> tools, CallerResolver callers, AuditTrail audit,
			PolicyGate policy, Clock clock, @Value("${spring.ai.mcp.server.stdio:false}") boolean stdio) {
		Set<String> names = new HashSet<>();
		List<SyncToolSpecification> specifications = new ArrayList<>();
		List<CairnTool<?>> sorted = new ArrayList<>(tools);
		sorted.sort(Comparator.comparing((tool) -> tool.descriptor().name()));
		for (CairnTool<?> tool : sorted) {
			if (!names.add(tool.descriptor().name())) {
				throw new IllegalStateException("two tools are named " + tool.descriptor().name());
			}
			specifications.add(specificationOf(tool, callers, audit, policy, clock, stdio));
		}
		return List.copyOf(specifications);
	}

	static <I> SyncToolSpecification specificationOf(CairnTool<I> tool, CallerResolver callers, AuditTrail audit,
			PolicyGate policy, Clock clock, boolean stdio) {
		ToolDescriptor descriptor = tool.descriptor();
		Map<String, Object> schema = tool.inputSchema();
		McpSchema.Tool mcpTool = McpSchema.Tool.builder()
			.name(descriptor.name())
			.title(descriptor.title())
			.description(descriptor.description())
			.inputSchema(schema)
			.annotations(new McpSchema.ToolAnnotations(descriptor.title(), descriptor.readOnly(),
					descriptor.destructive(), descriptor.idempotent(), descriptor.openWorld(), null))
			.build();
		return SyncToolSpecification.builder()
			.tool(mcpTool)
			.callHandler(new GuardedToolHandler<>(tool, schema, callers, audit, policy, clock, stdio))
			.build();
	}

}
