package dev.cairn.rego.internal.parser;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.cairn.rego.ast.Annotation;
import dev.cairn.rego.ast.Group;
import dev.cairn.rego.ast.LogicalExpr;
import dev.cairn.rego.ast.Module;
import dev.cairn.rego.ast.Printer;
import dev.cairn.rego.ast.Rule;
import dev.cairn.rego.ast.RuleHead.Kind;

import static org.assertj.core.api.Assertions.assertThat;

/** Modules: rules of every kind, imports and annotations; {@code ¶} is a line break. */
class ModuleParserTests {

	private static Module parse(String source) {
		return RegoParser.parseModule("t.rego", source.replace("¶", "\n"));
	}

	private static Module parseExperimental(String source) {
		return RegoParser.parseModule("t.rego", source.replace("¶", "\n"), true);
	}

	private static Rule rule(String source) {
		return parse("package p¶" + source).rules().get(0);
	}

	@ParameterizedTest
	@CsvSource(delimiterString = "=>", textBlock = """
			p := 1                               => SINGLE_VALUE => p := 1
			p = 1                                => SINGLE_VALUE => p = 1
			p if input.x                         => SINGLE_VALUE => p if {¶	input.x¶}
			p if { input.x; input.y }            => SINGLE_VALUE => p if {¶	input.x¶	input.y¶}
			p := x if { x := 1 }                 => SINGLE_VALUE => p := x if {¶	x := 1¶}
			p.q.r := 1                           => SINGLE_VALUE => p.q.r := 1
			a.b[c] := x if { some c; x := 1 }    => SINGLE_VALUE => a.b[c] := x if {¶	some c¶	x := 1¶}
			p[x] if { some x in [1] }            => SINGLE_VALUE => p[x] if {¶	some x in [1]¶}
			p contains x if { some x in [1] }    => MULTI_VALUE  => p contains x if {¶	some x in [1]¶}
			p contains "a"                       => MULTI_VALUE  => p contains "a"
			a.b contains 1 if true               => MULTI_VALUE  => a.b contains 1 if {¶	true¶}
			f(x) := x + 1                        => FUNCTION     => f(x) := x + 1
			f(x, _) if x > 1                     => FUNCTION     => f(x, _) if {¶	x > 1¶}
			a.b.f(x) := 1 if true                => FUNCTION     => a.b.f(x) := 1 if {¶	true¶}
			f(x)                                 => FUNCTION     => f(x)
			p := 1 if not q                      => SINGLE_VALUE => p := 1 if {¶	not q¶}
			p if every x in xs { x > 0 }         => SINGLE_VALUE => p if {¶	every x in xs { x > 0 }¶}
			""")
	void parsesRuleKinds(String source, Kind kind, String printed) {
		Rule rule = rule(source);
		assertThat(rule.head().kind()).isEqualTo(kind);
		assertThat(Printer.print(rule)).isEqualTo(printed.replace("¶", "\n"));
	}

	@Test
	void parsesDefaultRules() {
		Rule rule = rule("default allow := false");
		assertThat(rule.isDefault()).isTrue();
		assertThat(rule.bodyGenerated()).isTrue();
		assertThat(Printer.print(rule)).isEqualTo("default allow := false");
		assertThat(Printer.print(rule("default f(_, x) := {\"a\": [1, {y | y := 1}]}")))
			.isEqualTo("default f(_, x) := {\"a\": [1, {y | y := 1}]}");
	}

	@Test
	void parsesElseChains() {
		Rule rule = rule("p := 1 if input.a else := 2 if { input.b } else = 3");
		assertThat(rule.elseRule().head().value()).hasToString(rule.elseRule().head().value().toString());
		assertThat(Printer.print(rule.elseRule().head().value())).isEqualTo("2");
		assertThat(rule.elseRule().head().assign()).isTrue();
		assertThat(rule.elseRule().elseRule().head().assign()).isFalse();
		assertThat(rule.elseRule().elseRule().bodyGenerated()).isTrue();
		assertThat(rule.elseRule().elseRule().elseRule()).isNull();
		assertThat(Printer.print(rule)).isEqualTo("p := 1 if {\n\tinput.a\n} else := 2 if {\n\tinput.b\n} else = 3");
		Rule function = rule("f(x) := 1 if { x > 0 } else if { x < -5 } else := 3");
		assertThat(function.elseRule().head().valueGenerated()).isTrue();
		assertThat(function.elseRule().head().args()).hasSize(1);
	}

	@Test
	void parsesSeveralBodiesAndDefinitionsAsSeparateRules() {
		Module module = parse("package p¶p if { a } { b }¶f(1) := 2¶f(x) := 3 if x > 1");
		assertThat(module.rules()).hasSize(4);
		assertThat(module.rules().get(1).head()).isEqualTo(module.rules().get(0).head());
		assertThat(module.rules().get(1).location().row()).isEqualTo(2);
		assertThat(module.rules().get(1).location().col()).isEqualTo(12);
	}

	@Test
	void parsesPackagesAndImports() {
		Module module = parse("package a.b[\"c\"].if¶import data.x.y as z¶import input.req¶import future.keywords.in"
				+ "¶import rego.v1¶import data.foo.as as bar¶p := z");
		assertThat(Printer.print(module.pkg().path())).isEqualTo("data.a.b.c.if");
		assertThat(module.imports()).extracting((i) -> Printer.print(i.path()))
			.containsExactly("data.x.y", "input.req", "future.keywords.in", "rego.v1", "data.foo.as");
		assertThat(module.imports()).extracting((i) -> i.name()).containsExactly("z", "req", "in", "v1", "bar");
	}

	@Test
	void acceptsKeywordsInRefs() {
		Module module = parse("package test¶p if { as.foo == 1; foo.as == 2 }¶as.foo := 1¶default default.foo(_) := 42"
				+ "¶else.foo := 1 if { input.x == 1 } else := 2¶not.foo contains \"a\"");
		assertThat(module.rules()).extracting((r) -> Printer.print(r.head().ref()))
			.containsExactly("p", "as.foo", "default.foo", "else.foo", "not.foo");
	}

	@Test
	void readsMetadataAnnotations() {
		Module module = parse("""
				# METADATA
				# description: The package
				package testing

				# METADATA
				# title: Testing annotations
				# authors:
				# - The OPA contributors
				# - name: Jane
				#   email: jane@example.com
				# custom:
				#   tags: [a, "b c"]
				#   level: 3
				#   on: true
				p := 1

				# METADATA
				# scope: document
				# description: |
				#   Two
				#   lines
				p := 2 if false
				""");
		assertThat(module.annotations()).hasSize(3);
		assertThat(module.pkg().annotations()).singleElement()
			.satisfies((a) -> assertThat(a.scope()).isEqualTo("package"));
		Annotation rule = module.rules().get(0).annotations().get(0);
		assertThat(rule.scope()).isEqualTo("rule");
		assertThat(rule.location().row()).isEqualTo(5);
		assertThat(rule.values()).containsEntry("title", "Testing annotations")
			.containsEntry("authors",
					List.of("The OPA contributors", Map.of("name", "Jane", "email", "jane@example.com")))
			.containsEntry("custom", Map.of("tags", List.of("a", "b c"), "level", 3L, "on", true));
		assertThat(rule.text()).startsWith("# METADATA\n# title: Testing annotations\n# authors:");
		assertThat(module.rules().get(0).annotations()).hasSize(2);
		assertThat(module.rules().get(1).annotations()).singleElement()
			.satisfies((a) -> assertThat(a.values()).containsEntry("description", "Two\nlines\n"));
	}

	@Test
	void parsesExperimentalLogicalOperators() {
		Module module = parseExperimental("package p¶import future.keywords.and¶import future.keywords.or"
				+ "¶p if not input.x or input.y and input.z¶q if { { a := 1; a > 0 } and not (b or c) }");
		Rule p = module.rules().get(0);
		LogicalExpr or = (LogicalExpr) p.body().exprs().get(0).form();
		assertThat(or.operator()).isEqualTo(LogicalExpr.Operator.OR);
		assertThat(or.left().negated()).isTrue();
		assertThat(((LogicalExpr) or.right().form()).operator()).isEqualTo(LogicalExpr.Operator.AND);
		LogicalExpr and = (LogicalExpr) module.rules().get(1).body().exprs().get(0).form();
		assertThat(and.left().form()).isInstanceOf(Group.class);
		assertThat(and.right().negated()).isTrue();
		assertThat(Printer.print(module.rules().get(1))).isEqualTo("q if {\n\t{ a := 1; a > 0 } and not (b or c)\n}");
	}

	@Test
	void negatesGroupsAfterImportingNot() {
		Rule rule = parse("package p¶import future.keywords.not¶p if not { a; b }").rules().get(0);
		assertThat(rule.body().exprs().get(0).negated()).isTrue();
		assertThat(rule.body().exprs().get(0).form()).isInstanceOf(Group.class);
	}

	@Test
	void readsEntrypointAnnotationsAsDocumentScoped() {
		Module module = parse("package p¶# METADATA¶# entrypoint: true¶p := 1¶p := 2 if false");
		assertThat(module.rules()).allSatisfy((r) -> assertThat(r.annotations()).singleElement()
			.satisfies((a) -> assertThat(a.scope()).isEqualTo("document")));
	}

	@Test
	void treatsAndAndOrAsNamesWithoutTheImport() {
		assertThat(Printer.print(rule("p if { and := 1; or := and }"))).isEqualTo("p if {\n\tand := 1\n\tor := and\n}");
	}

}
