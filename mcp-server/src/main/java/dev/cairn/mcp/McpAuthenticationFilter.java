package dev.cairn.mcp;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.cairn.identity.CallerResolver;
import dev.cairn.identity.RequestFacts;
import dev.cairn.identity.UnauthenticatedException;

/**
 * Refuses MCP requests whose caller cannot be identified before the MCP server sees them,
 * so that no method (tools, resources, prompts, completion) answers an unidentified
 * caller. Tool calls resolve the caller again in {@link GuardedToolHandler}, with the
 * client's name, for the record.
 */
class McpAuthenticationFilter extends OncePerRequestFilter {

	private final CallerResolver callers;

	private final String endpoint;

	McpAuthenticationFilter(CallerResolver callers, String endpoint) {
		this.callers = callers;
		this.endpoint = endpoint;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !this.endpoint.equals(request.getRequestURI());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			this.callers.resolveMcp(new RequestFacts(RequestFacts.HTTP, request.getRemoteAddr(),
					request.getHeader(HttpHeaders.AUTHORIZATION)), null);
		}
		catch (UnauthenticatedException ex) {
			response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
			response.setContentType("application/json");
			response.getWriter()
				.write("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32001,\"message\":"
						+ quote("unauthenticated: " + ex.getMessage()) + "}}");
			return;
		}
		chain.doFilter(request, response);
	}

	private static String quote(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

}
