package dev.cairn.goldenpath;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code spec.steps}: ids, actions from the closed set, inputs the action takes,
 * conditions, and references only to declared parameters and known values.
 */
final class StepReader {

	private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]*");

	private final DefinitionReader definition;

	/** The declared parameters; {@code null} when the schema is broken. */
	private final Set<String> parameters;

	StepReader(DefinitionReader definition, Set<String> parameters) {
		this.definition = definition;
		this.parameters = parameters;
	}

	List<Step> steps(Object value) {
		List<Step> steps = new ArrayList<>();
		if (!(value instanceof List<?> list) || list.isEmpty()) {
			this.definition.problem("spec.steps", (value == null) ? "is required" : "must be a non-empty list", "spec",
					"steps");
			return steps;
		}
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < list.size(); i++) {
			String field = "spec.steps[" + i + "]";
			Map<String, Object> step = this.definition.map(list.get(i), field, List.of("spec", "steps", i));
			step(step, field, i, ids).ifPresent(steps::add);
		}
		return steps;
	}

	private Optional<Step> step(Map<String, Object> step, String field, int index, Set<String> ids) {
		boolean sound = true;
		Object id = step.get("id");
		if (!(id instanceof String text) || !ID.matcher(text).matches()) {
			problem(field + ".id", (id == null) ? "is required" : "must be lower case letters, digits and dashes",
					index, "id");
			sound = false;
		}
		else if (!ids.add(text)) {
			problem(field + ".id", "duplicates the id of an earlier step: " + text, index, "id");
			sound = false;
		}
		Object name = step.get("name");
		if (!(name instanceof String) || ((String) name).isBlank()) {
			problem(field + ".name", (name == null) ? "is required" : "must be a non-empty string", index, "name");
			sound = false;
		}
		Object actionName = step.get("action");
		Optional<StepAction> action = (actionName instanceof String text) ? StepAction.fromWireName(text)
				: Optional.empty();
		if (action.isEmpty()) {
			problem(field + ".action", ((actionName == null) ? "is required" : "unknown action \"" + actionName + "\"")
					+ "; one of " + StepAction.wireNames(), index, "action");
			sound = false;
		}
		Object rawInput = step.getOrDefault("input", Map.of());
		Map<String, Object> input = this.definition.map(rawInput, field + ".input",
				List.of("spec", "steps", index, "input"));
		if (!(rawInput instanceof Map)) {
			sound = false;
		}
		if (action.isPresent()) {
			for (String required : action.get().requiredInputs()) {
				if (!input.containsKey(required)) {
					problem(field + ".input." + required, "is required by " + action.get().wireName(), index, "input");
					sound = false;
				}
			}
			for (String key : input.keySet()) {
				if (!action.get().accepts(key)) {
					problem(field + ".input." + key, action.get().wireName() + " takes no input " + key + "; it takes "
							+ String.join(", ", inputsOf(action.get())), index, "input", key);
					sound = false;
				}
			}
		}
		for (Map.Entry<String, Object> entry : input.entrySet()) {
			sound &= references(entry.getValue(), field + ".input." + entry.getKey(), index, "input", entry.getKey());
		}
		StepCondition condition = null;
		Object when = step.get("if");
		if (when != null) {
			try {
				condition = StepCondition.parse(String.valueOf(when));
				sound &= references("${{ parameters." + condition.parameter() + " }}", field + ".if", index, "if");
			}
			catch (IllegalArgumentException ex) {
				problem(field + ".if", ex.getMessage(), index, "if");
				sound = false;
			}
		}
		for (String key : step.keySet()) {
			if (!Set.of("id", "name", "action", "input", "if").contains(key)) {
				problem(field + "." + key, "is not a step field (id, name, action, input, if)", index, key);
				sound = false;
			}
		}
		return sound ? Optional.of(new Step((String) id, ((String) name).trim(), action.get(), input, condition))
				: Optional.empty();
	}

	private boolean references(Object value, String field, Object... path) {
		boolean sound = true;
		if (value instanceof String text) {
			for (Placeholders.Reference reference : Placeholders.scan(text)) {
				if (this.parameters == null && !reference.malformed()) {
					continue;
				}
				String problem = TemplateLoader.problemWith(reference,
						(this.parameters != null) ? this.parameters : Set.of());
				if (problem != null) {
					problem(field, problem, path);
					sound = false;
				}
			}
		}
		else if (value instanceof Map<?, ?> map) {
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				sound &= references(entry.getValue(), field + "." + entry.getKey(), path);
			}
		}
		else if (value instanceof List<?> list) {
			for (int i = 0; i < list.size(); i++) {
				sound &= references(list.get(i), field + "[" + i + "]", path);
			}
		}
		return sound;
	}

	private void problem(String field, String message, Object... stepPath) {
		Object[] path = new Object[stepPath.length + 2];
		path[0] = "spec";
		path[1] = "steps";
		System.arraycopy(stepPath, 0, path, 2, stepPath.length);
		this.definition.problem(field, message, path);
	}

	private static List<String> inputsOf(StepAction action) {
		List<String> all = new ArrayList<>(action.requiredInputs());
		all.addAll(action.optionalInputs());
		return all;
	}

}
