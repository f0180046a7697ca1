package dev.cairn.rego.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.cairn.rego.PreparedQuery;
import dev.cairn.rego.Rego;
import dev.cairn.rego.value.Value;
import dev.cairn.rego.value.Values;

/**
 * The gateway authorization policy of the benchmarks ({@code bench/authz.rego}), its
 * catalog data (1,000 entities) and a pool of inputs, all generated from fixed seeds so
 * that every run sees the same documents.
 */
public final class AuthzFixture {

	/** The query the gateway asks. */
	public static final String QUERY = "x := data.cairn.authz.decision";

	static final int ENTITIES = 1000;

	static final int SYSTEMS = 40;

	static final int TEAMS = 30;

	static final String[] TENANTS = { "acme", "globex" };

	static final String[] LIFECYCLES = { "production", "production", "production", "experimental", "deprecated" };

	static final String[] DOMAINS = { "payments", "identity", "search", "platform", "data" };

	static final String[] ENVIRONMENTS = { "development", "staging", "production" };

	/** Tools by name and effect, as the gateway registers them. */
	static final Map<String, String> TOOLS = tools();

	private AuthzFixture() {
	}

	/** The policy source. */
	public static String policy() {
		try (InputStream in = AuthzFixture.class.getResourceAsStream("/bench/authz.rego")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The policy compiled against the generated data, prepared for {@link #QUERY}. */
	public static PreparedQuery prepare() {
		return Rego.builder().module("authz.rego", policy()).data(data()).build().prepare(QUERY);
	}

	/**
	 * The base document: catalog entities and systems, and the gateway's configuration.
	 */
	public static Value data() {
		Random random = new Random(20261121L);
		Map<String, Object> systems = new LinkedHashMap<>();
		for (int i = 0; i < SYSTEMS; i++) {
			systems.put(system(i), Map.of("owner", team(random.nextInt(TEAMS)), "domain", DOMAINS[i % DOMAINS.length]));
		}
		Map<String, Object> entities = new LinkedHashMap<>();
		for (int i = 0; i < ENTITIES; i++) {
			Map<String, Object> e = new LinkedHashMap<>();
			e.put("kind", (i % 7 == 0) ? "resource" : "component");
			e.put("owner", team(random.nextInt(TEAMS)));
			e.put("system", system(random.nextInt(SYSTEMS)));
			e.put("tier", 1 + random.nextInt(3));
			e.put("lifecycle", LIFECYCLES[random.nextInt(LIFECYCLES.length)]);
			e.put("tenant", TENANTS[(i % 10 == 9) ? 1 : 0]);
			e.put("tags", List.of("lang:" + ((i % 3 == 0) ? "java" : "go"), "team:" + e.get("owner")));
			entities.put(entity(i), e);
		}
		Map<String, Object> groupRoles = new LinkedHashMap<>();
		for (int t = 0; t < TEAMS; t++) {
			groupRoles.put(team(t), List.of("member"));
		}
		groupRoles.put("sre", List.of("member", "operator", "deployer"));
		groupRoles.put("release-managers", List.of("member", "deployer"));
		groupRoles.put("platform-admins", List.of("member", "admin"));
		Map<String, Object> tools = new LinkedHashMap<>();
		TOOLS.forEach((name, effect) -> tools.put(name, Map.of("effect", effect)));
		Map<String, Object> minTier = new LinkedHashMap<>();
		for (int d = 0; d < DOMAINS.length; d++) {
			minTier.put(DOMAINS[d], (d == 0) ? 3 : 2);
		}
		List<Object> freezes = List.of(
				Map.of("environment", "production", "start_ns", 1_700_000_000_000_000_000L, "end_ns",
						1_700_086_400_000_000_000L),
				Map.of("environment", "staging", "start_ns", 1_700_500_000_000_000_000L, "end_ns",
						1_700_510_000_000_000_000L));
		Map<String, Object> config = Map.of("tools", tools, "group_roles", groupRoles, "freeze_windows", freezes,
				"min_tier_without_review", minTier);
		return Values.fromJava(
				Map.of("catalog", Map.of("entities", entities, "systems", systems), "cairn", Map.of("config", config)));
	}

	/** {@code count} realistic inputs: humans and agents calling tools on entities. */
	public static List<Value> inputs(int count) {
		Random random = new Random(42);
		List<String> toolNames = new ArrayList<>(TOOLS.keySet());
		toolNames.add("unregistered_tool");
		List<Value> out = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			List<String> groups = new ArrayList<>();
			groups.add(team(random.nextInt(TEAMS)));
			if (random.nextInt(3) == 0) {
				groups.add(team(random.nextInt(TEAMS)));
			}
			int special = random.nextInt(8);
			if (special == 0) {
				groups.add("sre");
			}
			else if (special == 1) {
				groups.add("release-managers");
			}
			else if (special == 2) {
				groups.add("platform-admins");
			}
			boolean agent = random.nextInt(3) == 0;
			Map<String, Object> principal = new LinkedHashMap<>();
			principal.put("id", (agent ? "agent-" : "user-") + random.nextInt(500));
			principal.put("kind", agent ? "agent" : "human");
			principal.put("groups", groups);
			principal.put("tenant", TENANTS[(random.nextInt(10) == 0) ? 1 : 0]);
			Map<String, Object> input = new LinkedHashMap<>();
			input.put("principal", principal);
			input.put("tool", toolNames.get(random.nextInt(toolNames.size())));
			int e = random.nextInt(ENTITIES + 20);
			input.put("resource", Map.of("entity", (e < ENTITIES) ? entity(e) : "component:default/missing-" + e,
					"environment", ENVIRONMENTS[random.nextInt(ENVIRONMENTS.length)]));
			// Within the production freeze window for about one request in ten.
			long time = (random.nextInt(10) == 0) ? 1_700_000_100_000_000_000L : 1_700_200_000_000_000_000L;
			input.put("request", Map.of("time_ns", time, "id", "req-" + i));
			if (random.nextInt(4) == 0) {
				input.put("approval", Map.of("granted", random.nextBoolean()));
			}
			input.put("arguments", Map.of("entity", input.get("resource"), "dry_run", random.nextBoolean()));
			out.add(Values.fromJava(input));
		}
		return out;
	}

	/**
	 * {@code count} modules of the same shape as a real policy repository: per-team
	 * copies of the gateway policy under their own packages, with their own role and tool
	 * names.
	 */
	public static List<String> modules(int count) {
		String template = policy();
		List<String> out = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String suffix = String.format("%03d", i);
			String source = template.replace("package cairn.authz", "package cairn.teams.t" + suffix + ".authz")
				.replace("\"operator\"", "\"operator_" + suffix + "\"")
				.replace("\"deployer\"", "\"deployer_" + suffix + "\"")
				.replace("data.cairn.config", "data.cairn.teams_config.t" + suffix);
			out.add(source + "\nteam_rule_" + suffix + " if input.tool == \"tool_" + suffix + "\"\n");
		}
		return out;
	}

	static String entity(int i) {
		return String.format("component:default/service-%04d", i);
	}

	static String system(int i) {
		return String.format("system-%02d", i);
	}

	static String team(int i) {
		return String.format("team-%02d", i);
	}

	private static Map<String, String> tools() {
		Map<String, String> tools = new LinkedHashMap<>();
		tools.put("catalog_get_entity", "read");
		tools.put("catalog_search", "read");
		tools.put("catalog_blast_radius", "read");
		tools.put("telemetry_get_logs", "read");
		tools.put("telemetry_get_metrics", "read");
		tools.put("telemetry_diagnose", "read");
		tools.put("goldenpath_scaffold_service", "write");
		tools.put("catalog_update_entity", "write");
		tools.put("sandbox_create", "write");
		tools.put("goldenpath_deploy", "deploy");
		tools.put("goldenpath_rollback", "deploy");
		tools.put("sandbox_delete", "destructive");
		tools.put("catalog_delete_entity", "destructive");
		return tools;
	}

}
