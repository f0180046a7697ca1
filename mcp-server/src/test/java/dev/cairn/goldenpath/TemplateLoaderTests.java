package dev.cairn.goldenpath;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateLoaderTests {

	@TempDir
	Path root;

	@Test
	void theThreeShippedTemplatesLoadWithNoProblems() {
		TemplateSet set = GoldenPathFixtures.shipped();
		assertThat(set.problems()).isEmpty();
		assertThat(set.templates()).extracting(GoldenPath::name)
			.containsExactly("go-service", "spring-boot-service", "typescript-service");
		for (GoldenPath template : set.templates()) {
			assertThat(template.parameters().names()).contains("name", "owner", "system", "description", "tier",
					"lifecycle", "database", "cache");
			assertThat(template.steps()).extracting((step) -> step.action().wireName())
				.containsExactly("repository.create", "catalog.register", "resource.provision", "resource.provision",
						"gitops.deploy");
		}
	}

	@Test
	void stepsAreDataTheEngineCanRun() {
		GoldenPath go = GoldenPathFixtures.template("go-service");
		Step database = go.steps().get(2);
		assertThat(database.id()).isEqualTo("provision-database");
		assertThat(database.runsWith(java.util.Map.of("database", "postgres"))).isTrue();
		assertThat(database.runsWith(java.util.Map.of("database", "none"))).isFalse();
		assertThat(database.resolveInput(
				java.util.Map.of("name", "fraud-scorer", "owner", "team-risk", "system", "risk", "tier", "tier-2"),
				java.util.Map.of()))
			.containsEntry("name", "fraud-scorer-db")
			.containsEntry("type", "postgres");
	}

	@Test
	void aBrokenTemplateIsReportedAndTheOthersLoad() throws IOException {
		GoldenPathFixtures.write(this.root, "good", GoldenPathFixtures.definition("good"), "README.md",
				"# ${{ parameters.name }}\n");
		GoldenPathFixtures.write(this.root, "nameless",
				GoldenPathFixtures.definition("nameless").replace("  name: nameless\n", ""), "README.md", "x\n");
		TemplateSet set = TemplateLoader.load(this.root);
		assertThat(set.templates()).extracting(GoldenPath::name).containsExactly("good");
		assertThat(set.broken()).extracting(BrokenTemplate::folder).containsExactly("nameless");
		assertThat(set.problems()).extracting(TemplateProblem::toString)
			.containsExactly("nameless/template.yaml:4: metadata.name: is required");
	}

	@Test
	void aBadJsonSchemaIsReportedWithItsField() throws IOException {
		String definition = GoldenPathFixtures.definition("bad-schema")
			.replace("        type: string\n", "        type: strin\n")
			.replace("required: [name]", "required: name");
		GoldenPathFixtures.write(this.root, "bad-schema", definition, "README.md", "x\n");
		List<TemplateProblem> problems = TemplateLoader.load(this.root).problems();
		assertThat(problems).extracting(TemplateProblem::field)
			.contains("spec.parameters.properties.name.type", "spec.parameters.required");
		assertThat(problems).filteredOn((p) -> "spec.parameters.required".equals(p.field()))
			.singleElement()
			.satisfies((p) -> {
				assertThat(p.file()).isEqualTo("bad-schema/template.yaml");
				assertThat(p.line()).isEqualTo(11);
				assertThat(p.message()).startsWith("not a valid JSON Schema: ");
			});
	}

	@Test
	void anInvalidRegularExpressionInTheSchemaIsReported() throws IOException {
		String definition = GoldenPathFixtures.definition("bad-regex").replace("'^[a-z]([-a-z0-9]*[a-z0-9])?$'", "'['");
		GoldenPathFixtures.write(this.root, "bad-regex", definition, "README.md", "x\n");
		assertThat(TemplateLoader.load(this.root).problems()).extracting(TemplateProblem::toString)
			.singleElement()
			.asString()
			.startsWith("bad-regex/template.yaml:15: spec.parameters.properties.name.pattern: not a valid regular");
	}

	@Test
	void anUnknownActionNamesTheClosedSet() throws IOException {
		String definition = GoldenPathFixtures.definition("bad-action")
			.replace("action: repository.create", "action: shell.run");
		GoldenPathFixtures.write(this.root, "bad-action", definition, "README.md", "x\n");
		assertThat(TemplateLoader.load(this.root).problems()).extracting(TemplateProblem::toString)
			.containsExactly("bad-action/template.yaml:19: spec.steps[0].action: unknown action \"shell.run\"; one of "
					+ "repository.create, catalog.register, resource.provision, gitops.deploy");
	}

	@Test
	void inputsAreCheckedAgainstTheAction() throws IOException {
		String definition = GoldenPathFixtures.definition("bad-input")
			.replace("        name: ${{ parameters.name }}\n", "        colour: blue\n");
		GoldenPathFixtures.write(this.root, "bad-input", definition, "README.md", "x\n");
		assertThat(TemplateLoader.load(this.root).problems()).extracting(TemplateProblem::field)
			.containsExactly("spec.steps[0].input.name", "spec.steps[0].input.colour");
	}

	@Test
	void anUnknownParameterInAStepIsReportedWithItsLine() throws IOException {
		String definition = GoldenPathFixtures.definition("bad-step-ref")
			.replace("${{ parameters.name }}", "${{ parameters.nmae }}");
		GoldenPathFixtures.write(this.root, "bad-step-ref", definition, "README.md", "x\n");
		assertThat(TemplateLoader.load(this.root).problems()).extracting(TemplateProblem::toString)
			.containsExactly("bad-step-ref/template.yaml:21: spec.steps[0].input.name: unknown parameter nmae in "
					+ "${{ parameters.nmae }}; spec.parameters declares name");
	}

	@Test
	void anUnknownParameterInTheSkeletonIsReportedWithFileAndLine() throws IOException {
		GoldenPathFixtures.write(this.root, "bad-skeleton", GoldenPathFixtures.definition("bad-skeleton"),
				"src/${{ parameters.package }}/main.go",
				"package main\n\n// ${{ parameters.name }} by ${{ parameters.owner }}\nvar tag = \"${{ github.sha }}\"\n");
		assertThat(TemplateLoader.load(this.root).problems()).extracting(TemplateProblem::toString)
			.containsExactly(
					"bad-skeleton/skeleton/src/${{ parameters.package }}/main.go: path: unknown parameter package in "
							+ "${{ parameters.package }}; spec.parameters declares name",
					"bad-skeleton/skeleton/src/${{ parameters.package }}/main.go:3: unknown parameter owner in "
							+ "${{ parameters.owner }}; spec.parameters declares name");
	}

	@Test
	void unsupportedExpressionsAndConditionsAreErrors() throws IOException {
		String definition = GoldenPathFixtures.definition("bad-expr")
			.replace("      action: repository.create\n",
					"      action: repository.create\n      if: ${{ parameters.name > 'a' }}\n");
		GoldenPathFixtures.write(this.root, "bad-expr", definition, "README.md", "# ${{ parameters.name | upper }}\n");
		assertThat(TemplateLoader.load(this.root).problems()).extracting(TemplateProblem::toString)
			.containsExactly("bad-expr/template.yaml:20: spec.steps[0].if: must be ${{ parameters.<name> }}, or "
					+ "${{ parameters.<name> == '<value>' }} or != '<value>', not \"${{ parameters.name > 'a' }}\"",
					"bad-expr/skeleton/README.md:1: unsupported expression ${{ parameters.name | upper }}: write "
							+ "${{ parameters.<name> }} or ${{ values.<name> }}");
	}

	@Test
	void brokenYamlAndMissingPartsAreReported() throws IOException {
		GoldenPathFixtures.write(this.root, "bad-yaml", "apiVersion: cairn.dev/v1\nkind: [unclosed\n", "README.md",
				"x\n");
		java.nio.file.Files.createDirectories(this.root.resolve("empty"));
		assertThat(TemplateLoader.load(this.root).problems()).extracting(TemplateProblem::toString)
			.hasSize(2)
			.anySatisfy((p) -> assertThat(p).startsWith("bad-yaml/template.yaml:3: not valid YAML: "))
			.contains("empty/template.yaml: missing: a template folder holds template.yaml and skeleton/");
	}

}
