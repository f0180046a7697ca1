package dev.cairn.rego.internal.eval;

import org.junit.jupiter.api.Test;

import dev.cairn.rego.Rego;
import dev.cairn.rego.RegoException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JsonTextBuiltinsTests {

	@Test
	void yamlErrorsAreWordedAsGosYamlLibrary() {
		assertYamlError("[1,2,3", "yaml.unmarshal: yaml: line 1: did not find expected ',' or ']'");
		assertYamlError("a: b: c", "yaml.unmarshal: yaml: line 1: mapping values are not allowed in this context");
		assertYamlError("a:\\n  - x\\n - y", "yaml.unmarshal: yaml: line 3: did not find expected key");
	}

	private static void assertYamlError(String yaml, String message) {
		assertThatExceptionOfType(RegoException.class)
			.isThrownBy(() -> Rego.builder()
				.strictBuiltinErrors(true)
				.build()
				.prepare("x := yaml.unmarshal(\"" + yaml + "\")")
				.evaluate(null))
			.satisfies((ex) -> assertThat(ex.detail()).isEqualTo(message));
	}

}
