package dev.cairn.catalog;

import java.io.StringReader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a multi-document YAML file into plain values, remembering the line of every field
 * so that validation can point at it. Documents are split on their {@code ---} markers
 * before parsing, so a syntax error in one document loses only that document. Only YAML's
 * core types are built (maps, lists, strings, numbers, booleans, null): no custom tags, a
 * bounded alias count and nesting depth.
 */
final class YamlDocuments {

	private static final Pattern DOCUMENT_START = Pattern.compile("^---(\\s.*)?$");

	private static final Pattern DOCUMENT_END = Pattern.compile("^\\.\\.\\.(\\s.*)?$");

	private static final int MAX_DEPTH = 64;

	private YamlDocuments() {
	}

	/**
	 * One document: its value (a map for a well-formed entity), its first line, the line
	 * of each field path ({@code metadata.name}, {@code spec.dependsOn[1]}), or the
	 * syntax error that kept it from loading.
	 */
	record Document(Object value, int line, Map<String, Integer> lines, String error) {

		int lineOf(String path) {
			String probe = path;
			while (true) {
				Integer line = this.lines.get(probe);
				if (line != null) {
					return line;
				}
				int cut = Math.max(probe.lastIndexOf('.'), probe.lastIndexOf('['));
				if (cut <= 0) {
					return this.line;
				}
				probe = probe.substring(0, cut);
			}
		}

	}

	static List<Document> read(String text) {
		List<Document> documents = new ArrayList<>();
		String[] lines = text.split("\r?\n", -1);
		StringBuilder chunk = new StringBuilder();
		int chunkStart = 0;
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i];
			// Most lines are plain content: test the first character before any regex.
			boolean marker = line.startsWith("---") || line.startsWith("...");
			boolean start = marker && DOCUMENT_START.matcher(line).matches();
			boolean end = marker && !start && DOCUMENT_END.matcher(line).matches();
			if (start || end) {
				parseChunk(chunk.toString(), chunkStart, documents);
				chunk.setLength(0);
				chunkStart = end ? i + 1 : i;
				if (start) {
					// keep the marker line so that "--- |" style documents still parse;
					// padding keeps line numbers
					chunk.append(line).append('\n');
				}
				continue;
			}
			chunk.append(line).append('\n');
		}
		parseChunk(chunk.toString(), chunkStart, documents);
		return documents;
	}

	private static void parseChunk(String chunk, int firstLine, List<Document> documents) {
		if (isBlank(chunk)) {
			return;
		}
		LoaderOptions options = new LoaderOptions();
		options.setMaxAliasesForCollections(50);
		options.setNestingDepthLimit(MAX_DEPTH);
		options.setCodePointLimit(8 * 1024 * 1024);
		Yaml yaml = new Yaml(options);
		int documentLine = firstLine + 1 + firstContentLine(chunk);
		try {
			Node node = yaml.compose(new StringReader(chunk));
			if (node == null) {
				return;
			}
			Map<String, Integer> lineIndex = new HashMap<>();
			Object value = convert(node, "", firstLine, lineIndex, 0);
			documents.add(new Document(value, line(node.getStartMark(), firstLine), lineIndex, null));
		}
		catch (MarkedYAMLException ex) {
			documents.add(new Document(null, errorLine(ex, chunk, firstLine, documentLine), Map.of(),
					"malformed YAML: " + ((ex.getContext() != null) ? ex.getContext() + ": " : "")
							+ ((ex.getProblem() != null) ? ex.getProblem() : ex.getMessage())));
		}
		catch (YAMLException | DuplicateKeyException ex) {
			int line = (ex instanceof DuplicateKeyException dup) ? dup.line : documentLine;
			documents.add(new Document(null, line, Map.of(), "malformed YAML: " + ex.getMessage()));
		}
	}

	/**
	 * Where to point for a syntax error: where the parser noticed it, unless that is the
	 * end of the document (an unclosed bracket or quote), in which case where the
	 * unclosed construct began.
	 */
	private static int errorLine(MarkedYAMLException ex, String chunk, int firstLine, int documentLine) {
		Mark problem = ex.getProblemMark();
		Mark context = ex.getContextMark();
		int lastContentLine = firstLine + chunk.stripTrailing().split("\n").length;
		if (problem != null && (line(problem, firstLine) <= lastContentLine || context == null)) {
			return Math.min(line(problem, firstLine), lastContentLine);
		}
		return (context != null) ? line(context, firstLine) : documentLine;
	}

	private static Object convert(Node node, String path, int offset, Map<String, Integer> lines, int depth) {
		if (depth > MAX_DEPTH) {
			throw new YAMLException("nesting deeper than " + MAX_DEPTH + " levels (recursive alias?)");
		}
		if (!path.isEmpty()) {
			lines.putIfAbsent(path, line(node.getStartMark(), offset));
		}
		if (node instanceof MappingNode mapping) {
			Map<String, Object> map = new LinkedHashMap<>();
			for (NodeTuple tuple : mapping.getValue()) {
				if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
					throw new YAMLException("a mapping key at line " + line(tuple.getKeyNode().getStartMark(), offset)
							+ " is not a plain scalar");
				}
				String key = keyNode.getValue();
				String childPath = path.isEmpty() ? key : path + "." + key;
				if (map.containsKey(key)) {
					throw new DuplicateKeyException("duplicate key \"" + childPath + "\"",
							line(keyNode.getStartMark(), offset));
				}
				lines.put(childPath, line(keyNode.getStartMark(), offset));
				map.put(key, convert(tuple.getValueNode(), childPath, offset, lines, depth + 1));
			}
			return map;
		}
		if (node instanceof SequenceNode sequence) {
			List<Object> list = new ArrayList<>(sequence.getValue().size());
			int index = 0;
			for (Node item : sequence.getValue()) {
				list.add(convert(item, path + "[" + index + "]", offset, lines, depth + 1));
				index++;
			}
			return list;
		}
		return scalar((ScalarNode) node);
	}

	private static Object scalar(ScalarNode node) {
		Tag tag = node.getTag();
		String value = node.getValue();
		if (Tag.NULL.equals(tag)) {
			return null;
		}
		if (Tag.BOOL.equals(tag)) {
			return Boolean.parseBoolean(value.toLowerCase(java.util.Locale.ROOT));
		}
		if (Tag.INT.equals(tag)) {
			try {
				BigInteger number = new BigInteger(value.replace("_", ""));
				return (number.bitLength() < 64) ? (Object) number.longValue() : number;
			}
			catch (NumberFormatException ex) {
				return value;
			}
		}
		if (Tag.FLOAT.equals(tag)) {
			try {
				return Double.parseDouble(value.replace("_", ""));
			}
			catch (NumberFormatException ex) {
				return value;
			}
		}
		return value;
	}

	private static int line(Mark mark, int offset) {
		return mark.getLine() + 1 + offset;
	}

	private static boolean isBlank(String chunk) {
		for (String line : chunk.split("\n")) {
			String trimmed = line.strip();
			if (!trimmed.isEmpty() && !trimmed.startsWith("#") && !trimmed.equals("---")) {
				return false;
			}
		}
		return true;
	}

	private static int firstContentLine(String chunk) {
		String[] lines = chunk.split("\n");
		for (int i = 0; i < lines.length; i++) {
			String trimmed = lines[i].strip();
			if (!trimmed.isEmpty() && !trimmed.startsWith("#") && !trimmed.equals("---")) {
				return i;
			}
		}
		return 0;
	}

	private static final class DuplicateKeyException extends RuntimeException {

		private final int line;

		DuplicateKeyException(String message, int line) {
			super(message + " at line " + line);
			this.line = line;
		}

	}

}
