package dev.cairn.goldenpath;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cairn.mcp.ToolInputException;
import dev.cairn.mcp.ToolResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class GoldenPathToolsTests {

	@TempDir
	Path root;

	private GoldenPaths pathsWithABrokenOne() throws IOException {
		try (Stream<Path> files = Files.walk(GoldenPathFixtures.SHIPPED)) {
			for (Path file : (Iterable<Path>) files.sorted(Comparator.naturalOrder())::iterator) {
				Path target = this.root.resolve(GoldenPathFixtures.SHIPPED.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(file, target);
				}
			}
		}
		GoldenPathFixtures.write(this.root, "python-service",
				GoldenPathFixtures.definition("python-service").replace("repository.create", "shell.run"), "x.py",
				"print('${{ parameters.name }}')\n");
		return new GoldenPaths(this.root, false);
	}

	@Test
	void listsTheTemplatesAndTheBrokenOnesWithTheirProblems() throws IOException {
		ToolResult result = new GoldenPathListTool(pathsWithABrokenOne()).call(new GoldenPathListTool.Input(null),
				null);
		GoldenPathListTool.Answer answer = (GoldenPathListTool.Answer) result.structured();
		assertThat(answer.templates()).extracting(GoldenPathListTool.Summary::name)
			.containsExactly("go-service", "spring-boot-service", "typescript-service");
		assertThat(answer.templates().get(0).parameters()).startsWith("name", "owner", "system", "description")
			.contains("tier", "lifecycle", "database", "cache");
		assertThat(answer.broken()).singleElement().satisfies((broken) -> {
			assertThat(broken.folder()).isEqualTo("python-service");
			assertThat(broken.problems()).singleElement()
				.asString()
				.startsWith("python-service/template.yaml:19: spec.steps[0].action: unknown action \"shell.run\"");
		});
		assertThat(result.text()).startsWith("3 golden paths:\n- go-service: Go service [go, http, service]")
			.contains("broken, not loaded: python-service");
	}

	@Test
	void filtersByTag() throws IOException {
		ToolResult result = new GoldenPathListTool(pathsWithABrokenOne()).call(new GoldenPathListTool.Input("java"),
				null);
		assertThat(((GoldenPathListTool.Answer) result.structured()).templates())
			.extracting(GoldenPathListTool.Summary::name)
			.containsExactly("spring-boot-service");
	}

	@Test
	void describesParametersAndStepsInOrder() {
		GoldenPaths paths = new GoldenPaths(GoldenPathFixtures.SHIPPED, false);
		ToolResult result = new GoldenPathDescribeTool(paths).call(new GoldenPathDescribeTool.Input("go-service"),
				null);
		TemplateDescription description = (TemplateDescription) result.structured();
		assertThat(description.parameters()).filteredOn((p) -> p.name().equals("tier"))
			.singleElement()
			.satisfies((tier) -> {
				assertThat(tier.required()).isFalse();
				assertThat(tier.defaultValue()).isEqualTo("tier-3");
				assertThat(tier.allowed()).containsExactly("tier-1", "tier-2", "tier-3");
			});
		assertThat(description.parameters()).filteredOn((p) -> p.name().equals("name"))
			.singleElement()
			.satisfies((name) -> assertThat(name.required()).isTrue());
		assertThat(description.steps()).extracting(TemplateDescription.StepView::id)
			.containsExactly("create-repository", "register", "provision-database", "provision-cache",
					"deploy-staging");
		assertThat(description.schema()).containsEntry("$schema", "https://json-schema.org/draft/2020-12/schema")
			.containsEntry("type", "object");
		assertThat(description.steps().get(2).condition()).isEqualTo("${{ parameters.database == 'postgres' }}");
		assertThat(result.text()).contains("- tier (string, default tier-3, one of [tier-1, tier-2, tier-3])")
			.contains("3. provision-database [resource.provision] Provision a PostgreSQL database, if "
					+ "${{ parameters.database == 'postgres' }}");
	}

	@Test
	void anUnknownOrBrokenTemplateIsAnInputErrorThatSaysWhy() throws IOException {
		GoldenPathDescribeTool tool = new GoldenPathDescribeTool(pathsWithABrokenOne());
		assertThatExceptionOfType(ToolInputException.class)
			.isThrownBy(() -> tool.call(new GoldenPathDescribeTool.Input("rust-service"), null))
			.withMessage("argument 'template': no golden path \"rust-service\"; the golden paths are go-service, "
					+ "spring-boot-service, typescript-service");
		assertThatExceptionOfType(ToolInputException.class)
			.isThrownBy(() -> tool.call(new GoldenPathDescribeTool.Input("python-service"), null))
			.withMessageStartingWith("argument 'template': golden path python-service is broken and was not loaded: "
					+ "python-service/template.yaml:19: spec.steps[0].action: unknown action");
	}

	@Test
	void reloadPicksUpAFixedTemplate() throws IOException {
		GoldenPaths paths = pathsWithABrokenOne();
		assertThat(paths.current().find("python-service")).isEmpty();
		Files.writeString(this.root.resolve("python-service/template.yaml"),
				GoldenPathFixtures.definition("python-service"));
		paths.reload();
		assertThat(paths.current().find("python-service")).isPresent();
		assertThat(paths.current().broken()).isEmpty();
	}

}
