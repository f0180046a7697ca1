package dev.cairn.rego.internal.eval;

import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import dev.cairn.rego.value.BoolValue;
import dev.cairn.rego.value.ObjectValue;
import dev.cairn.rego.value.StringValue;
import dev.cairn.rego.value.Value;
import dev.cairn.rego.value.Values;

import static dev.cairn.rego.internal.eval.Functions.string;

/** {@code json.marshal_with_options} and the YAML builtins. */
final class JsonTextBuiltins {

	private static final ObjectMapper YAML = YAMLMapper.builder().build();

	private JsonTextBuiltins() {
	}

	static void registerAll() {
		Functions.register("json.marshal_with_options", 2, (a) -> {
			ObjectValue opts = StringBuiltins.object(a[1], 2);
			String prefix = "";
			String indent = "\t";
			boolean pretty = false;
			for (int i = 0; i < opts.size(); i++) {
				String key = (opts.key(i) instanceof StringValue s) ? s.value() : opts.key(i).toString();
				Value v = opts.value(i);
				switch (key) {
					case "pretty" -> pretty = (v instanceof BoolValue b) && b.value();
					case "indent" -> {
						indent = string(v, 2);
						pretty = true;
					}
					case "prefix" -> {
						prefix = string(v, 2);
						pretty = true;
					}
					default -> throw Functions.typeError("object contained unknown key \"" + key + "\"");
				}
			}
			if (opts.get("pretty") instanceof BoolValue b && !b.value()) {
				pretty = false;
			}
			String compact = Values.toJsonText(a[0]);
			return StringValue.of(pretty ? prefix + indent(compact, prefix, indent) : compact);
		});
		Functions.register("yaml.marshal", 1, (a) -> {
			try {
				return StringValue.of(YAML.writeValueAsString(Values.toJson(a[0])));
			}
			catch (JacksonException ex) {
				throw Functions.builtinError(ex.getOriginalMessage());
			}
		});
		Functions.register("yaml.unmarshal", 1, (a) -> {
			try {
				return Values.fromJson(YAML.readTree(string(a[0], 1)));
			}
			catch (JacksonException ex) {
				throw Functions.builtinError(yamlError(ex));
			}
			catch (IllegalArgumentException ex) {
				throw Functions.builtinError("yaml: " + ex.getMessage());
			}
		});
		Functions.register("yaml.is_valid", 1, (a) -> {
			if (!(a[0] instanceof StringValue s)) {
				return BoolValue.FALSE;
			}
			try {
				YAML.readTree(s.value());
				return BoolValue.TRUE;
			}
			catch (JacksonException | IllegalArgumentException ex) {
				return BoolValue.FALSE;
			}
		});
	}

	/**
	 * A YAML syntax error worded as Go's YAML library words it ({@code yaml: line 1: did
	 * not find expected ',' or ']'}), so that messages read the same as OPA's. The marks
	 * come from SnakeYAML Engine, which jackson-dataformat-yaml parses with.
	 */
	static String yamlError(JacksonException ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof MarkedYamlEngineException marked) {
				String problem = marked.getProblem();
				if ("mapping values are not allowed here".equals(problem)) {
					problem = "mapping values are not allowed in this context";
				}
				else if (problem.startsWith("expected <block end>") && marked.getContext() != null
						&& marked.getContext().contains("block mapping")) {
					problem = "did not find expected key";
				}
				else if (problem.startsWith("expected ") && problem.contains(", but ")) {
					problem = "did not find " + problem.substring(0, problem.indexOf(", but "));
				}
				String line = marked.getProblemMark().map((m) -> "line " + (m.getLine() + 1) + ": ").orElse("");
				return "yaml: " + line + problem;
			}
		}
		return "yaml: " + ex.getOriginalMessage();
	}

	/** Go's {@code json.Indent} over compact JSON text. */
	/** Reads a YAML document as a JSON tree. @throws JacksonException when invalid */
	static tools.jackson.databind.JsonNode readYaml(String text) {
		return YAML.readTree(text);
	}

	static String indent(String compact, String prefix, String indent) {
		StringBuilder out = new StringBuilder();
		int depth = 0;
		boolean inString = false;
		for (int i = 0; i < compact.length(); i++) {
			char c = compact.charAt(i);
			if (inString) {
				out.append(c);
				if (c == '\\') {
					out.append(compact.charAt(++i));
				}
				else if (c == '"') {
					inString = false;
				}
				continue;
			}
			switch (c) {
				case '"' -> {
					inString = true;
					out.append(c);
				}
				case '{', '[' -> {
					char next = (i + 1 < compact.length()) ? compact.charAt(i + 1) : ' ';
					if (next == '}' || next == ']') {
						out.append(c).append(next);
						i++;
					}
					else {
						out.append(c);
						newline(out, prefix, indent, ++depth);
					}
				}
				case '}', ']' -> {
					newline(out, prefix, indent, --depth);
					out.append(c);
				}
				case ',' -> {
					out.append(c);
					newline(out, prefix, indent, depth);
				}
				case ':' -> out.append(": ");
				default -> out.append(c);
			}
		}
		return out.toString();
	}

	private static void newline(StringBuilder out, String prefix, String indent, int depth) {
		out.append('\n').append(prefix).append(indent.repeat(depth));
	}

}
