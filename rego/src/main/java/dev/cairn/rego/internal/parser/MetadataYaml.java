package dev.cairn.rego.internal.parser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The YAML that {@code # METADATA} blocks use: block mappings and sequences by
 * indentation, plain, quoted and block ({@code |}, {@code >}) scalars, one-line flow
 * collections, and comments. The engine has no YAML library at run time, and annotations
 * need no more than this; anything else is reported as an error.
 */
final class MetadataYaml {

	private final List<Line> lines = new ArrayList<>();

	private int index;

	private record Line(int number, int indent, String content) {
	}

	/** A YAML error, worded like the Go YAML library's: {@code yaml: line N: ...}. */
	static final class YamlException extends Exception {

		YamlException(int line, String message) {
			super("yaml: line " + line + ": " + message, null, false, false);
		}

	}

	private MetadataYaml(String text) {
		String[] raw = text.split("\n", -1);
		for (int i = 0; i < raw.length; i++) {
			String line = raw[i].stripTrailing();
			int indent = 0;
			while (indent < line.length() && line.charAt(indent) == ' ') {
				indent++;
			}
			this.lines.add(new Line(i + 1, indent, line.substring(indent)));
		}
	}

	/** Parses a document whose top level is a mapping. */
	static Map<String, Object> parse(String text) throws YamlException {
		MetadataYaml yaml = new MetadataYaml(text);
		yaml.skipBlank();
		if (yaml.index >= yaml.lines.size()) {
			return new LinkedHashMap<>();
		}
		Line first = yaml.lines.get(yaml.index);
		if (first.content().startsWith("\t")) {
			throw new YamlException(first.number(), "found character that cannot start any token");
		}
		Object root = yaml.parseBlock(first.indent());
		yaml.skipBlank();
		if (yaml.index < yaml.lines.size()) {
			throw new YamlException(yaml.lines.get(yaml.index).number(), "did not find expected key");
		}
		if (!(root instanceof Map<?, ?>)) {
			throw new YamlException(first.number(), "cannot unmarshal " + describe(root) + " into the annotations");
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> map = (Map<String, Object>) root;
		return map;
	}

	private void skipBlank() {
		while (this.index < this.lines.size()) {
			String content = this.lines.get(this.index).content();
			if (!content.isEmpty() && !content.startsWith("#")) {
				return;
			}
			this.index++;
		}
	}

	private Object parseBlock(int indent) throws YamlException {
		Line line = this.lines.get(this.index);
		if (isSequenceItem(line.content())) {
			return parseSequence(indent);
		}
		return parseMapping(indent);
	}

	private static boolean isSequenceItem(String content) {
		return content.equals("-") || content.startsWith("- ");
	}

	private Map<String, Object> parseMapping(int indent) throws YamlException {
		Map<String, Object> map = new LinkedHashMap<>();
		while (true) {
			skipBlank();
			if (this.index >= this.lines.size()) {
				return map;
			}
			Line line = this.lines.get(this.index);
			if (line.indent() < indent) {
				return map;
			}
			if (line.indent() > indent || isSequenceItem(line.content())) {
				throw new YamlException(line.number(), "did not find expected key");
			}
			int colon = keySeparator(line.content());
			if (colon < 0) {
				throw new YamlException(line.number(), "could not find expected ':'");
			}
			String key = String.valueOf(scalar(line.content().substring(0, colon).trim(), line.number()));
			String rest = line.content().substring(colon + 1).trim();
			this.index++;
			if (map.containsKey(key)) {
				throw new YamlException(line.number(), "mapping key \"" + key + "\" already defined");
			}
			map.put(key, value(rest, indent, line.number()));
		}
	}

	private Object value(String rest, int indent, int number) throws YamlException {
		rest = stripComment(rest);
		if (rest.startsWith("|") || rest.startsWith(">")) {
			return blockScalar(rest, indent);
		}
		if (!rest.isEmpty()) {
			return scalar(rest, number);
		}
		skipBlank();
		if (this.index >= this.lines.size()) {
			return null;
		}
		Line next = this.lines.get(this.index);
		if (next.indent() > indent || (next.indent() == indent && isSequenceItem(next.content()))) {
			return parseBlock(next.indent());
		}
		return null;
	}

	private List<Object> parseSequence(int indent) throws YamlException {
		List<Object> list = new ArrayList<>();
		while (true) {
			skipBlank();
			if (this.index >= this.lines.size()) {
				return list;
			}
			Line line = this.lines.get(this.index);
			if (line.indent() < indent || (line.indent() == indent && !isSequenceItem(line.content()))) {
				return list;
			}
			if (line.indent() > indent) {
				throw new YamlException(line.number(), "did not find expected '-' indicator");
			}
			String item = line.content().substring(1);
			int offset = 1;
			while (offset - 1 < item.length() && item.charAt(offset - 1) == ' ') {
				offset++;
			}
			String content = item.substring(offset - 1);
			if (content.isEmpty()) {
				this.index++;
				list.add(value("", indent, line.number()));
			}
			else if (isSequenceItem(content) || keySeparator(content) >= 0) {
				// "- name: x" starts a mapping (or sequence) indented to where its
				// content begins.
				this.lines.set(this.index, new Line(line.number(), indent + offset, content));
				list.add(parseBlock(indent + offset));
			}
			else {
				this.index++;
				list.add(scalar(stripComment(content), line.number()));
			}
		}
	}

	private String blockScalar(String header, int indent) {
		boolean folded = header.startsWith(">");
		boolean keep = header.contains("+");
		boolean strip = header.contains("-");
		List<String> content = new ArrayList<>();
		int blockIndent = -1;
		while (this.index < this.lines.size()) {
			Line line = this.lines.get(this.index);
			if (!line.content().isEmpty() && line.indent() <= indent) {
				break;
			}
			if (!line.content().isEmpty() && blockIndent < 0) {
				blockIndent = line.indent();
			}
			content.add(line.content().isEmpty() ? ""
					: " ".repeat(Math.max(0, line.indent() - Math.max(blockIndent, 0))) + line.content());
			this.index++;
		}
		StringBuilder sb = new StringBuilder();
		for (int i = 0; i < content.size(); i++) {
			String part = content.get(i);
			if (i > 0) {
				boolean join = folded && !part.isEmpty() && !content.get(i - 1).isEmpty();
				sb.append(join ? " " : "\n");
			}
			sb.append(part);
		}
		String text = sb.toString();
		if (keep) {
			return text + "\n";
		}
		text = text.replaceAll("\n+$", "");
		return (strip || text.isEmpty()) ? text : text + "\n";
	}

	/** The index of the {@code :} that ends a mapping key, or -1. */
	private static int keySeparator(String content) {
		char quote = 0;
		for (int i = 0; i < content.length(); i++) {
			char c = content.charAt(i);
			if (quote != 0) {
				if (c == quote) {
					quote = 0;
				}
				continue;
			}
			if ((c == '"' || c == '\'') && i == 0) {
				quote = c;
			}
			else if (c == '[' || c == '{') {
				return -1;
			}
			else if (c == ':' && (i + 1 == content.length() || content.charAt(i + 1) == ' ')) {
				return i;
			}
			else if (c == '#' && i > 0 && content.charAt(i - 1) == ' ') {
				return -1;
			}
		}
		return -1;
	}

	private static String stripComment(String s) {
		char quote = 0;
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (quote != 0) {
				quote = (c == quote) ? 0 : quote;
			}
			else if (c == '"' || c == '\'') {
				quote = c;
			}
			else if (c == '#' && (i == 0 || s.charAt(i - 1) == ' ')) {
				return s.substring(0, i).trim();
			}
		}
		return s.trim();
	}

	private static Object scalar(String s, int number) throws YamlException {
		if (s.startsWith("[") || s.startsWith("{")) {
			Flow flow = new Flow(s, number);
			Object value = flow.value();
			flow.skipSpace();
			if (flow.i != s.length()) {
				throw new YamlException(number, "did not find expected ',' or ']'");
			}
			return value;
		}
		if (s.startsWith("\"") || s.startsWith("'")) {
			char q = s.charAt(0);
			if (s.length() < 2 || s.charAt(s.length() - 1) != q) {
				throw new YamlException(number, "found unexpected end of stream");
			}
			String inner = s.substring(1, s.length() - 1);
			return (q == '\'') ? inner.replace("''", "'") : unescape(inner);
		}
		return plain(s);
	}

	private static Object plain(String s) {
		switch (s) {
			case "", "~", "null", "Null", "NULL" -> {
				return null;
			}
			case "true", "True", "TRUE" -> {
				return Boolean.TRUE;
			}
			case "false", "False", "FALSE" -> {
				return Boolean.FALSE;
			}
			default -> {
			}
		}
		if (s.matches("[-+]?[0-9]+")) {
			try {
				return Long.parseLong(s);
			}
			catch (NumberFormatException ex) {
				return s;
			}
		}
		if (s.matches("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?")) {
			return Double.parseDouble(s);
		}
		return s;
	}

	private static String unescape(String s) {
		StringBuilder sb = new StringBuilder();
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c != '\\' || i + 1 == s.length()) {
				sb.append(c);
				continue;
			}
			char e = s.charAt(++i);
			switch (e) {
				case 'n' -> sb.append('\n');
				case 't' -> sb.append('\t');
				case 'r' -> sb.append('\r');
				case '0' -> sb.append('\0');
				default -> sb.append(e);
			}
		}
		return sb.toString();
	}

	private static String describe(Object value) {
		return (value instanceof List<?>) ? "!!seq" : "!!str";
	}

	/** One-line flow collections: {@code [a, b]}, {@code {k: v}}. */
	private static final class Flow {

		private final String s;

		private final int number;

		private int i;

		Flow(String s, int number) {
			this.s = s;
			this.number = number;
		}

		void skipSpace() {
			while (this.i < this.s.length() && this.s.charAt(this.i) == ' ') {
				this.i++;
			}
		}

		Object value() throws YamlException {
			skipSpace();
			if (this.i >= this.s.length()) {
				throw new YamlException(this.number, "did not find expected node content");
			}
			char c = this.s.charAt(this.i);
			if (c == '[') {
				List<Object> list = new ArrayList<>();
				this.i++;
				while (true) {
					skipSpace();
					if (this.i < this.s.length() && this.s.charAt(this.i) == ']') {
						this.i++;
						return list;
					}
					list.add(value());
					if (!separator(']')) {
						return list;
					}
				}
			}
			if (c == '{') {
				Map<String, Object> map = new LinkedHashMap<>();
				this.i++;
				while (true) {
					skipSpace();
					if (this.i < this.s.length() && this.s.charAt(this.i) == '}') {
						this.i++;
						return map;
					}
					String key = String.valueOf(atom(":,}"));
					skipSpace();
					Object v = null;
					if (this.i < this.s.length() && this.s.charAt(this.i) == ':') {
						this.i++;
						v = value();
					}
					map.put(key, v);
					if (!separator('}')) {
						return map;
					}
				}
			}
			return atom(",]}");
		}

		/**
		 * After an element: a comma (true, more follow) or the closing bracket (false).
		 */
		private boolean separator(char close) throws YamlException {
			skipSpace();
			if (this.i < this.s.length() && this.s.charAt(this.i) == ',') {
				this.i++;
				return true;
			}
			if (this.i < this.s.length() && this.s.charAt(this.i) == close) {
				this.i++;
				return false;
			}
			throw new YamlException(this.number, "did not find expected ',' or '" + close + "'");
		}

		private Object atom(String stops) throws YamlException {
			skipSpace();
			int start = this.i;
			if (this.i < this.s.length() && (this.s.charAt(this.i) == '"' || this.s.charAt(this.i) == '\'')) {
				char q = this.s.charAt(this.i++);
				while (this.i < this.s.length() && this.s.charAt(this.i) != q) {
					this.i++;
				}
				if (this.i >= this.s.length()) {
					throw new YamlException(this.number, "found unexpected end of stream");
				}
				this.i++;
				return scalar(this.s.substring(start, this.i), this.number);
			}
			while (this.i < this.s.length() && stops.indexOf(this.s.charAt(this.i)) < 0) {
				this.i++;
			}
			return plain(this.s.substring(start, this.i).trim());
		}

	}

}
