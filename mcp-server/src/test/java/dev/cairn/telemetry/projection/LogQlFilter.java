package dev.cairn.telemetry.projection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;

/**
 * The part of LogQL a log query (not a metric query) uses, evaluated the way Loki
 * evaluates it: a stream selector {@code {name="v", name=~"re", ...}} followed by line
 * filters ({@code |= "text"}, {@code != "text"}, {@code |~ "re"}, {@code !~ "re"}) and
 * label filters ({@code | name="v"}, {@code | name=~"re"}, ...). Label matchers are
 * anchored regular expressions, line filters are not; a missing label has the empty
 * value. Strings are Go strings: double-quoted with backslash escapes, or back-quoted.
 * Anything else is refused as Loki refuses it, with a parse error.
 */
final class LogQlFilter {

	/** Matches one entry: its labels and its line. */
	private final List<BiPredicate<Map<String, String>, String>> stages = new ArrayList<>();

	private final String query;

	private int at;

	private LogQlFilter(String query) {
		this.query = query;
	}

	/**
	 * @throws IllegalArgumentException with Loki's kind of words when the query is not of
	 * the supported shape
	 */
	static LogQlFilter parse(String query) {
		LogQlFilter filter = new LogQlFilter(query);
		filter.selector();
		while (filter.skipSpaces() < query.length()) {
			filter.stage();
		}
		return filter;
	}

	boolean matches(Map<String, String> labels, String line) {
		for (BiPredicate<Map<String, String>, String> stage : this.stages) {
			if (!stage.test(labels, line)) {
				return false;
			}
		}
		return true;
	}

	private void selector() {
		expect("{");
		do {
			this.stages.add(labelMatcher());
		}
		while (accept(","));
		expect("}");
	}

	private void stage() {
		if (accept("|=")) {
			String text = string();
			this.stages.add((labels, line) -> line.contains(text));
		}
		else if (accept("!=")) {
			String text = string();
			this.stages.add((labels, line) -> !line.contains(text));
		}
		else if (accept("|~")) {
			Pattern pattern = Pattern.compile(string());
			this.stages.add((labels, line) -> pattern.matcher(line).find());
		}
		else if (accept("!~")) {
			Pattern pattern = Pattern.compile(string());
			this.stages.add((labels, line) -> !pattern.matcher(line).find());
		}
		else if (accept("|")) {
			this.stages.add(labelMatcher());
		}
		else {
			throw error("unexpected " + this.query.substring(this.at));
		}
	}

	private BiPredicate<Map<String, String>, String> labelMatcher() {
		String name = name();
		String operator = accept("=~") ? "=~" : accept("!~") ? "!~" : accept("!=") ? "!=" : accept("=") ? "=" : null;
		if (operator == null) {
			throw error("expected a label matcher after " + name);
		}
		String value = string();
		Pattern pattern = operator.endsWith("~") ? Pattern.compile(value) : null;
		boolean negated = operator.startsWith("!");
		return (labels, line) -> {
			String actual = labels.getOrDefault(name, "");
			boolean equal = (pattern != null) ? pattern.matcher(actual).matches() : value.equals(actual);
			return equal != negated;
		};
	}

	private String name() {
		skipSpaces();
		int start = this.at;
		while (this.at < this.query.length()
				&& (Character.isLetterOrDigit(this.query.charAt(this.at)) || this.query.charAt(this.at) == '_')) {
			this.at++;
		}
		if (start == this.at) {
			throw error("expected a label name");
		}
		return this.query.substring(start, this.at);
	}

	private String string() {
		skipSpaces();
		if (accept("`")) {
			int end = this.query.indexOf('`', this.at);
			if (end < 0) {
				throw error("unterminated raw string");
			}
			String raw = this.query.substring(this.at, end);
			this.at = end + 1;
			return raw;
		}
		expect("\"");
		StringBuilder value = new StringBuilder();
		while (this.at < this.query.length() && this.query.charAt(this.at) != '"') {
			char c = this.query.charAt(this.at++);
			if (c != '\\') {
				value.append(c);
				continue;
			}
			char escaped = this.query.charAt(this.at++);
			switch (escaped) {
				case 'n':
					value.append('\n');
					break;
				case 't':
					value.append('\t');
					break;
				case 'r':
					value.append('\r');
					break;
				case 'u':
					value.append((char) Integer.parseInt(this.query.substring(this.at, this.at + 4), 16));
					this.at += 4;
					break;
				case 'x':
					value.append((char) Integer.parseInt(this.query.substring(this.at, this.at + 2), 16));
					this.at += 2;
					break;
				default:
					value.append(escaped);
			}
		}
		expect("\"");
		return value.toString();
	}

	private int skipSpaces() {
		while (this.at < this.query.length() && Character.isWhitespace(this.query.charAt(this.at))) {
			this.at++;
		}
		return this.at;
	}

	private boolean accept(String token) {
		skipSpaces();
		if (this.query.startsWith(token, this.at)) {
			this.at += token.length();
			return true;
		}
		return false;
	}

	private void expect(String token) {
		if (!accept(token)) {
			throw error("expected " + token);
		}
	}

	private IllegalArgumentException error(String what) {
		return new IllegalArgumentException("parse error at line 1, col " + (this.at + 1) + ": syntax error: " + what);
	}

}
