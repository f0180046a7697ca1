package dev.cairn.rego.internal.eval;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.cairn.rego.Rego;
import dev.cairn.rego.RegoException;
import dev.cairn.rego.value.Value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JsonPatchBuiltinsTests {

	@Test
	void appliesOperationsInOrder() {
		assertThat(patch("{\"a\": [1, 2]}", "[{\"op\": \"add\", \"path\": \"/a/-\", \"value\": 3}, "
				+ "{\"op\": \"move\", \"from\": \"/a/0\", \"path\": \"/b\"}, {\"op\": \"copy\", \"from\": \"/b\", \"path\": \"/a/0\"}]"))
			.isEqualTo("{\"a\": [1, 2, 3], \"b\": 1}");
	}

	@Test
	void unescapesTildeOneBeforeTildeZero() {
		assertThat(patch("{\"~1\": 1, \"/\": 2}", "[{\"op\": \"remove\", \"path\": \"/~01\"}]"))
			.isEqualTo("{\"/\": 2}");
		assertThat(patch("{\"~1\": 1, \"/\": 2}", "[{\"op\": \"remove\", \"path\": \"/~1\"}]"))
			.isEqualTo("{\"~1\": 1}");
	}

	@Test
	void arrayIndexesAreDigitsWithoutLeadingZeros() {
		assertThat(patch("[\"a\", \"b\"]", "[{\"op\": \"replace\", \"path\": \"/1\", \"value\": \"c\"}]"))
			.isEqualTo("[\"a\", \"c\"]");
		assertThat(patch("[\"a\", \"b\"]", "[{\"op\": \"replace\", \"path\": \"/01\", \"value\": \"c\"}]")).isNull();
		assertThat(patch("[\"a\", \"b\"]", "[{\"op\": \"add\", \"path\": \"/3\", \"value\": \"c\"}]")).isNull();
		assertThat(patch("[\"a\", \"b\"]", "[{\"op\": \"add\", \"path\": [2], \"value\": \"c\"}]"))
			.isEqualTo("[\"a\", \"b\", \"c\"]");
	}

	@Test
	void aFailedTestOrMissingTargetIsUndefined() {
		assertThat(patch("{\"a\": 1}", "[{\"op\": \"test\", \"path\": \"/a\", \"value\": \"1\"}]")).isNull();
		assertThat(patch("{\"a\": 1}", "[{\"op\": \"remove\", \"path\": \"/b\"}]")).isNull();
		assertThat(patch("{\"a\": 1}", "[{\"op\": \"add\", \"path\": \"/b/c\", \"value\": 1}]")).isNull();
	}

	@Test
	void setElementsAreTheirOwnKeys() {
		assertThat(patch("{\"s\": {\"x\", \"y\"}}", "[{\"op\": \"add\", \"path\": \"s/z\", \"value\": \"z\"}, "
				+ "{\"op\": \"remove\", \"path\": \"s/x\"}]"))
			.isEqualTo("{\"s\": {\"y\", \"z\"}}");
		assertThat(patch("{\"s\": {\"x\"}}", "[{\"op\": \"add\", \"path\": \"s/z\", \"value\": \"w\"}]")).isNull();
	}

	@Test
	void malformedOperationsAreErrors() {
		assertThatExceptionOfType(RegoException.class)
			.isThrownBy(() -> Rego.builder()
				.strictBuiltinErrors(true)
				.build()
				.prepare("x := json.patch({}, [{\"op\": \"spam\", \"path\": \"/a\"}])")
				.evaluate(null))
			.withMessageContaining("unrecognized op 'spam'");
	}

	private static String patch(String doc, String operations) {
		List<Map<String, Value>> rows = Rego.builder()
			.build()
			.prepare("x := json.patch(" + doc + ", " + operations + ")")
			.evaluate(null)
			.rows();
		return rows.isEmpty() ? null : rows.get(0).get("x").toString();
	}

}
