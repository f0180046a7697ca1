package dev.cairn.rego.internal.lexer;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class LexerTests {

	/** Tokens as {@code KIND:value}, space-separated, without the final EOF. */
	private static String scan(String source) {
		List<Token> tokens = Lexer.scan(source).tokens();
		return tokens.subList(0, tokens.size() - 1)
			.stream()
			.map((t) -> t.kind() + ":" + t.value())
			.collect(Collectors.joining(" "));
	}

	@ParameterizedTest
	@CsvSource(delimiterString = "=>",
			textBlock = """
					x := 1                 => IDENT:x ASSIGN::= NUMBER:1
					a.b[0]                 => IDENT:a DOT:. IDENT:b LBRACK:[ NUMBER:0 RBRACK:]
					x==y!=z<=w>=v<u>t      => IDENT:x EQUAL:== IDENT:y NEQ:!= IDENT:z LTE:<= IDENT:w GTE:>= IDENT:v LT:< IDENT:u GT:> IDENT:t
					a+b-c*d/e%f&g|h=i      => IDENT:a ADD:+ IDENT:b SUB:- IDENT:c MUL:* IDENT:d QUO:/ IDENT:e REM:% IDENT:f AND:& IDENT:g OR:| IDENT:h UNIFY:= IDENT:i
					{a: b; c, d}           => LBRACE:{ IDENT:a COLON:: IDENT:b SEMICOLON:; IDENT:c COMMA:, IDENT:d RBRACE:}
					1.5e-3 0 10E+2 .5      => NUMBER:1.5e-3 NUMBER:0 NUMBER:10E+2 DOT:. NUMBER:5
					"a\\/b\\"c\\\\"      => STRING:a/b"c\\
					"\\u00e9\\ud83d\\ude00" => STRING:é😀
					"\\ud800x"             => STRING:\uFFFDx
					`raw \\n "q"`          => STRING:raw \\n "q"
					x # comment            => IDENT:x
					_x1 A_b                => IDENT:_x1 IDENT:A_b
					""",
			ignoreLeadingAndTrailingWhitespace = true)
	void scansTokens(String source, String expected) {
		assertThat(scan(source)).isEqualTo(expected.replace("\\uFFFD", "\uFFFD"));
	}

	@ParameterizedTest
	@CsvSource(delimiterString = "=>", textBlock = """
			"abc                   => non-terminated string
			"a\\qb"                => illegal escape sequence
			`abc                   => non-terminated string
			1.                     => expected fraction
			1e                     => expected exponent
			0a2b                   => illegal number format
			!x                     => illegal ! character
			$x                     => illegal $ character
			@                      => illegal token
			"\\u12G4"              => illegal string literal: "\\u12G4"
			""")
	void reportsWhatItCannotScanAsIllegalTokens(String source, String reason) {
		Token first = Lexer.scan(source).tokens().get(0);
		assertThat(first.kind()).isEqualTo(TokenKind.ILLEGAL);
		assertThat(first.value()).isEqualTo(reason);
	}

	@Test
	void countsRowsAndColumnsInCodePoints() {
		List<Token> tokens = Lexer.scan("a\n  \"😀\" b\n\tc").tokens();
		assertThat(tokens).extracting(Token::row, Token::col)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(1, 1), org.assertj.core.groups.Tuple.tuple(2, 3),
					org.assertj.core.groups.Tuple.tuple(2, 7), org.assertj.core.groups.Tuple.tuple(3, 2),
					org.assertj.core.groups.Tuple.tuple(3, 3));
	}

	@Test
	void marksWhitespaceAndLineBreaksBeforeTokens() {
		List<Token> tokens = Lexer.scan("a.b c\nd # x\n.e").tokens();
		assertThat(tokens).extracting(Token::spaceBefore)
			.containsExactly(false, false, false, true, true, true, false, false);
		assertThat(tokens).extracting(Token::newlineBefore)
			.containsExactly(false, false, false, false, true, true, false, false);
	}

	@Test
	void keepsCommentsAsideWithTheirPositions() {
		Lexer lexer = Lexer.scan("# METADATA\r\n# title: x\npackage p # trailing");
		assertThat(lexer.comments()).containsExactly(new Comment(" METADATA", 1, 1), new Comment(" title: x", 2, 1),
				new Comment(" trailing", 3, 11));
	}

	@Test
	void splitsTemplateStringsAroundTheirExpressions() {
		assertThat(scan("$\"a {x} b {{1}} \\{c} {\"}\"}\"")).isEqualTo(
				"TEMPLATE_PART:a  IDENT:x TEMPLATE_PART: b  LBRACE:{ NUMBER:1 RBRACE:} TEMPLATE_PART: {c}  STRING:} TEMPLATE_END:");
		assertThat(scan("$`line\n{y}\\{z}`")).isEqualTo("TEMPLATE_PART:line\n IDENT:y TEMPLATE_END:{z}");
		assertThat(scan("$\"{$\"{x}\"}\""))
			.isEqualTo("TEMPLATE_PART: TEMPLATE_PART: IDENT:x TEMPLATE_END: TEMPLATE_END:");
	}

	@Test
	void skipsALeadingByteOrderMark() {
		assertThat(scan("\uFEFFx")).isEqualTo("IDENT:x");
		assertThat(Lexer.scan("x\uFEFF").tokens().get(1).value()).isEqualTo("illegal byte-order mark");
	}

}
