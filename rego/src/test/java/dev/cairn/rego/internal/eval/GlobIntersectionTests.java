package dev.cairn.rego.internal.eval;

import org.junit.jupiter.api.Test;

import dev.cairn.rego.Rego;
import dev.cairn.rego.RegoException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class GlobIntersectionTests {

	@Test
	void onlyNonEmptyStringsCount() {
		assertThat(intersect("a*", "b*")).isFalse();
		assertThat(intersect("a*", "a*")).isTrue();
		assertThat(intersect("a*", "[a-c]")).isTrue();
	}

	@Test
	void plusNeedsOneAndStarNone() {
		assertThat(intersect("ab+c", "ac")).isFalse();
		assertThat(intersect("ab*c", "ac")).isTrue();
		assertThat(intersect("ab+c", "a.*bbb.*c")).isTrue();
	}

	@Test
	void classesRangesAndAnyCharacter() {
		assertThat(intersect("[a-f][0-9]", "e.")).isTrue();
		assertThat(intersect("[a-f][0-9]", "g.")).isFalse();
		assertThat(intersect("[a-z]+", "[0-9]*")).isFalse();
		assertThat(intersect("x.y", "x\\.y")).isTrue();
		assertThat(intersect("x\\.y", "xzy")).isFalse();
	}

	@Test
	void patternsAreAnchored() {
		assertThat(intersect("abc", "abcd")).isFalse();
		assertThat(intersect("abc", ".*c")).isTrue();
	}

	@Test
	void rejectsMalformedPatterns() {
		assertInvalid("[abc", "input:[abc, pos:1, set-open '[' with no closing ']': the input provided is invalid");
		assertInvalid("*a", "input:*a, pos:1, flag '*' with no preceding character: the input provided is invalid");
		assertInvalid("a\\",
				"input:a\\, pos:2, escape '\\' with no following character: the input provided is invalid");
	}

	@Test
	void templateMatchQuotesTextOutsideTheDelimiters() {
		assertThat(templateMatch("a.b{[0-9]+}", "a.b12")).isTrue();
		assertThat(templateMatch("a.b{[0-9]+}", "axb12")).isFalse();
		assertThat(templateMatch("x{a{1,2}}y", "xaay")).isTrue();
		assertThat(templateMatch("id:{[0-9]+}", "id:12 ")).isFalse();
	}

	@Test
	void templateMatchRejectsUnbalancedDelimiters() {
		assertThatExceptionOfType(RegoException.class)
			.isThrownBy(() -> Rego.builder()
				.strictBuiltinErrors(true)
				.build()
				.prepare("regex.template_match(\"a{b\", \"ab\", \"{\", \"}\", x)")
				.evaluate(null))
			.withMessageContaining("unbalanced braces in \"a{b\"");
	}

	private static boolean intersect(String a, String b) {
		return GlobIntersection.intersects(GlobIntersection.parse(a), GlobIntersection.parse(b));
	}

	private static boolean templateMatch(String template, String s) {
		return Rego.builder()
			.build()
			.prepare("x := regex.template_match(\"" + template + "\", \"" + s + "\", \"{\", \"}\")")
			.evaluate(null)
			.rows()
			.get(0)
			.get("x")
			.equals(dev.cairn.rego.value.BoolValue.TRUE);
	}

	private static void assertInvalid(String glob, String message) {
		assertThatExceptionOfType(RegoException.class).isThrownBy(() -> GlobIntersection.parse(glob))
			.satisfies((ex) -> assertThat(ex.detail()).isEqualTo(message));
	}

}
