package dev.cairn.rego.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads the YAML case files under a root folder into {@link ConformanceCase}s; the folder
 * of a case is its file's first path element under the root.
 */
final class CaseLoader {

	private static final ObjectMapper YAML = YAMLMapper.builder().build();

	private CaseLoader() {
	}

	static List<ConformanceCase> load(Path root) throws IOException {
		List<Path> files;
		try (Stream<Path> walk = Files.walk(root)) {
			files = walk.filter((p) -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
				.sorted()
				.toList();
		}
		List<ConformanceCase> cases = new ArrayList<>();
		for (Path file : files) {
			Path relative = root.relativize(file);
			String folder = (relative.getNameCount() > 1) ? relative.getName(0).toString() : ".";
			JsonNode tree = YAML.readTree(file.toFile());
			JsonNode list = (tree != null) ? tree.get("cases") : null;
			if (list == null || !list.isArray()) {
				continue;
			}
			for (JsonNode c : list) {
				cases.add(toCase(folder, c));
			}
		}
		return cases;
	}

	private static ConformanceCase toCase(String folder, JsonNode c) {
		List<String> modules = new ArrayList<>();
		JsonNode mods = c.get("modules");
		if (mods != null && mods.isArray()) {
			mods.forEach((m) -> modules.add(m.asString()));
		}
		List<Map<String, JsonNode>> want = null;
		JsonNode wantResult = c.get("want_result");
		if (wantResult != null && wantResult.isArray()) {
			want = new ArrayList<>();
			for (JsonNode row : wantResult) {
				Map<String, JsonNode> bindings = new LinkedHashMap<>();
				row.properties().forEach((e) -> bindings.put(e.getKey(), e.getValue()));
				want.add(bindings);
			}
		}
		String unsupported = null;
		if (c.hasNonNull("env")) {
			unsupported = "env";
		}
		return new ConformanceCase(folder, text(c, "note"), text(c, "query"), modules, c.get("data"), c.get("input"),
				text(c, "input_term"), want, text(c, "want_error_code"), text(c, "want_error"),
				c.hasNonNull("want_defined") ? c.get("want_defined").asBoolean() : null, flag(c, "strict_error"),
				flag(c, "sort_bindings"), flag(c, "experimental_keywords"), unsupported);
	}

	private static String text(JsonNode c, String field) {
		JsonNode node = c.get(field);
		return (node == null || node.isNull()) ? null : node.asString();
	}

	private static boolean flag(JsonNode c, String field) {
		JsonNode node = c.get(field);
		return node != null && node.asBoolean();
	}

}
