package dev.cairn.mcp;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.cairn.identity.CallerResolver;

/**
 * The one listing path for tools, beside the one registration path: both transports pass
 * {@code tools/list} answers through a {@link ToolListFilter} built from the same
 * {@link CairnTool} beans and the {@link ToolVisibility} the policy layer provides (every
 * tool, when there is none).
 */
@Configuration(proxyBeanMethods = false)
class ToolListing {

	@Bean
	ToolListFilter toolListFilter(List<CairnTool<?>> tools, CallerResolver callers,
			ObjectProvider<ToolVisibility> visibility) {
		Map<String, ToolDescriptor> descriptors = new HashMap<>();
		tools.forEach((tool) -> descriptors.put(tool.descriptor().name(), tool.descriptor()));
		return new ToolListFilter(callers, visibility.getIfAvailable(() -> ToolVisibility.ALL), descriptors);
	}

}
