package dev.cairn.policy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.cairn.identity.Caller;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON Schema of the policy input in policies/README.md and the inputs Cairn builds
 * describe the same document: every input built validates (a field the code adds, drops
 * or retypes fails), every property of the schema is produced with a value by some input
 * (a field documented but never sent fails), and the enums match the Java enums.
 */
class PolicyInputSchemaTests {

	private static final Path README = TestInputs.SHIPPED.resolve("README.md");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void everyInputCairnBuildsMatchesTheSchema() throws IOException {
		Map<String, Object> schema = schema();
		for (PolicyInput input : samples()) {
			assertThat(JsonSchemaCheck.problems(schema, roundTrip(input.toJson()))).as(input.toString()).isEmpty();
		}
	}

	@Test
	void everyPropertyOfTheSchemaIsSentBySomeInput() throws IOException {
		Set<String> documented = new TreeSet<>();
		paths(schema(), "", documented);
		Set<String> sent = new TreeSet<>();
		for (PolicyInput input : samples()) {
			sent(roundTrip(input.toJson()), "", sent);
		}
		assertThat(sent).containsAll(documented);
	}

	@Test
	void theSchemaEnumsAreTheJavaEnums() throws IOException {
		Map<String, Object> properties = properties(schema());
		assertThat(enumOf(properties(properties.get("principal")).get("kind")))
			.containsExactlyElementsOf(lower(Caller.PrincipalKind.values()));
		assertThat(enumOf(properties(properties.get("action")).get("channel")))
			.containsExactlyElementsOf(lower(Caller.Channel.values()));
		assertThat(enumOf(properties(properties.get("context")).get("purpose")))
			.containsExactlyElementsOf(lower(PolicyInput.Purpose.values()));
	}

	@Test
	void theExampleInTheReadmeMatchesTheSchema() throws IOException {
		String readme = Files.readString(README);
		String example = firstJsonBlockAfter(readme, "## The input");
		assertThat(JsonSchemaCheck.problems(schema(), JSON.readValue(example, Object.class))).isEmpty();
	}

	@Test
	void theExampleDecisionInTheReadmeIsWellFormed() throws IOException {
		String example = firstJsonBlockAfter(Files.readString(README), "## The decision");
		Decision decision = DecisionMapper
			.map(new DecisionDocument(dev.cairn.rego.value.Values.parseJson(example), "r", null));
		assertThat(decision).isInstanceOf(Decision.RequireApproval.class);
	}

	@Test
	@SuppressWarnings("unchecked")
	void aMissingOrMistypedFieldIsCaught() throws IOException {
		Map<String, Object> schema = schema();
		Map<String, Object> input = roundTrip(samples().get(0).toJson());
		((Map<String, Object>) input.get("principal")).remove("tenant");
		((Map<String, Object>) input.get("action")).put("read_only", "yes");
		((Map<String, Object>) input.get("context")).put("extra", 1);
		assertThat(JsonSchemaCheck.problems(schema, input)).containsExactlyInAnyOrder(
				"$.principal: missing required tenant", "$.action.read_only: expected [boolean], got String yes",
				"$.context: extra is not in the schema");
	}

	/** Inputs as Cairn builds them, together reaching every field with a value. */
	static List<PolicyInput> samples() {
		PolicyInput.Approval approval = new PolicyInput.Approval("apr-1", "user:default/bob",
				List.of(TestInputs.ENGINEERING, TestInputs.PAYMENTS), Instant.parse("2026-11-21T09:55:00.123Z"));
		List<PolicyInput> samples = new ArrayList<>();
		samples.add(TestInputs.INPUTS.forCall(TestInputs.agentFor("alice"), TestInputs.change("deploy_service"),
				Map.of("ref", "payment-api", "environment", "production", "replicas", 3), "req-1", approval));
		samples.add(TestInputs.INPUTS.forListing(TestInputs.user("dave"), TestInputs.read("catalog_search")));
		samples
			.add(TestInputs.INPUTS.forListing(TestInputs.service("deploy-bot"), TestInputs.destroy("deploy_rollback")));
		for (Caller.Channel channel : Caller.Channel.values()) {
			Caller caller = new Caller("user:default/alice", Caller.PrincipalKind.USER, channel, null, null, "test");
			samples.add(TestInputs.INPUTS.forCall(caller, TestInputs.read("catalog_get_entity"),
					Map.of("ref", "cart", "env", "staging"), "req-2", null));
		}
		samples.add(TestInputs.INPUTS.forCall(TestInputs.loneAgent(), TestInputs.read("catalog_search"), null, "req-3",
				null));
		samples.add(PolicyInputs.probe(TestInputs.CLOCK));
		return samples;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> schema() throws IOException {
		String readme = Files.readString(README);
		int start = readme.indexOf("<!-- policy-input-schema -->");
		int end = readme.indexOf("<!-- /policy-input-schema -->");
		assertThat(start).as("the schema's start marker in " + README).isNotNegative();
		assertThat(end).as("the schema's end marker in " + README).isGreaterThan(start);
		String block = readme.substring(start, end);
		String json = block.substring(block.indexOf("```json") + 7, block.lastIndexOf("```"));
		return JSON.readValue(json, Map.class);
	}

	private static String firstJsonBlockAfter(String markdown, String heading) {
		int at = markdown.indexOf(heading);
		assertThat(at).as(heading).isNotNegative();
		int start = markdown.indexOf("```json", at) + 7;
		return markdown.substring(start, markdown.indexOf("```", start));
	}

	/** Through JSON text and back, as an engine receives it. */
	@SuppressWarnings("unchecked")
	private static Map<String, Object> roundTrip(Map<String, Object> input) {
		return JSON.readValue(JSON.writeValueAsString(input), Map.class);
	}

	@SuppressWarnings("unchecked")
	private static void paths(Map<String, Object> schema, String prefix, Set<String> out) {
		Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
		properties.forEach((name, property) -> {
			out.add(prefix + name);
			paths((Map<String, Object>) property, prefix + name + ".", out);
		});
	}

	@SuppressWarnings("unchecked")
	private static void sent(Object value, String prefix, Set<String> out) {
		if (value instanceof Map<?, ?> object) {
			object.forEach((name, child) -> {
				// Arguments are the client's; the schema does not describe them.
				if (child != null && !(prefix + name).equals("action.arguments.")) {
					out.add(prefix + name);
					if (!(prefix + name).equals("action.arguments")) {
						sent(child, prefix + name + ".", out);
					}
				}
			});
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> properties(Object schema) {
		return (Map<String, Object>) ((Map<String, Object>) schema).get("properties");
	}

	@SuppressWarnings("unchecked")
	private static Set<String> enumOf(Object schema) {
		return new LinkedHashSet<>((List<String>) ((Map<String, Object>) schema).get("enum"));
	}

	private static List<String> lower(Enum<?>[] values) {
		return Arrays.stream(values).map((value) -> value.name().toLowerCase(Locale.ROOT)).toList();
	}

}
