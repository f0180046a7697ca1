package dev.cairn.mcp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.cairn.policy.Decision;

import static org.assertj.core.api.Assertions.assertThat;

class ResultObligationsTests {

	private static final Decision.Obligations REDACT_EMAIL = new Decision.Obligations(List.of("spec.profile.email"),
			null);

	@Test
	void removesAPathWhereverItIsNestedAndThroughListsAndMasksItsValuesInTheText() {
		Map<String, Object> entity = entity("dana", "dana.demo@acme.example.com");
		Map<String, Object> other = entity("lee", "lee@acme.example.com");
		ToolResult result = ToolResult.ok("Dana <dana.demo@acme.example.com>; Lee <lee@acme.example.com>",
				Map.of("entity", entity, "members", List.of(Map.of("entity", other))));

		ToolResult redacted = ResultObligations.apply(result, REDACT_EMAIL);

		assertThat(redacted.text()).isEqualTo("Dana <[redacted by policy]>; Lee <[redacted by policy]>");
		Map<?, ?> structured = (Map<?, ?>) redacted.structured();
		assertThat(structured.toString()).doesNotContain("@acme.example.com").contains("displayName=Dana");
		Map<?, ?> profile = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) structured.get("entity")).get("spec")).get("profile");
		assertThat(profile.keySet()).hasToString("[displayName]");
	}

	@Test
	void masksTheWholeValueOfARemovedObjectAndEmbeddedTextButNotShortValues() {
		Map<String, Object> structured = new LinkedHashMap<>();
		structured.put("name", "db");
		structured.put("connection", Map.of("host", "db.internal.example", "port", 5432, "tls", true, "db", "x"));
		ToolResult result = ToolResult.ok("db at db.internal.example:5432 (tls true, db x)", structured)
			.withContent(new ToolContent.Resource("cairn://db", "text/plain", "host db.internal.example"));

		ToolResult redacted = ResultObligations.apply(result, new Decision.Obligations(List.of("connection"), null));

		assertThat(redacted.text()).isEqualTo("db at [redacted by policy]:[redacted by policy] (tls true, db x)");
		assertThat(((Map<?, ?>) redacted.structured()).keySet()).hasToString("[name]");
		assertThat(((ToolContent.Resource) redacted.extraContent().get(0)).text())
			.isEqualTo("host [redacted by policy]");
	}

	@Test
	void leavesResultsAloneWithoutARedactionOrWhenNothingMatches() {
		ToolResult result = ToolResult.ok("plain", Map.of("a", 1));
		assertThat(ResultObligations.apply(result, Decision.Obligations.NONE)).isSameAs(result);
		ToolResult untouched = ResultObligations.apply(result, REDACT_EMAIL);
		assertThat(untouched.text()).isEqualTo("plain");
		assertThat(untouched.structured()).isEqualTo(Map.of("a", 1));
		ToolResult error = ToolResult.error("failed for dana.demo@acme.example.com");
		assertThat(ResultObligations.apply(error, REDACT_EMAIL)).isSameAs(error);
	}

	private static Map<String, Object> entity(String name, String email) {
		Map<String, Object> profile = new LinkedHashMap<>();
		profile.put("displayName", Character.toUpperCase(name.charAt(0)) + name.substring(1));
		profile.put("email", email);
		return Map.of("metadata", Map.of("name", name), "spec", Map.of("profile", profile));
	}

}
