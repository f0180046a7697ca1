package dev.cairn.rego;

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
		Rego rego = Rego.builder().module("p.rego", """
				package p
				q contains x if { some x in [1] }
				q := [2, 3]
				""").build();
		assertThatExceptionOfType(RegoException.class).isThrownBy(() -> rego.prepare("data.p.q").evaluate())
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
	void anUnknownFunctionCalledWithoutArgumentsIsATypeError() {
		Rego rego = Rego.builder().module("p.rego", "package p\np if {\n\tx := 1\n\tnope.foo()\n}\n").build();
		assertThatExceptionOfType(RegoException.class).isThrownBy(() -> rego.prepare("data.p.p").evaluate())
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.TYPE_ERROR);
				assertThat(ex.detail()).isEqualTo("undefined function nope.foo");
			});
	}

	private static Value value(String query) {
		return Rego.builder().build().prepare(query).evaluate().rows().get(0).get("x");
	}

	private static QueryResult strict(String query) {
		return Rego.builder().strictBuiltinErrors(true).build().prepare(query).evaluate();
	}

}
