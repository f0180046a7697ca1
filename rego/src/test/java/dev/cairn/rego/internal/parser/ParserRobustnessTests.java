package dev.cairn.rego.internal.parser;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.cairn.rego.RegoException;
import dev.cairn.rego.ast.Module;
import dev.cairn.rego.ast.Printer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.fail;

/** Whatever the input, the parser ends, and with a module or a parse error only. */
class ParserRobustnessTests {

	@ParameterizedTest
	@ValueSource(strings = { "[", "{", "(", "[x | ", "{x: ", "f(", "$\"{", "not {", "a[" })
	void reportsDeepNestingAsAParseError(String opener) {
		String source = "package p\nimport future.keywords.not\np := " + opener.repeat(100_000);
		assertThatExceptionOfType(RegoException.class).isThrownBy(() -> RegoParser.parseModule("t.rego", source))
			.withMessageContaining("rego_parse_error");
	}

	@Test
	void boundsTheDepthOfOperatorChainsSoTreesCanBeWalkedRecursively() {
		assertThatExceptionOfType(RegoException.class)
			.isThrownBy(() -> RegoParser.parseQuery("x := 1" + " + 1".repeat(100_000)))
			.withMessageContaining("max parsing recursion depth exceeded");
		assertThatExceptionOfType(RegoException.class)
			.isThrownBy(() -> RegoParser.parseModule("t.rego",
					"package p\np := 1 if false" + " else := 1 if false".repeat(10_000)))
			.withMessageContaining("max parsing recursion depth exceeded");
		assertThat(Printer.print(RegoParser.parseQuery("x := 1" + " + 1".repeat(50)))).hasSizeGreaterThan(300);
	}

	@Test
	void boundsTheSizeOfSources() {
		assertThatExceptionOfType(RegoException.class)
			.isThrownBy(
					() -> RegoParser.parseModule("big.rego", "package p\n#" + "x".repeat(RegoParser.MAX_SOURCE_LENGTH)))
			.withMessage(
					"big.rego:1:1: rego_parse_error: source is longer than 4194304 characters (the parser's limit)");
		assertThatExceptionOfType(RegoException.class)
			.isThrownBy(() -> RegoParser.parseModule("many.rego", "package p\nx := [" + "1,".repeat(600_000) + "]"))
			.withMessageContaining("rego_parse_error: more than 1000000 tokens (the parser's limit)");
	}

	@Test
	void parsesNestedCollectionsInLinearTime() {
		// Each level is tried as a comprehension head first; remembered terms keep that
		// linear.
		String source = "x := " + "[".repeat(60) + "1" + "] + 1".repeat(60);
		long start = System.nanoTime();
		RegoParser.parseQuery(source);
		assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
	}

	@Test
	void survivesRandomMutationsOfValidModules() {
		List<String> seeds = List.of("""
				package p
				import future.keywords.and
				# METADATA
				# title: t
				default allow := false
				allow if { some x in input.xs; x.a == "b" and not input.y }
				f(x) := y if { y := {k: v | v := x[k]; v > 1} } else := [z | z := x[_]]
				q contains $"a{input.x}b" if every k, v in input.o { v != k with input.z as 1 }
				r.s[t] := `raw` if { t := -1.5e3 + 2 * 3 % 4; u := {1, 2} | {3} & set() }
				""");
		assertThat(RegoParser.parseModule("t.rego", seeds.get(0), true).rules()).hasSize(5);
		Random random = new Random(42);
		String alphabet = "{}[]()\"`$#.,;:=!<>+-*/%&| \n\tabcxyz019_\\\u00e9";
		int parsed = 0;
		for (int i = 0; i < 20_000; i++) {
			StringBuilder sb = new StringBuilder(seeds.get(0));
			for (int edits = 1 + random.nextInt(4); edits > 0; edits--) {
				int at = random.nextInt(sb.length());
				switch (random.nextInt(3)) {
					case 0 -> sb.deleteCharAt(at);
					case 1 -> sb.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
					default -> sb.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
				}
			}
			try {
				Module module = RegoParser.parseModule("t.rego", sb.toString(), true);
				Printer.print(module);
				parsed++;
			}
			catch (RegoException ex) {
				if (ex.getMessage().contains("internal parser error")) {
					fail("internal error for:\n" + sb + "\n" + ex.getMessage(), ex);
				}
			}
			catch (RuntimeException | StackOverflowError ex) {
				fail("unexpected " + ex + " for:\n" + sb, ex);
			}
		}
		assertThat(parsed).isPositive();
	}

}
