package dev.cairn.mcp;

import org.springframework.ai.mcp.customizer.McpSyncServerCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Server settings the auto-configuration does not expose. Tool input validation is
 * switched off in the SDK because {@link GuardedToolHandler} validates every call itself:
 * that way an invalid call still passes through the one guarded path (and is recorded
 * like any other), and agents get one message format that names the field at fault. On
 * HTTP, handlers run on the servlet request thread, as Spring AI's own servlet customizer
 * would do.
 */
@Configuration(proxyBeanMethods = false)
class McpServerCustomization {

	// Primary: the auto-configuration takes a single customizer and also declares its own
	// servlet one.
	@Bean
	@Primary
	McpSyncServerCustomizer cairnServerCustomizer(@Value("${spring.ai.mcp.server.stdio:false}") boolean stdio) {
		return (specification) -> {
			specification.validateToolInputs(false);
			if (!stdio) {
				specification.immediateExecution(true);
			}
		};
	}

}
