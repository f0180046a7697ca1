package dev.cairn.goldenpath;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The shipped templates, and small templates written into a temporary folder. */
final class GoldenPathFixtures {

	/** The repository's golden-paths folder (tests run in mcp-server/). */
	static final Path SHIPPED = Path.of("..", "golden-paths");

	private GoldenPathFixtures() {
	}

	static TemplateSet shipped() {
		return TemplateLoader.load(SHIPPED);
	}

	static GoldenPath template(String name) {
		return shipped().find(name).orElseThrow(() -> new AssertionError(name + " did not load: " + shipped()));
	}

	/** Parameters for fraud-scorer, owned by team-risk, with Postgres. */
	static Map<String, Object> fraudScorer() {
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("name", "fraud-scorer");
		parameters.put("owner", "group:default/team-risk");
		parameters.put("system", "risk");
		parameters.put("description", "Scores payments for fraud in real time");
		parameters.put("tier", "tier-2");
		parameters.put("database", "postgres");
		return parameters;
	}

	/** A minimal sound definition, to break one field at a time. */
	static String definition(String name) {
		return """
				apiVersion: cairn.dev/v1
				kind: GoldenPath
				metadata:
				  name: %s
				  title: A test template
				  description: For tests.
				  tags: [test]
				spec:
				  parameters:
				    type: object
				    required: [name]
				    properties:
				      name:
				        type: string
				        pattern: '^[a-z]([-a-z0-9]*[a-z0-9])?$'
				  steps:
				    - id: create-repository
				      name: Create the repository
				      action: repository.create
				      input:
				        name: ${{ parameters.name }}
				""".formatted(name);
	}

	/** Writes a template folder with the definition and one skeleton file. */
	static Path write(Path root, String name, String definition, String skeletonPath, String skeletonText)
			throws IOException {
		Path folder = Files.createDirectories(root.resolve(name));
		Files.writeString(folder.resolve("template.yaml"), definition);
		Path file = folder.resolve("skeleton").resolve(skeletonPath);
		Files.createDirectories(file.getParent());
		Files.writeString(file, skeletonText);
		return folder;
	}

}
