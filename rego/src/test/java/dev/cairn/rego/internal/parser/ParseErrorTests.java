package dev.cairn.rego.internal.parser;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.cairn.rego.ErrorCode;
import dev.cairn.rego.RegoException;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What OPA v1 rejects is rejected, with OPA's code, its wording, and the position;
 * {@code ¶} is a line break.
 */
class ParseErrorTests {

	@ParameterizedTest
	@CsvSource(delimiterString = "=>",
			textBlock = """
					''                                    => t.rego:1:1: rego_parse_error: empty module
					p := 1                                => t.rego:1:1: rego_parse_error: package expected
					package foo.                          => t.rego:1:13: rego_parse_error: unexpected eof token: expected ident
					package p¶p { true }                  => t.rego:2:1: rego_parse_error: `if` keyword is required before rule body
					package p¶f(x) { true }               => t.rego:2:1: rego_parse_error: `if` keyword is required before function body
					package p¶p[x] { x := 1 }             => t.rego:2:1: rego_parse_error: `if` keyword is required before rule body
					package p¶p.q                         => t.rego:2:1: rego_parse_error: `contains` keyword is required for partial set rules
					package p¶p[1]                        => t.rego:2:1: rego_parse_error: `contains` keyword is required for partial set rules
					package p¶a.b.c                       => t.rego:2:1: rego_parse_error: rule must have value assignment and/or body declaration
					package p¶p                           => t.rego:2:1: rego_parse_error: var cannot be used for rule name
					package p¶contains := 1               => t.rego:2:1: rego_parse_error: contains keyword cannot be used for rule name
					package p¶default p := x              => t.rego:2:1: rego_parse_error: illegal default rule (value cannot contain var)
					package p¶default p := count(x)       => t.rego:2:1: rego_parse_error: illegal default rule (value cannot contain call)
					package p¶default p                   => t.rego:2:1: rego_parse_error: illegal default rule (must have a value)
					package p¶default f(x, x) := 1        => t.rego:2:1: rego_parse_error: illegal default rule (arguments cannot be repeated x)
					package p¶default f(1) := 1           => t.rego:2:1: rego_parse_error: illegal default rule (arguments cannot contain number)
					package p¶import foo.bar              => t.rego:2:8: rego_parse_error: unexpected import path, must begin with one of: {data, future, input, rego}, got: foo
					package p¶import future.keywords.foo  => t.rego:2:8: rego_parse_error: unexpected keyword, must be one of [contains every if in not]
					package p¶import future.keywords.in as x => t.rego:2:8: rego_parse_error: `future` imports cannot be aliased
					package p¶import rego.v2              => t.rego:2:8: rego_parse_error: invalid import `rego.v2`, must be `rego.v1`
					package p¶import data.foo.if          => t.rego:2:17: rego_parse_error: unexpected import path, must not end with a keyword, got: if (hint: import a different path or use an alias)
					package p¶import data.x[y]            => t.rego:2:15: rego_parse_error: unexpected var token: expecting string
					package p¶import data.x as y.z        => t.rego:2:18: rego_parse_error: unexpected ident token: expected var
					package p¶p := 1¶package q            => t.rego:3:1: rego_parse_error: unexpected package
					package p¶p if { true } else {}      => t.rego:2:21: rego_parse_error: found empty body
					package p¶p if { x := 1; }            => t.rego:2:16: rego_parse_error: unexpected } token
					package p¶p if { x := 1 y := 2 }      => t.rego:2:15: rego_parse_error: unexpected ident token: expected \\n or ; or }
					package p¶p contains x if { x := 1 } else := 2 => t.rego:2:28: rego_parse_error: else keyword cannot be used on multi-value rules
					package p¶p[x] := 1 if { x := 1 } else := 2 => t.rego:2:25: rego_parse_error: else keyword cannot be used on rules with variables in head
					package p¶p if { true } else { true } { true } => t.rego:2:29: rego_parse_error: unexpected { token: expected else keyword
					package p¶p := 1 if { true } else     => t.rego:2:24: rego_parse_error: unexpected eof token: expected else value term or rule body
					package p¶f(x) contains 1             => t.rego:2:6: rego_parse_error: unexpected contains keyword: the contains keyword can only be used with multi-value rule definitions (e.g., f contains <VALUE> { ... })
					package p¶p := 1 if { true } if       => t.rego:2:20: rego_parse_error: unexpected if keyword
					# METADATA¶# scope: rule¶package p     => t.rego:1:1: rego_parse_error: annotation scope 'rule' must be applied to rule (have package)
					package p¶# METADATA¶# scope: wrong¶p := 1 => t.rego:2:1: rego_parse_error: invalid annotation scope 'wrong'. Use one of 'rule', 'document', 'package', or 'subpackages'
					package p¶# METADATA¶# title: [a¶p := 1 => t.rego:2:1: rego_parse_error: yaml: line 1: did not find expected ',' or ']'
					package p¶import future.keywords.and  => t.rego:2:8: rego_parse_error: unexpected keyword, must be one of [contains every if in not]
					""")
	void rejectsModules(String source, String message) {
		assertThatExceptionOfType(RegoException.class)
			.isThrownBy(() -> RegoParser.parseModule("t.rego", source.replace("¶", "\n")))
			.satisfies((ex) -> org.assertj.core.api.Assertions.assertThat(ex.code()).isEqualTo(ErrorCode.PARSE_ERROR))
			.withMessage(message);
	}

	@ParameterizedTest
	@CsvSource(delimiterString = "=>",
			textBlock = """
							''                      => 1:1: rego_parse_error: empty query
							x := 01                 => 1:6: rego_parse_error: unexpected number token: expected number without leading zero
							x := -y                 => 1:7: rego_parse_error: unexpected ident token: expected number
							x := "abc               => 1:6: rego_parse_error: non-terminated string
							x := "a\\qb"            => 1:6: rego_parse_error: illegal escape sequence
							x := "a\\u00zz"         => 1:6: rego_parse_error: illegal string literal: "a\\u00zz"
							x := 1e99999            => 1:6: rego_parse_error: number too big
							x := 1.                 => 1:6: rego_parse_error: expected fraction
							x := @                  => 1:6: rego_parse_error: illegal token
							x := [1, 2              => 1:11: rego_parse_error: unexpected eof token: expected "," or "]"
							x := {1 2}              => 1:9: rego_parse_error: unexpected number token: non-terminated set
							x := {"a": 1 2}         => 1:14: rego_parse_error: unexpected number token: non-terminated object
							x := (1 + 2             => 1:12: rego_parse_error: non-terminated expression
							x := a. b               => 1:9: rego_parse_error: unexpected whitespace token: expected ident
							x := "a"[0]             => 1:6: rego_parse_error: illegal ref (head cannot be string)
							x := if                 => 1:6: rego_parse_error: unexpected if keyword
							not some x in xs        => 1:5: rego_parse_error: unexpected some keyword: illegal negation of 'some'
							not every x in xs { x } => 1:5: rego_parse_error: unexpected every keyword: illegal negation of 'every'
							every x in xs           => 1:14: rego_parse_error: unexpected eof token: missing body
					every x in xs {}        => 1:16: rego_parse_error: found empty body
							every f(x) in xs { x }  => 1:18: rego_parse_error: unexpected { token: expected value to be a variable
							every x { x }           => 1:9: rego_parse_error: unexpected { token: expected `x[, y] in xs { ... }` expression
							some 1                  => 1:6: rego_parse_error: unexpected number token: expected var
							some f(x)               => 1:10: rego_parse_error: unexpected eof token: expected `x in xs` or `x, y in xs` expression
							x with 1 as 2           => 1:8: rego_parse_error: unexpected number token: expected ident
							x with input 2          => 1:14: rego_parse_error: unexpected number token: expected as keyword
							x := $"{y := 1}"        => 1:9: rego_parse_error: unexpected assignment (':=') in template-string expression
							x := $"{y = 1}"         => 1:9: rego_parse_error: unexpected unification ('=') in template-string expression
							x := $"{not y}"         => 1:9: rego_parse_error: unexpected negation ('not') in template-string expression
							x := $"{some y}"        => 1:9: rego_parse_error: unexpected 'some' in template-string expression
							x := $"{}"              => 1:9: rego_parse_error: invalid template-string expression
							x := $"{y z}"           => 1:11: rego_parse_error: expected } to end template string expression
							x := $"abc              => 1:6: rego_parse_error: non-terminated string
							x := !y                 => 1:6: rego_parse_error: illegal ! character
							""")
	void rejectsQueries(String source, String message) {
		assertThatExceptionOfType(RegoException.class).isThrownBy(() -> RegoParser.parseQuery(source))
			.withMessage(message);
	}

}
