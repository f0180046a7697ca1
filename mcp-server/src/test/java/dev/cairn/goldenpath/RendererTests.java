package dev.cairn.goldenpath;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RendererTests {

	private final Renderer renderer = new Renderer();

	@Test
	void badParametersAreRefusedNamingEachField() {
		Map<String, Object> parameters = GoldenPathFixtures.fraudScorer();
		parameters.put("name", "Fraud_Scorer");
		parameters.put("tier", "tier-9");
		parameters.remove("owner");
		parameters.put("colour", "blue");
		assertThatExceptionOfType(InvalidParametersException.class)
			.isThrownBy(() -> this.renderer.render(GoldenPathFixtures.template("go-service"), parameters))
			.satisfies((ex) -> assertThat(ex.errors()).containsExactly(
					"parameters.colour: is not a parameter of this template",
					"parameters.name: must match ^[a-z]([-a-z0-9]*[a-z0-9])?$", "parameters.owner: is required",
					"parameters.tier: does not have a value in the enumeration [\"tier-1\", \"tier-2\", \"tier-3\"]"));
	}

	@Test
	void aDescriptionThatWouldBreakTheYamlIsRefused() {
		Map<String, Object> parameters = GoldenPathFixtures.fraudScorer();
		parameters.put("description", "says \"hi\"\nand more");
		assertThatExceptionOfType(InvalidParametersException.class)
			.isThrownBy(() -> this.renderer.render(GoldenPathFixtures.template("go-service"), parameters))
			.withMessageContaining("parameters.description: must match");
	}

	@Test
	void aDescriptionThatWouldEndAJavaCommentIsRefused() {
		Map<String, Object> parameters = GoldenPathFixtures.fraudScorer();
		parameters.put("description", "scores */ payments");
		assertThatExceptionOfType(InvalidParametersException.class)
			.isThrownBy(() -> this.renderer.render(GoldenPathFixtures.template("spring-boot-service"), parameters))
			.withMessageContaining("parameters.description: must match");
	}

	@Test
	void keepsExecutableBitsAndBinaryFilesAndRefusesPathsThatLeaveTheRepository(@TempDir Path root) throws IOException {
		String definition = GoldenPathFixtures.definition("tool")
			.replace("        pattern: '^[a-z]([-a-z0-9]*[a-z0-9])?$'\n", "")
			.replace("  steps:", "      dir:\n        type: string\n        default: bin\n  steps:");
		Path folder = GoldenPathFixtures.write(root, "tool", definition, "${{ parameters.dir }}/run.sh",
				"#!/bin/sh\necho ${{ parameters.name }} \"${HOME}\"\n");
		folder.resolve("skeleton/${{ parameters.dir }}/run.sh").toFile().setExecutable(true);
		byte[] binary = { 0, 1, 2, (byte) 0xff, '$', '{', '{' };
		Files.write(folder.resolve("skeleton/logo.bin"), binary);
		GoldenPath template = TemplateLoader.load(root).find("tool").orElseThrow();
		RenderedTree tree = this.renderer.render(template, Map.of("name", "x"));
		assertThat(tree.paths()).containsExactly("bin/run.sh", "logo.bin");
		assertThat(tree.file("bin/run.sh").executable()).isTrue();
		assertThat(tree.file("bin/run.sh").text()).isEqualTo("#!/bin/sh\necho x \"${HOME}\"\n");
		assertThat(tree.file("logo.bin").content()).isEqualTo(binary);
		assertThat(tree.file("logo.bin").executable()).isFalse();
		assertThatExceptionOfType(InvalidParametersException.class)
			.isThrownBy(() -> this.renderer.render(template, Map.of("name", "x", "dir", "../..")))
			.withMessageContaining("renders to the path \"../../run.sh\", which leaves the repository");
	}

	@Test
	void theRenderedRepositoryHoldsEveryRequiredFile() {
		for (GoldenPath template : GoldenPathFixtures.shipped().templates()) {
			RenderedTree tree = this.renderer.render(template, GoldenPathFixtures.fraudScorer());
			assertThat(tree.paths()).as(template.name())
				.contains("Dockerfile", ".github/workflows/ci.yaml", "deploy/base/deployment.yaml",
						"deploy/base/service.yaml", "deploy/base/kustomization.yaml",
						"deploy/overlays/staging/kustomization.yaml", "deploy/overlays/production/kustomization.yaml",
						"catalog-info.yaml", "observability/dashboard.json", "observability/alerts.yaml", "README.md",
						".gitignore");
			assertThat(tree.paths()).allSatisfy((path) -> assertThat(path).doesNotContain("${{"));
			assertThat(tree.files().values()).allSatisfy(
					(file) -> assertThat(file.text()).as(file.path()).doesNotContain("${{ parameters.", "${{ values."));
		}
		RenderedTree spring = this.renderer.render(GoldenPathFixtures.template("spring-boot-service"),
				GoldenPathFixtures.fraudScorer());
		assertThat(spring.paths()).contains("pom.xml", "src/main/java/com/acme/fraudscorer/Application.java",
				"src/test/java/com/acme/fraudscorer/ApplicationTests.java");
		assertThat(spring.file("src/main/java/com/acme/fraudscorer/Application.java").text())
			.startsWith("package com.acme.fraudscorer;");
	}

	@Test
	void otherPlaceholdersPassThroughUntouched() {
		RenderedTree go = this.renderer.render(GoldenPathFixtures.template("go-service"),
				GoldenPathFixtures.fraudScorer());
		assertThat(go.file(".github/workflows/ci.yaml").text()).contains("\"$IMAGE:${{ github.sha }}\"")
			.contains("${{ secrets.GITHUB_TOKEN }}")
			.contains("IMAGE: ghcr.io/acme/fraud-scorer");
		assertThat(go.file("observability/dashboard.json").text()).contains("\"uid\": \"${datasource}\"");
		RenderedTree spring = this.renderer.render(GoldenPathFixtures.template("spring-boot-service"),
				GoldenPathFixtures.fraudScorer());
		assertThat(spring.file("src/main/resources/application.yaml").text()).contains("port: ${PORT:8080}")
			.contains("name: fraud-scorer");
		assertThat(spring.file("observability/alerts.yaml").text()).contains("{{ $value | humanizePercentage }}")
			.contains("alert: FraudScorerHighErrorRate");
	}

	@Test
	void catalogInfoCarriesOwnershipAndTheProvisionedResource() {
		RenderedTree go = this.renderer.render(GoldenPathFixtures.template("go-service"),
				GoldenPathFixtures.fraudScorer());
		assertThat(go.file("catalog-info.yaml").text()).contains("  name: fraud-scorer\n")
			.contains("    tier: tier-2\n")
			.contains("    backstage.io/kubernetes-id: fraud-scorer\n")
			.contains("    backstage.io/kubernetes-namespace: risk\n")
			.contains("    github.com/project-slug: acme/fraud-scorer\n")
			.contains("  owner: group:default/team-risk\n")
			.contains("  lifecycle: experimental\n")
			.contains("  dependsOn: [resource:default/fraud-scorer-db]\n");
		Map<String, Object> noDatabase = GoldenPathFixtures.fraudScorer();
		noDatabase.put("database", "none");
		noDatabase.put("cache", "redis");
		assertThat(this.renderer.render(GoldenPathFixtures.template("go-service"), noDatabase)
			.file("catalog-info.yaml")
			.text()).contains("  dependsOn: [resource:default/fraud-scorer-cache]\n");
	}

	@Test
	void renderingIsDeterministic() {
		GoldenPath template = GoldenPathFixtures.template("typescript-service");
		RenderedTree first = this.renderer.render(template, GoldenPathFixtures.fraudScorer());
		RenderedTree second = this.renderer.render(template, GoldenPathFixtures.fraudScorer());
		assertThat(second.paths()).isEqualTo(first.paths());
		for (String path : first.paths()) {
			assertThat(Arrays.equals(first.file(path).content(), second.file(path).content())).as(path).isTrue();
		}
		assertThat(first.parameters()).containsEntry("lifecycle", "experimental").containsEntry("cache", "none");
	}

}
