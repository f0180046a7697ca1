package dev.cairn.rego;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.cairn.rego.value.BoolValue;
import dev.cairn.rego.value.Value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Inputs that {@link RegoFuzzTests} found to break the engine, each reduced to its core:
 * they must end in a result or a {@link RegoException} with a proper code.
 */
class FuzzRegressionTests {

	@Test
	void aCompleteRuleAndAPartialSetRuleOfTheSameNameConflict() {
		Rego.Builder rego = Rego.builder().module("p.rego", """
				package p
				q contains x if { some x in [1] }
				q := [2, 3]
				""");
		assertThatExceptionOfType(RegoException.class).isThrownBy(() -> rego.build().prepare("data.p.q").evaluate())
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.TYPE_ERROR);
				assertThat(ex.detail()).isEqualTo("conflicting rules data.p.q found");
			});
	}

	@Test
	void globMatchWithAnEmptyDelimiterMatchesAnyCharacter() {
		assertThat(value("x := glob.match(\"*\", [\"\"], \"foo.bar\")")).isEqualTo(BoolValue.TRUE);
	}

	@Test
	void globMatchWithAClassThatIsNoRegexClassIsABuiltinError() {
		assertThatExceptionOfType(RegoException.class)
			.isThrownBy(() -> strict("x := glob.match(\"[[:foo:]]\", null, \"a\")"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.EVAL_BUILTIN_ERROR));
	}

	@Test
	void regexReplaceExpandsMissingGroupsToNothingAsGoDoes() {
		assertThat(value("x := regex.replace(\"abc\", \"(b)\", \"[$2$1$$${x}$ ]\")"))
			.isEqualTo(dev.cairn.rego.value.StringValue.of("a[b$$ ]c"));
		assertThat(value("x := regex.replace(\"abc\", \"(?P<mid>b)\", \"<${mid}$mid>\")"))
			.isEqualTo(dev.cairn.rego.value.StringValue.of("a<bb>c"));
	}

	@Test
	void aDecodeVerifySecretThatIsNoStringIsABuiltinError() {
		assertThatExceptionOfType(RegoException.class)
			.isThrownBy(() -> strict("x := io.jwt.decode_verify(\"eyJhbGciOiJIUzI1NiJ9.e30.c2ln\", {\"secret\": 1})"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.EVAL_BUILTIN_ERROR));
	}

	@Test
	void anUnknownFunctionCalledWithoutArgumentsIsATypeError() {
		Rego.Builder rego = Rego.builder().module("p.rego", "package p\np if {\n\tx := 1\n\tnope.foo()\n}\n");
		assertThatExceptionOfType(RegoException.class).isThrownBy(() -> rego.build().prepare("data.p.p").evaluate())
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.TYPE_ERROR);
				assertThat(ex.detail()).isEqualTo("undefined function nope.foo");
			});
	}

	@Test
	void hugeNumbersFromInputAreBuiltinErrorsNotInternalOnes() {
		Value input = dev.cairn.rego.value.Values.parseJson("{\"n\": 1e999999999, \"f\": 1.5e999999}");
		for (String query : List.of("x := bits.rsh(input.n, 1)", "x := bits.and(input.n, 1)",
				"x := sprintf(\"%d\", [input.n])", "x := time.date(input.n)", "x := time.add_date(input.n, 1, 1, 1)",
				"x := format_int(input.f, 16)")) {
			assertThatExceptionOfType(RegoException.class)
				.isThrownBy(() -> Rego.builder().strictBuiltinErrors(true).build().prepare(query).evaluate(input))
				.satisfies((ex) -> assertThat(ex.code()).as(query).isEqualTo(ErrorCode.EVAL_BUILTIN_ERROR));
		}
	}

	@Test
	void shiftsBeyondTheIntRange() {
		assertThat(value("x := bits.rsh(1, 1e10)")).isEqualTo(dev.cairn.rego.value.NumberValue.of(0));
		assertThat(value("x := bits.rsh(-1, 1e10)")).isEqualTo(dev.cairn.rego.value.NumberValue.of(-1));
		assertThat(value("x := bits.lsh(0, 1e10)")).isEqualTo(dev.cairn.rego.value.NumberValue.of(0));
	}

	@Test
	void graphReachablePathsInADenseGraphStopsAtTheOutputLimitBeforeSearchingThemAll() {
		StringBuilder graph = new StringBuilder("{");
		for (int i = 0; i < 12; i++) {
			graph.append((i > 0) ? ", " : "").append('"').append(i).append("\": [");
			for (int j = 0; j < 12; j++) {
				graph.append((j > 0) ? ", " : "").append('"').append(j).append('"');
			}
			graph.append(']');
		}
		Value input = dev.cairn.rego.value.Values.parseJson(graph.append('}').toString());
		// The output bound, not the time limit, is what ends it.
		assertThatExceptionOfType(RegoException.class)
			.isThrownBy(
					() -> Rego.builder().build().prepare("x := graph.reachable_paths(input, [\"0\"])").evaluate(input))
			.satisfies((ex) -> assertThat(ex.getMessage())
				.contains("output size limit exceeded: the result of graph.reachable_paths"));
	}

	private static Value value(String query) {
		return Rego.builder().build().prepare(query).evaluate().rows().get(0).get("x");
	}

	private static QueryResult strict(String query) {
		return Rego.builder().strictBuiltinErrors(true).build().prepare(query).evaluate();
	}

}
