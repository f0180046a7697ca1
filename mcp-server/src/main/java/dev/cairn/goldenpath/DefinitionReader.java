package dev.cairn.goldenpath;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads and checks one {@code template.yaml}: every problem found is reported with its
 * field and line, and a definition with any problem gives no template.
 */
final class DefinitionReader {

	static final String API_VERSION = "cairn.dev/v1";

	static final String KIND = "GoldenPath";

	private static final Pattern DNS_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");

	private final String file;

	private final List<TemplateProblem> problems;

	private YamlLines lines = new YamlLines(null);

	DefinitionReader(String file, List<TemplateProblem> problems) {
		this.file = file;
		this.problems = problems;
	}

	/** The definition, when it has no problems; the folder's name must be its name. */
	Optional<GoldenPath> read(Path definition, String folderName) throws IOException {
		String text = Files.readString(definition, StandardCharsets.UTF_8);
		Object document;
		try {
			LoaderOptions options = new LoaderOptions();
			options.setAllowDuplicateKeys(false);
			Yaml yaml = new Yaml(new SafeConstructor(options));
			this.lines = new YamlLines(yaml.compose(new StringReader(text)));
			document = yaml.load(text);
		}
		catch (MarkedYAMLException ex) {
			this.problems.add(new TemplateProblem(this.file, ex.getProblemMark().getLine() + 1, null,
					"not valid YAML: " + ex.getProblem()));
			return Optional.empty();
		}
		catch (YAMLException ex) {
			this.problems.add(new TemplateProblem(this.file, null, null, "not valid YAML: " + ex.getMessage()));
			return Optional.empty();
		}
		int before = this.problems.size();
		Map<String, Object> root = map(document, "", List.of());
		expect(root.get("apiVersion"), API_VERSION, "apiVersion");
		expect(root.get("kind"), KIND, "kind");
		Map<String, Object> metadata = map(root.get("metadata"), "metadata", List.of("metadata"));
		String name = text(metadata, "metadata", "name");
		if (name != null && !DNS_LABEL.matcher(name).matches()) {
			problem("metadata.name", "must be a DNS-1123 label (lower case letters, digits and dashes)", "metadata",
					"name");
		}
		else if (name != null && !name.equals(folderName)) {
			problem("metadata.name", "must be the folder's name, " + folderName, "metadata", "name");
		}
		String title = text(metadata, "metadata", "title");
		String description = text(metadata, "metadata", "description");
		List<String> tags = tags(metadata.get("tags"));
		Map<String, Object> spec = map(root.get("spec"), "spec", List.of("spec"));
		ParameterSchema parameters = null;
		if (!spec.containsKey("parameters")) {
			problem("spec.parameters", "is required (a JSON Schema of the parameters)", "spec");
		}
		else {
			int beforeSchema = this.problems.size();
			for (ParameterSchema.SchemaProblem problem : ParameterSchema.problemsOf(spec.get("parameters"))) {
				problem("spec.parameters" + problem.field(), problem.message(),
						pathOf("spec.parameters" + problem.field()));
			}
			if (this.problems.size() == beforeSchema) {
				try {
					parameters = ParameterSchema.of(spec.get("parameters"));
				}
				catch (IllegalArgumentException ex) {
					problem("spec.parameters", ex.getMessage(), "spec", "parameters");
				}
			}
		}
		// Without a sound schema, only malformed references are reported, not every one.
		Set<String> names = (parameters != null) ? parameters.names() : null;
		List<Step> steps = new StepReader(this, names).steps(spec.get("steps"));
		if (this.problems.size() > before || parameters == null) {
			return Optional.empty();
		}
		return Optional.of(new GoldenPath(name, title, description, tags, parameters, steps, definition.getParent()));
	}

	/** Reports a problem at a field, on the line of the given path (or its parent). */
	void problem(String field, String message, Object... path) {
		this.problems.add(new TemplateProblem(this.file, this.lines.lineOf(path), field, message));
	}

	@SuppressWarnings("unchecked")
	Map<String, Object> map(Object value, String field, List<Object> path) {
		if (value instanceof Map<?, ?> map) {
			return (Map<String, Object>) map;
		}
		problem(field.isEmpty() ? null : field, (value == null) ? "is required" : "must be a mapping", path.toArray());
		return new LinkedHashMap<>();
	}

	private String text(Map<String, Object> parent, String parentField, String key) {
		Object value = parent.get(key);
		if (value instanceof String text && !text.isBlank()) {
			return text.trim();
		}
		problem(parentField + "." + key, (value == null) ? "is required" : "must be a non-empty string", parentField,
				key);
		return null;
	}

	private void expect(Object actual, String expected, String field) {
		if (!expected.equals(actual)) {
			problem(field, "must be " + expected + ((actual == null) ? "" : ", not " + actual), field);
		}
	}

	private List<String> tags(Object value) {
		List<String> tags = new ArrayList<>();
		if (value == null) {
			return tags;
		}
		if (!(value instanceof List<?> list)) {
			problem("metadata.tags", "must be a list of strings", "metadata", "tags");
			return tags;
		}
		Set<String> seen = new HashSet<>();
		for (Object tag : list) {
			if (tag instanceof String text && seen.add(text)) {
				tags.add(text);
			}
			else if (!(tag instanceof String)) {
				problem("metadata.tags", "must be a list of strings", "metadata", "tags");
			}
		}
		return tags;
	}

	/** {@code spec.parameters.properties.name.pattern} as a path of keys and indexes. */
	static Object[] pathOf(String field) {
		List<Object> path = new ArrayList<>();
		for (String part : field.split("\\.")) {
			int bracket = part.indexOf('[');
			String key = (bracket >= 0) ? part.substring(0, bracket) : part;
			if (!key.isEmpty()) {
				path.add(key);
			}
			while (bracket >= 0) {
				int end = part.indexOf(']', bracket);
				path.add(Integer.parseInt(part.substring(bracket + 1, end)));
				bracket = part.indexOf('[', end);
			}
		}
		return path.toArray();
	}

}
