package dev.cairn.mcp;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;

import dev.cairn.identity.Caller;

/**
 * For the guardrails benchmark only: the baseline it compares against. Added to a Cairn
 * started by the benchmark, it replaces each tool's guarded handler with one that binds
 * the arguments, runs the tool as the sandbox developer and maps the result, with no
 * identity resolution, policy decision or audit record. Everything else (transport,
 * session, JSON-RPC, the tool itself, result mapping) stays as in production. Test
 * sources only: there is no such switch in Cairn. Not a {@code @Configuration}, so that
 * component scanning of a Cairn started from the test class path never picks it up; the
 * benchmark passes it as a source of the one Cairn it means.
 */
public class UnguardedTools {

	private static final Caller DEVELOPER = new Caller("user:default/dana", Caller.PrincipalKind.USER,
			Caller.Channel.MCP, null, null, "benchmark baseline");

	@Bean
	static BeanPostProcessor unguardedToolHandlers(ObjectProvider<CairnTool<?>> tools) {
		return new BeanPostProcessor() {

			@Override
			@SuppressWarnings("unchecked")
			public Object postProcessAfterInitialization(Object bean, String name) {
				if (!"cairnTools".equals(name)) {
					return bean;
				}
				List<SyncToolSpecification> unguarded = new ArrayList<>();
				for (SyncToolSpecification specification : (List<SyncToolSpecification>) bean) {
					CairnTool<?> tool = tools.stream()
						.filter((candidate) -> candidate.descriptor().name().equals(specification.tool().name()))
						.findFirst()
						.orElseThrow();
					unguarded.add(SyncToolSpecification.builder()
						.tool(specification.tool())
						.callHandler(handler(tool))
						.build());
				}
				return List.copyOf(unguarded);
			}

		};
	}

	private static <I> BiFunction<McpSyncServerExchange, CallToolRequest, CallToolResult> handler(CairnTool<I> tool) {
		List<String> required = ToolArguments.required(tool.inputSchema());
		ToolContext context = new ToolContext() {

			@Override
			public Caller caller() {
				return DEVELOPER;
			}

			@Override
			public void progress(double progress, Double total, String message) {
			}

		};
		return (exchange, request) -> {
			I input = ToolArguments.bind(request.arguments(), tool.inputType(), required);
			return ToolResultMapper.toCallToolResult(tool.call(input, context));
		};
	}

}
