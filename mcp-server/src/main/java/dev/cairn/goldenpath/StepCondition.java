package dev.cairn.goldenpath;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A step's {@code if}: {@code ${{ parameters.x == 'value' }}}, {@code !=}, or {@code ${{
 * parameters.x }}} alone (true unless the value is absent, {@code false}, empty or
 * {@code none}). Deliberately no more than that: a condition is read by the plan, the run
 * and a reviewer, and must mean the same to all three.
 *
 * @param parameter the parameter compared
 * @param operator {@code ==}, {@code !=}, or {@code null} for a truth test
 * @param value the literal compared with, or {@code null} for a truth test
 */
public record StepCondition(String parameter, String operator, String value) {

	private static final Pattern FORM = Pattern
		.compile("\\$\\{\\{\\s*parameters\\.([A-Za-z_][A-Za-z0-9_]*)\\s*(?:(==|!=)\\s*'([^']*)'\\s*)?}}");

	public StepCondition {
		Objects.requireNonNull(parameter, "parameter");
	}

	/**
	 * Reads a condition.
	 * @throws IllegalArgumentException when the text is not one of the supported forms
	 */
	public static StepCondition parse(String text) {
		Matcher matcher = FORM.matcher(text.trim());
		if (!matcher.matches()) {
			throw new IllegalArgumentException(
					"must be ${{ parameters.<name> }}, or ${{ parameters.<name> == '<value>' }}"
							+ " or != '<value>', not \"" + text + "\"");
		}
		return new StepCondition(matcher.group(1), matcher.group(2), matcher.group(3));
	}

	/** Whether the step runs with these (validated, defaulted) parameters. */
	public boolean test(Map<String, Object> parameters) {
		Object actual = parameters.get(this.parameter);
		if (this.operator == null) {
			return actual != null && !Boolean.FALSE.equals(actual) && !"".equals(actual) && !"none".equals(actual);
		}
		boolean equal = actual != null && String.valueOf(actual).equals(this.value);
		return "==".equals(this.operator) == equal;
	}

	@Override
	public String toString() {
		return (this.operator == null) ? "${{ parameters." + this.parameter + " }}"
				: "${{ parameters." + this.parameter + " " + this.operator + " '" + this.value + "' }}";
	}

}
