package dev.cairn.mcp;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.PrintStream;

import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpServerTransportProviderBase;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stdio transport ({@code --stdio}). Standard output belongs to JSON-RPC alone: a
 * single stray line (a library's warning, a {@code System.out.println}) makes MCP clients
 * drop the connection. So the transport gets the process's real standard output, and
 * {@code System.out} is pointed at standard error for everything else.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.ai.mcp.server.stdio", havingValue = "true")
class McpStdioTransportConfiguration {

	@Bean
	McpServerTransportProviderBase stdioServerTransport(JsonMapper jsonMapper, ToolListFilter toolListFilter) {
		FileOutputStream protocolOut = new FileOutputStream(FileDescriptor.out);
		System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
		return new ToolListFilteringStdioProvider(new StdioServerTransportProvider(new JacksonMcpJsonMapper(jsonMapper),
				new FileInputStream(FileDescriptor.in), protocolOut), toolListFilter);
	}

}
