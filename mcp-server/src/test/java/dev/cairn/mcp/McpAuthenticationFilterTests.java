package dev.cairn.mcp;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import dev.cairn.identity.CallerResolver;
import dev.cairn.identity.IdentityProperties;

import static org.assertj.core.api.Assertions.assertThat;

class McpAuthenticationFilterTests {

	private final McpAuthenticationFilter filter = new McpAuthenticationFilter(
			new CallerResolver(new IdentityProperties("user:default/dana", true)), "/mcp");

	@Test
	void refusesAnUnidentifiedRemoteCallerBeforeAnyMcpMethod() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/mcp");
		request.setRemoteAddr("192.0.2.10");
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();
		this.filter.doFilter(request, response, chain);
		assertThat(response.getStatus()).isEqualTo(401);
		assertThat(response.getContentAsString()).contains("\"code\":-32001").contains("192.0.2.10");
		assertThat(chain.getRequest()).isNull();
	}

	@Test
	void letsTheLocalDemoDeveloperThrough() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/mcp");
		request.setRemoteAddr("127.0.0.1");
		MockFilterChain chain = new MockFilterChain();
		this.filter.doFilter(request, new MockHttpServletResponse(), chain);
		assertThat(chain.getRequest()).isSameAs(request);
	}

	@Test
	void leavesOtherEndpointsAlone() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/actuator/health");
		request.setRemoteAddr("192.0.2.10");
		MockFilterChain chain = new MockFilterChain();
		this.filter.doFilter(request, new MockHttpServletResponse(), chain);
		assertThat(chain.getRequest()).isSameAs(request);
	}

}
