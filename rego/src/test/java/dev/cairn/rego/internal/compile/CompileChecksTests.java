package dev.cairn.rego.internal.compile;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.cairn.rego.Rego;
import dev.cairn.rego.RegoException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Compile errors are found when modules are compiled, even in rules no query evaluates.
 */
class CompileChecksTests {

	private static RegoException compileError(String source) {
		return catchThrowableOfType(RegoException.class,
				() -> Rego.builder().module("test.rego", "package test\n\n" + source).build());
	}

	private static List<String> messages(RegoException ex) {
		return ex.errors().stream().map(RegoException::getMessage).toList();
	}

	@Test
	void unsafeVariableInBody() {
		RegoException ex = compileError("p if {\n\tx > 1\n}\n");
		assertThat(ex).hasMessage("test.rego:4:2: rego_unsafe_var_error: var x is unsafe");
		assertThat(ex.code().code()).isEqualTo("rego_unsafe_var_error");
		assertThat(ex.location().row()).isEqualTo(4);
		assertThat(ex.location().col()).isEqualTo(2);
	}

	@Test
	void oneErrorPerUnsafeVariableAtItsFirstExpression() {
		RegoException ex = compileError("p if {\n\tcount(y) > x\n\tx == y\n}\n");
		assertThat(messages(ex)).containsExactly("test.rego:4:2: rego_unsafe_var_error: var y is unsafe",
				"test.rego:4:2: rego_unsafe_var_error: var x is unsafe");
		assertThat(ex.getMessage()).startsWith("2 errors occurred:\n");
	}

	@Test
	void unsafeVariablesInNegationsHeadsComprehensionsEveryAndWith() {
		assertThat(compileError("p if {\n\tnot q[x]\n}\nq contains 1\n"))
			.hasMessage("test.rego:4:2: rego_unsafe_var_error: var x is unsafe");
		assertThat(compileError("p := x if {\n\ttrue\n}\n"))
			.hasMessage("test.rego:3:1: rego_unsafe_var_error: var x is unsafe");
		assertThat(compileError("f(x) := y if {\n\tx > 1\n}\n"))
			.hasMessage("test.rego:3:1: rego_unsafe_var_error: var y is unsafe");
		assertThat(compileError("p := [x | y := 1]\n"))
			.hasMessage("test.rego:3:1: rego_unsafe_var_error: var x is unsafe");
		assertThat(compileError("p if {\n\ty := [1 | z > 1]\n\ty != []\n}\n"))
			.hasMessage("test.rego:4:12: rego_unsafe_var_error: var z is unsafe");
		assertThat(compileError("p if {\n\tevery v in xs {\n\t\tv > 1\n\t}\n}\n"))
			.hasMessage("test.rego:4:2: rego_unsafe_var_error: var xs is unsafe");
		assertThat(compileError("p if {\n\tevery v in [1] {\n\t\tv > w\n\t}\n}\n"))
			.hasMessage("test.rego:5:3: rego_unsafe_var_error: var w is unsafe");
		assertThat(compileError("p if {\n\tinput.x with input as v\n}\n"))
			.hasMessage("test.rego:4:2: rego_unsafe_var_error: var v is unsafe");
	}

	@Test
	void safeBodiesInAnyWrittenOrderCompile() {
		assertThatNoException()
			.isThrownBy(() -> Rego.builder()
				.module("test.rego", "package test\n\np if {\n\tx > 1\n\tx = input.n\n}\n"
						+ "q := [y | y > 1; some y in input.ys]\nf(x) := x + 1\n"
						+ "r if { every v in input.vs { v > input.min } }\ns if count(input.a) with count as sum\n")
				.build());
	}

	@Test
	void recursionThroughOtherRules() {
		RegoException ex = compileError("p if q\n\nq if {\n\tp\n}\n");
		assertThat(messages(ex)).containsExactly(
				"test.rego:3:1: rego_recursion_error: rule data.test.p is recursive: data.test.p -> data.test.q -> data.test.p",
				"test.rego:5:1: rego_recursion_error: rule data.test.q is recursive: data.test.q -> data.test.p -> data.test.q");
		assertThat(compileError("f(x) := f(x - 1)\n")).hasMessage(
				"test.rego:3:1: rego_recursion_error: rule data.test.f is recursive: data.test.f -> data.test.f");
	}

	@Test
	void undefinedFunctionsAndArity() {
		assertThat(compileError("p if nope(1)\n"))
			.hasMessage("test.rego:3:6: rego_type_error: undefined function nope");
		assertThat(compileError("p if {\n\tx := count(1, 2)\n}\n"))
			.hasMessage("test.rego:4:7: rego_type_error: count: arity mismatch");
		assertThat(compileError("f(x) := x\n\np := f(1, 2)\n"))
			.hasMessage("test.rego:5:6: rego_type_error: function data.test.f has arity 1, got 2 arguments");
	}

	@Test
	void conflictingRulesAndDefaults() {
		assertThat(compileError("p := 1\n\np contains 2\n"))
			.hasMessage("test.rego:3:1: rego_type_error: conflicting rules data.test.p found");
		assertThat(compileError("f(x) := 1\n\nf(x, y) := 2\n"))
			.hasMessage("test.rego:3:1: rego_type_error: conflicting rules data.test.f found");
		assertThat(compileError("default p := 1\n\ndefault p := 2\n")).hasMessage(
				"test.rego:3:1: rego_type_error: multiple default rules data.test.p found at test.rego:3:1, test.rego:5:1");
	}

	@Test
	void localDeclarations() {
		assertThat(compileError("p if {\n\tx := 1\n\tx := 2\n}\n"))
			.hasMessage("test.rego:5:2: rego_compile_error: var x assigned above");
		assertThat(compileError("p if {\n\tx > 0\n\tx := 2\n}\n"))
			.hasMessage("test.rego:5:2: rego_compile_error: var x referenced above");
		assertThat(compileError("p if {\n\tsome x\n\tsome x\n\tx = 1\n}\n"))
			.hasMessage("test.rego:5:7: rego_compile_error: var x declared above");
		assertThat(compileError("f(x) := y if {\n\tx := 1\n\ty := x\n}\n"))
			.hasMessage("test.rego:4:2: rego_compile_error: arg x redeclared");
	}

	@Test
	void importsAndRootDocuments() {
		assertThat(catchThrowableOfType(RegoException.class,
				() -> Rego.builder()
					.module("test.rego", "package test\n\nimport data.a\nimport data.b.a\n\np := a\n")
					.build()))
			.hasMessage("test.rego:4:1: rego_compile_error: import must not shadow import data.a");
		assertThat(compileError("p if {\n\tinput := 1\n}\n")).hasMessage(
				"test.rego:4:2: rego_compile_error: variables must not shadow input (use a different variable name)");
	}

	@Test
	void queriesAreCheckedWhenPrepared() {
		Rego rego = Rego.builder().module("test.rego", "package test\n\np := 1\n").build();
		assertThat(catchThrowableOfType(RegoException.class, () -> rego.prepare("x > 1")))
			.hasMessage("1:1: rego_unsafe_var_error: var x is unsafe");
		assertThat(catchThrowableOfType(RegoException.class, () -> rego.prepare("nope(1)")))
			.hasMessage("1:1: rego_type_error: undefined function nope");
		assertThat(rego.prepare("x == 1; x = data.test.p").evaluate().rows()).hasSize(1);
	}

	@Test
	void literalArgumentsOfTheWrongType() {
		RegoException ex = compileError("p if {\n\tx := upper(1)\n\tx != \"\"\n}\n");
		assertThat(ex.code().code()).isEqualTo("rego_type_error");
		assertThat(ex.detail()).isEqualTo("upper: invalid argument(s)\n\thave: (number)\n\twant: (string)");
		assertThat(ex.location().row()).isEqualTo(4);
		assertThat(compileError("p := 1 + \"a\"\n").detail()).startsWith("plus: invalid argument(s)");
	}

	@Test
	void completeRulesWithRulesBelowThem() {
		assertThat(compileError("a := 1\n\na.b := 2\n"))
			.hasMessage("test.rego:3:1: rego_type_error: rule data.test.a conflicts with [data.test.a.b]");
	}

}
