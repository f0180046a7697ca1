package dev.cairn.goldenpath;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The template syntax: {@code ${{ parameters.name }}} and {@code ${{ values.name }}}, in
 * file contents, file and folder names and step inputs. Nothing else is touched: a
 * shell's {@code ${VAR}}, a Spring placeholder, or GitHub Actions' {@code ${{ github.sha
 * }}} passes through as written. An expression that starts like a reference but is not
 * one ({@code ${{ parameters.name | upper }}}) is an error, not text left in the output.
 */
final class Placeholders {

	private static final Pattern REFERENCE = Pattern
		.compile("\\$\\{\\{\\s*(parameters|values)\\.([A-Za-z_][A-Za-z0-9_]*)\\s*}}");

	private static final Pattern CANDIDATE = Pattern.compile("\\$\\{\\{\\s*(parameters|values)\\b[^}\\n]*(}})?");

	private Placeholders() {
	}

	/**
	 * One reference found in a text.
	 *
	 * @param expression the text of the expression
	 * @param namespace {@code parameters} or {@code values}; {@code null} when malformed
	 * @param name the referenced name; {@code null} when malformed
	 * @param line the 1-based line it starts on
	 */
	record Reference(String expression, String namespace, String name, int line) {

		boolean malformed() {
			return this.namespace == null;
		}

	}

	/** Every reference in the text, malformed ones included, in order. */
	static List<Reference> scan(String text) {
		List<Reference> found = new ArrayList<>();
		Matcher candidate = CANDIDATE.matcher(text);
		while (candidate.find()) {
			int line = lineOf(text, candidate.start());
			Matcher reference = REFERENCE.matcher(text).region(candidate.start(), text.length());
			if (reference.lookingAt()) {
				found.add(new Reference(reference.group(), reference.group(1), reference.group(2), line));
			}
			else {
				found.add(new Reference(candidate.group(), null, null, line));
			}
		}
		return found;
	}

	/**
	 * The text with every reference replaced by its value.
	 * @throws IllegalArgumentException naming the first reference without a value
	 */
	static String render(String text, Map<String, String> parameters, Map<String, String> values) {
		Matcher matcher = REFERENCE.matcher(text);
		StringBuilder out = new StringBuilder(text.length());
		while (matcher.find()) {
			Map<String, String> source = "parameters".equals(matcher.group(1)) ? parameters : values;
			String value = source.get(matcher.group(2));
			if (value == null) {
				throw new IllegalArgumentException(
						"line " + lineOf(text, matcher.start()) + ": " + matcher.group() + " has no value");
			}
			matcher.appendReplacement(out, Matcher.quoteReplacement(value));
		}
		matcher.appendTail(out);
		return out.toString();
	}

	private static int lineOf(String text, int offset) {
		int line = 1;
		for (int i = 0; i < offset; i++) {
			if (text.charAt(i) == '\n') {
				line++;
			}
		}
		return line;
	}

}
