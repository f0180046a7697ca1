package dev.cairn.mcp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.cairn.catalog.CatalogService;
import dev.cairn.catalog.Entity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code tools/list} and {@code tools/call} agree for every principal and every tool: a
 * listed tool has a call the policy lets through (allowed, or held for an approval), and
 * every call of a tool that is not listed is denied. The principals are users of the demo
 * catalog, agents acting for some of them, a service, an agent acting for nobody and a
 * user of another tenant; the tools are every registered tool plus a changing and a
 * destructive one. Calls that change something are tried on one entity of each owner, in
 * staging.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ToolAccessMatrixIntegrationTests {

	/** Principal ref to {kind, acting-for}. */
	private static final Map<String, String[]> PRINCIPALS = new LinkedHashMap<>();

	static {
		for (String user : List.of("alice", "bob", "carol", "dana", "erin", "frank", "grace", "heidi", "ivan", "judy",
				"ken", "priya")) {
			PRINCIPALS.put("user:default/" + user, new String[] { "user", null });
		}
		for (String user : List.of("alice", "dana", "erin", "grace", "ivan", "judy")) {
			PRINCIPALS.put("agent:default/" + user + "-assistant", new String[] { "agent", "user:default/" + user });
		}
		PRINCIPALS.put("service:default/ci", new String[] { "service", null });
		PRINCIPALS.put("user:other/zed", new String[] { "user", null });
		PRINCIPALS.put("user:default/nobody-in-the-catalog", new String[] { "user", null });
		PRINCIPALS.put("agent:default/orphan-bot", new String[] { "agent", "user:default/nobody-in-the-catalog" });
	}

	@DynamicPropertySource
	static void tokens(DynamicPropertyRegistry registry) {
		int i = 0;
		for (Map.Entry<String, String[]> p : PRINCIPALS.entrySet()) {
			String prefix = "cairn.identity.tokens[" + i + "].";
			String name = "matrix-" + i;
			registry.add(prefix + "name", () -> name);
			registry.add(prefix + "token", () -> token(name));
			registry.add(prefix + "principal", p::getKey);
			registry.add(prefix + "kind", () -> p.getValue()[0]);
			if (p.getValue()[1] != null) {
				registry.add(prefix + "acting-for", () -> p.getValue()[1]);
			}
			i++;
		}
	}

	@LocalServerPort
	int port;

	@Autowired
	CatalogService catalog;

	@Autowired
	List<CairnTool<?>> tools;

	@Test
	void listedToolsAreExactlyTheOnesTheCallerCanGetThrough() {
		assertThat(PRINCIPALS).hasSizeGreaterThanOrEqualTo(20);
		List<String> targets = oneEntityPerOwner(false);
		List<String> disagreements = new ArrayList<>();
		int calls = 0;
		int i = 0;
		for (String principal : PRINCIPALS.keySet()) {
			McpSyncClient client = McpClients.http(this.port, token("matrix-" + i++));
			try {
				Set<String> listed = new TreeSet<>();
				client.listTools().tools().forEach((t) -> listed.add(t.name()));
				for (CairnTool<?> tool : this.tools) {
					String name = tool.descriptor().name();
					boolean through = false;
					String lastText = "";
					for (Map<String, Object> args : candidates(tool, targets,
							principal.replaceAll("^[^:]+:([^/]+)/.*$", "$1"))) {
						McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest(name, args));
						calls++;
						String text = McpClients.text(result);
						boolean undeployed = args.containsKey("failure")
								&& !deployedComponents().contains(args.get("service"));
						if (!String.valueOf(args.get("ref")).contains(":other/")
								&& !String.valueOf(args.get("service")).contains(":other/") && !undeployed) {
							assertThat(text).as(principal + " / " + name).doesNotStartWith("invalid arguments");
						}
						// A denial or an approval request starts with the tool's name; a
						// result
						// (even an error of the tool itself) means the policy let the
						// call through.
						through |= !result.isError() || !text.startsWith(name + " was denied by policy");
						lastText = text;
					}
					if (listed.contains(name) != through) {
						disagreements.add(principal + " " + name + ": listed=" + listed.contains(name)
								+ ", a call got through=" + through + " (" + lastText + ")");
					}
				}
			}
			finally {
				client.closeGracefully();
			}
		}
		assertThat(disagreements).as("%d calls", calls).isEmpty();
		assertThat(calls).isGreaterThan(PRINCIPALS.size() * this.tools.size());
	}

	private List<Map<String, Object>> candidates(CairnTool<?> tool, List<String> targets, String tenant) {
		String name = tool.descriptor().name();
		if (name.equals("sandbox_inject_failure")) {
			// A fix changes nothing in a healthy service; an owner with no deployed
			// service is offered its entity, which the tool refuses after the policy.
			List<Map<String, Object>> out = new ArrayList<>();
			for (String target : oneEntityPerOwner(true)) {
				out.add(Map.of("service", target, "environment", "staging", "failure", "none"));
			}
			return out;
		}
		if (tool.descriptor().readOnly()) {
			Map<String, Object> args = McpClients.argumentsFor(name);
			String key = args.containsKey("ref") ? "ref" : args.containsKey("service") ? "service" : null;
			if (key == null) {
				return List.of(args);
			}
			// Also an entity of the caller's own tenant, which another tenant's caller
			// may
			// name (whether or not it exists).
			Map<String, Object> own = new LinkedHashMap<>(args);
			own.put(key, "component:" + tenant + "/payment-api");
			return List.of(args, own);
		}
		List<Map<String, Object>> out = new ArrayList<>();
		for (String target : targets) {
			out.add(Map.of("ref", target, "environment", "staging", "label", "reviewed"));
		}
		return out;
	}

	/** The refs of the components the sandbox deploys. */
	private Set<String> deployedComponents() {
		Set<String> refs = new TreeSet<>();
		for (Entity e : this.catalog.current().entities()) {
			if (e.metadata().annotations().containsKey("backstage.io/kubernetes-id")) {
				refs.add(e.ref().toString());
			}
		}
		return refs;
	}

	/**
	 * One entity of each owner; with {@code deployedFirst}, a component the sandbox
	 * deploys where the owner has one.
	 */
	private List<String> oneEntityPerOwner(boolean deployedFirst) {
		Map<String, String> byOwner = new LinkedHashMap<>();
		for (Entity e : this.catalog.current().entities()) {
			if (this.catalog.current().ownerOf(e) != null) {
				String owner = this.catalog.current().ownerOf(e).toString();
				if (deployedFirst && e.metadata().annotations().containsKey("backstage.io/kubernetes-id")) {
					byOwner.put(owner + "#deployed", e.ref().toString());
				}
				byOwner.putIfAbsent(owner, e.ref().toString());
			}
		}
		if (deployedFirst) {
			byOwner.keySet()
				.removeIf((owner) -> !owner.endsWith("#deployed") && byOwner.containsKey(owner + "#deployed"));
		}
		return List.copyOf(byOwner.values());
	}

	private static String token(String name) {
		return name + "-secret-token-0000";
	}

	@TestConfiguration
	static class ChangingTools {

		@Bean
		GuardrailsIntegrationTests.LabelTool labelTool() {
			return new GuardrailsIntegrationTests.LabelTool();
		}

		@Bean
		CairnTool<GuardrailsIntegrationTests.LabelInput> removeLabelTool() {
			return new GuardrailsIntegrationTests.LabelTool() {
				@Override
				public ToolDescriptor descriptor() {
					return new ToolDescriptor("catalog_remove_label", "Remove a label", "Removes a label.", false, true,
							true, false);
				}
			};
		}

	}

}
