package dev.cairn.mcp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import org.springframework.ai.mcp.server.common.autoconfigure.properties.McpServerStreamableHttpProperties;
import org.springframework.ai.mcp.server.webmvc.transport.WebMvcStreamableServerTransportProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;

import tools.jackson.databind.json.JsonMapper;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;

import dev.cairn.identity.CallerResolver;
import dev.cairn.identity.RequestFacts;

/**
 * The Streamable HTTP transport at {@code /mcp}, declared here rather than by
 * auto-configuration so that it validates Host and Origin (DNS-rebinding protection) and
 * hands each request's origin facts to the identity resolver.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableConfigurationProperties(McpHttpTransportConfiguration.HttpSecurityProperties.class)
class McpHttpTransportConfiguration {

	static final String REQUEST_FACTS = "cairn.requestFacts";

	/**
	 * What the HTTP transport saw of a request. No facts means a transport we do not
	 * know: an anonymous remote caller (fail closed).
	 */
	static RequestFacts factsOf(McpTransportContext context) {
		Object facts = (context != null) ? context.get(REQUEST_FACTS) : null;
		return (facts instanceof RequestFacts known) ? known : new RequestFacts(RequestFacts.HTTP, null, null);
	}

	@Bean
	WebMvcStreamableServerTransportProvider webMvcStreamableServerTransportProvider(JsonMapper jsonMapper,
			McpServerStreamableHttpProperties properties, HttpSecurityProperties security) {
		return WebMvcStreamableServerTransportProvider.builder()
			.jsonMapper(new JacksonMcpJsonMapper(jsonMapper))
			.mcpEndpoint(properties.getMcpEndpoint())
			.keepAliveInterval(properties.getKeepAliveInterval())
			.disallowDelete(properties.isDisallowDelete())
			.securityValidator(DefaultServerTransportSecurityValidator.builder()
				.allowedHosts(security.allowedHosts())
				.allowedOrigins(security.allowedOrigins())
				.build())
			.contextExtractor((request) -> McpTransportContext.create(Map.of(REQUEST_FACTS,
					new RequestFacts(RequestFacts.HTTP, request.servletRequest().getRemoteAddr(),
							request.headers().firstHeader(HttpHeaders.AUTHORIZATION)))))
			.build();
	}

	/**
	 * The transport the MCP server is built on: the provider above (which also serves the
	 * routes), with {@code tools/list} answers narrowed to what each caller may see.
	 */
	@Bean
	@Primary
	McpStreamableServerTransportProvider cairnStreamableTransport(WebMvcStreamableServerTransportProvider provider,
			ToolListFilter toolListFilter) {
		return new ToolListFilteringStreamableProvider(provider, toolListFilter);
	}

	@Bean
	FilterRegistrationBean<McpAuthenticationFilter> mcpAuthenticationFilter(CallerResolver callers,
			McpServerStreamableHttpProperties properties) {
		FilterRegistrationBean<McpAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new McpAuthenticationFilter(callers, properties.getMcpEndpoint()));
		registration.addUrlPatterns(properties.getMcpEndpoint());
		return registration;
	}

	/**
	 * Which Host and Origin headers the MCP endpoint accepts ({@code cairn.http.*}). The
	 * defaults accept loopback names on any port; a deployment behind a proxy lists its
	 * public host name.
	 */
	@ConfigurationProperties("cairn.http")
	record HttpSecurityProperties(List<String> allowedHosts, List<String> allowedOrigins) {

		HttpSecurityProperties {
			allowedHosts = (allowedHosts == null || allowedHosts.isEmpty())
					? List.of("localhost:*", "127.0.0.1:*", "[::1]:*", "localhost", "127.0.0.1", "[::1]")
					: List.copyOf(allowedHosts);
			if (allowedOrigins == null || allowedOrigins.isEmpty()) {
				List<String> origins = new ArrayList<>();
				for (String host : allowedHosts) {
					origins.add("http://" + host);
					origins.add("https://" + host);
				}
				allowedOrigins = origins;
			}
		}

	}

}
