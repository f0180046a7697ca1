package dev.cairn.rego.internal.eval;

import org.junit.jupiter.api.Test;

import dev.cairn.rego.Rego;
import dev.cairn.rego.RegoException;
import dev.cairn.rego.value.Values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AstJsonTests {

	@Test
	void parsesAModuleIntoOpasAstJson() {
		String json = parse("""
				package cairn.authz

				import data.catalog as cat

				default allow := false

				allow if {
					not input.agent
					input.tool in {"catalog_search"}
				}
				""");
		assertThat(json).contains(
				"\"package\":{\"path\":[{\"type\":\"var\",\"value\":\"data\"},{\"type\":\"string\",\"value\":\"cairn\"},"
						+ "{\"type\":\"string\",\"value\":\"authz\"}]}")
			.contains(
					"\"imports\":[{\"alias\":\"cat\",\"path\":{\"type\":\"ref\",\"value\":[{\"type\":\"var\",\"value\":\"data\"},"
							+ "{\"type\":\"string\",\"value\":\"catalog\"}]}}]")
			.contains("{\"body\":[{\"index\":0,\"terms\":{\"type\":\"boolean\",\"value\":true}}],\"default\":true,"
					+ "\"head\":{\"assign\":true,\"name\":\"allow\",\"ref\":[{\"type\":\"var\",\"value\":\"allow\"}],"
					+ "\"value\":{\"type\":\"boolean\",\"value\":false}}}")
			.contains(
					"{\"index\":0,\"negated\":true,\"terms\":{\"type\":\"ref\",\"value\":[{\"type\":\"var\",\"value\":\"input\"},"
							+ "{\"type\":\"string\",\"value\":\"agent\"}]}}")
			.contains("{\"index\":1,\"terms\":[{\"type\":\"ref\",\"value\":[{\"type\":\"var\",\"value\":\"internal\"},"
					+ "{\"type\":\"string\",\"value\":\"member_2\"}]}");
	}

	@Test
	void reportsParseErrorsWithTheirPosition() {
		assertThatExceptionOfType(RegoException.class).isThrownBy(() -> parse("package p\n\nallow if {"))
			.withMessageContaining("rego.parse_module: x.rego:3:")
			.withMessageContaining("rego_parse_error");
	}

	private static String parse(String source) {
		Rego rego = Rego.builder()
			.module("q.rego", "package q\n\nm := rego.parse_module(\"x.rego\", input.src)\n")
			.strictBuiltinErrors(true)
			.build();
		return Values.toJsonText(rego.prepare("x := data.q.m")
			.evaluate(Values.fromJava(java.util.Map.of("src", source)))
			.rows()
			.get(0)
			.get("x"));
	}

}
