package dev.cairn.goldenpath;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One step of a golden path, as data for the run engine.
 *
 * @param id unique within the template, stable across versions (a run's record names it)
 * @param name a human title
 * @param action what the step does
 * @param input the action's inputs, in definition order; string values may hold
 * {@code ${{ parameters.x }}} references, resolved with {@link #resolveInput}
 * @param condition when the step runs; {@code null} means always
 */
public record Step(String id, String name, StepAction action, Map<String, Object> input, StepCondition condition) {

	public Step {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(action, "action");
		input = Collections.unmodifiableMap(new LinkedHashMap<>(input));
	}

	/** Whether the step runs with these parameters. */
	public boolean runsWith(Map<String, Object> parameters) {
		return this.condition == null || this.condition.test(parameters);
	}

	/**
	 * The inputs with every reference replaced by its value: strings stay strings, nested
	 * lists and maps are resolved too.
	 */
	public Map<String, Object> resolveInput(Map<String, String> parameters, Map<String, String> values) {
		Map<String, Object> resolved = new LinkedHashMap<>();
		this.input.forEach((key, value) -> resolved.put(key, resolve(value, parameters, values)));
		return resolved;
	}

	private static Object resolve(Object value, Map<String, String> parameters, Map<String, String> values) {
		if (value instanceof String text) {
			return Placeholders.render(text, parameters, values);
		}
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> out = new LinkedHashMap<>();
			map.forEach((key, nested) -> out.put(String.valueOf(key), resolve(nested, parameters, values)));
			return out;
		}
		if (value instanceof java.util.List<?> list) {
			return list.stream().map((nested) -> resolve(nested, parameters, values)).toList();
		}
		return value;
	}

}
