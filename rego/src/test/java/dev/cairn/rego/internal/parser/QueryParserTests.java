package dev.cairn.rego.internal.parser;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.cairn.rego.ast.Printer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Queries parse to the trees OPA builds. The printer writes nested operators in
 * parentheses, so its output shows precedence and associativity; {@code ¶} stands for a
 * line break in the sources.
 */
class QueryParserTests {

	private static String parse(String source) {
		return Printer.print(RegoParser.parseQuery(source.replace("¶", "\n")));
	}

	@ParameterizedTest
	@CsvSource(delimiterString = "=>", textBlock = """
			x := a + b * c                 => x := (a + (b * c))
			x := (a + b) * c               => x := ((a + b) * c)
			a - b - c                      => (a - b) - c
			x := 10 % 3 / 2                => x := ((10 % 3) / 2)
			a | b & c                      => a | (b & c)
			a & b | c                      => (a & b) | c
			a + b == c * d                 => (a + b) == (c * d)
			a == b != c                    => (a == b) != c
			a < b + 1                      => a < (b + 1)
			x in xs                        => x in xs
			x in xs in ys                  => (x in xs) in ys
			k, v in xs                     => (k, v in xs)
			x in a | b                     => x in (a | b)
			x = y                          => x = y
			x := y == z                    => x := (y == z)
			x := -1                        => x := -1
			x := 1 - -1                    => x := (1 - -1)
			x := 1 -1                      => x := (1 - 1)
			x := [1, -2.5E-3, .5, -.5, 1e3] => x := [1, -2.5E-3, .5, -.5, 1e3]
			""")
	void bindsOperatorsAsOpaDoes(String source, String printed) {
		assertThat(parse(source)).isEqualTo(printed);
	}

	@ParameterizedTest
	@CsvSource(delimiterString = "=>", textBlock = """
			input.x.y[0]["z"]              => input.x.y[0].z
			input                          => input
			data.a[b].c                    => data.a[b].c
			input.in == data.every.if      => input.in == data.every.if
			x := not.foo                   => x := not.foo
			x := f(1)[0].a                 => x := f(1)[0].a
			a.b[c].d(e)                    => a.b[c].d(e)
			x := a[_]                      => x := a[_]
			count(x) > 1                   => count(x) > 1
			print("x", x)                  => print("x", x)
			contains("abc", "b")           => contains("abc", "b")
			x := {}                        => x := {}
			x := set()                     => x := set()
			x := {1, 2, 3}                 => x := {1, 2, 3}
			x := {"a": 1, "b": [true, null]} => x := {"a": 1, "b": [true, null]}
			x := [1, 2,]                   => x := [1, 2]
			x := [, 1]                     => x := [1]
			x := {, 1}                     => x := {1}
			x := [a | b, c]                => x := [a | b, c]
			x := "é\\u00e9\\ud83d\\ude00"   => x := "éé😀"
			x := `raw \\n`                 => x := "raw \\\\n"
			""")
	void parsesTerms(String source, String printed) {
		assertThat(parse(source)).isEqualTo(printed);
	}

	@ParameterizedTest
	@CsvSource(delimiterString = "=>", textBlock = """
			[x | x := xs[_]]               => [x | x := xs[_]]
			{x | some x in xs}             => {x | some x in xs}
			{k: v | v := o[k]}             => {k: v | v := o[k]}
			{a + 1: b | b := 1}            => {(a + 1): b | b := 1}
			{a | b}                        => {a | b}
			x := [y | y := 1; y > 0]       => x := [y | y := 1; y > 0]
			x := [y | ¶ y := 1 ¶ y > 0 ¶]  => x := [y | y := 1; y > 0]
			""")
	void parsesComprehensions(String source, String printed) {
		assertThat(parse(source)).isEqualTo(printed);
	}

	@ParameterizedTest
	@CsvSource(delimiterString = "=>", textBlock = """
			not x                                  => not x
			not x with input as {"a": 1} with data.b as 2 => not x with input as {"a": 1} with data.b as 2
			f(x) with f as g                       => f(x) with f as g
			some x, y                              => some x, y
			some x in xs                           => some x in xs
			some k, v in xs                        => some k, v in xs
			some [a, b] in xs                      => some [a, b] in xs
			some x in xs with input as 1           => some x in xs with input as 1
			every v in xs { v > 0 }                => every v in xs { v > 0 }
			every k, v in xs { v > 0; k != "a" }   => every k, v in xs { v > 0; k != "a" }
			x := 1; y := 2                         => x := 1; y := 2
			x := 1 ¶ y := 2                        => x := 1; y := 2
			x := 1 y := 2                          => x := 1; y := 2
			""")
	void parsesLiterals(String source, String printed) {
		assertThat(parse(source)).isEqualTo(printed);
	}

	@ParameterizedTest
	@CsvSource(delimiterString = "=>", textBlock = """
			x := $"a {b} c {"d"}"           => x := $"a {b} c {"d"}"
			x := $"{1 + 2} {{1}} {[y | y := 1]}" => x := $"{1 + 2} {{1}} {[y | y := 1]}"
			x := $"\\{literal} \\t"          => x := $"\\{literal} \\t"
			x := $`multi ¶ {y} \\{z}`        => x := $`multi \\n {y} \\{z}`
			x := $""                        => x := $""
			x := $"{$"{y}"}"                => x := $"{$"{y}"}"
			""")
	void parsesTemplateStrings(String source, String printed) {
		assertThat(parse(source)).isEqualTo(printed.replace("\\n", "\n"));
	}

}
