package dev.cairn.rego.internal.eval;

import org.junit.jupiter.api.Test;

import dev.cairn.rego.RegoException;
import dev.cairn.rego.value.Values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class GoTemplateTests {

	private static final String DATA = """
			{"service": "payments-api", "tier": 1, "owners": ["ana", "bo"], "empty": [],
			 "limits": {"cpu": "500m", "memory": "1Gi"}, "html": "<b>&'\\""}
			""";

	@Test
	void printsFieldsNumbersAndGoFormattedComposites() {
		assertThat(render("{{.service}} tier {{.tier}}: {{.owners}} {{.limits}}"))
			.isEqualTo("payments-api tier 1: [ana bo] map[cpu:500m memory:1Gi]");
	}

	@Test
	void trimMarkersEatAdjacentWhitespace() {
		assertThat(render("a  \n {{- .tier -}} \n  b")).isEqualTo("a1b");
		assertThat(render("a {{/* a comment */}} b")).isEqualTo("a  b");
	}

	@Test
	void conditionalsFollowGoTruth() {
		assertThat(render("{{if .empty}}x{{else if eq .tier 1}}tier-one{{else}}other{{end}}")).isEqualTo("tier-one");
		assertThat(render("{{if and .owners (not .empty)}}yes{{end}}")).isEqualTo("yes");
		assertThat(render("{{with .limits}}{{.cpu}}{{else}}none{{end}} {{with .missing}}x{{else}}none{{end}}"))
			.isEqualTo("500m none");
		assertThat(render("{{if lt .tier 2}}low{{end}}{{if ge (len .owners) 2}} shared{{end}}"))
			.isEqualTo("low shared");
	}

	@Test
	void rangeBindsIndexKeyAndValueWithElseBreakAndContinue() {
		assertThat(render("{{range $i, $o := .owners}}{{if $i}}, {{end}}{{$i}}={{$o}}{{end}}"))
			.isEqualTo("0=ana, 1=bo");
		assertThat(render("{{range $k, $v := .limits}}{{$k}}:{{$v}};{{end}}")).isEqualTo("cpu:500m;memory:1Gi;");
		assertThat(render("{{range .empty}}x{{else}}nothing{{end}}")).isEqualTo("nothing");
		assertThat(render("{{range 5}}{{if eq . 1}}{{continue}}{{end}}{{if eq . 3}}{{break}}{{end}}{{.}}{{end}}"))
			.isEqualTo("02");
	}

	@Test
	void variablesPipelinesAndFunctions() {
		assertThat(render("{{$n := len .owners}}{{$n = 7}}{{$n}} {{.tier | printf \"%03d\"}} {{index .owners 1}}"))
			.isEqualTo("7 001 bo");
		assertThat(render("{{index .limits \"memory\"}} {{slice .service 0 8}} {{print 1 2 \"a\" 3}}"))
			.isEqualTo("1Gi payments 1 2a3");
		assertThat(render("{{html .html}} {{urlquery \"a b&c\"}} {{js \"it's\"}}"))
			.isEqualTo("&lt;b&gt;&amp;&#39;&#34; a+b%26c it\\'s");
	}

	@Test
	void namedTemplatesAndBlocks() {
		assertThat(render("{{define \"owner\"}}<{{.}}>{{end}}{{range .owners}}{{template \"owner\" .}}{{end}}"))
			.isEqualTo("<ana><bo>");
		assertThat(render("{{block \"t\" .service}}[{{.}}]{{end}}")).isEqualTo("[payments-api]");
	}

	@Test
	void missingKeysPrintUndefined() {
		assertThat(render("{{.nope}} {{.limits.gpu}}")).isEqualTo("<undefined> <undefined>");
	}

	@Test
	void reportsTemplateErrorsAsBuiltinErrors() {
		for (String[] bad : new String[][] { { "{{.service", "unclosed action" }, { "{{if .tier}}x", "unexpected EOF" },
				{ "{{nosuch 1}}", "function \"nosuch\" not defined" },
				{ "{{.service.name}}", "can't evaluate field name in type string" },
				{ "{{end}}", "unexpected {{end}}" }, { "{{$x}}", "undefined variable \"$x\"" },
				{ "{{template \"t\"}}", "no such template \"t\"" },
				{ "{{define \"r\"}}{{template \"r\"}}{{end}}{{template \"r\"}}",
						"exceeded maximum template depth" } }) {
			assertThatExceptionOfType(RegoException.class).as(bad[0])
				.isThrownBy(() -> render(bad[0]))
				.withMessageContaining("template: " + bad[1]);
		}
	}

	private static String render(String template) {
		return GoTemplate.render(template, Values.parseJson(DATA));
	}

}
