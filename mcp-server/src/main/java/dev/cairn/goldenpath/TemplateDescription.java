package dev.cairn.goldenpath;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What {@code goldenpath_describe} answers: a template's parameters and steps.
 *
 * @param name the template
 * @param title its title
 * @param description what it makes
 * @param tags its tags
 * @param parameters every parameter, in schema order
 * @param steps every step, in order
 * @param schema the parameters' JSON Schema as written, for a client that validates
 * before it calls
 */
record TemplateDescription(String name, String title, String description, List<String> tags, List<Parameter> parameters,
		List<StepView> steps, Map<String, Object> schema) {

	/**
	 * One parameter.
	 *
	 * @param name its name
	 * @param type its JSON type
	 * @param description what it is for
	 * @param required whether a caller must give it
	 * @param defaultValue the value used when it is not given
	 * @param allowed the values allowed, when it is an enumeration
	 * @param pattern the regular expression a string must match
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Parameter(String name, String type, String description, boolean required, Object defaultValue,
			List<Object> allowed, String pattern) {
	}

	/**
	 * One step.
	 *
	 * @param id its id
	 * @param name its title
	 * @param action its action
	 * @param input its inputs, references unresolved
	 * @param condition when it runs; absent means always
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record StepView(String id, String name, String action, Map<String, Object> input, String condition) {
	}

	@SuppressWarnings("unchecked")
	static TemplateDescription of(GoldenPath template) {
		List<String> required = template.parameters().required();
		List<Parameter> parameters = new ArrayList<>();
		template.parameters().properties().forEach((name, property) -> {
			Map<String, Object> p = (property != null) ? property : Map.of();
			Object allowed = p.get("enum");
			Object type = p.get("type");
			parameters
				.add(new Parameter(name, (type != null) ? String.valueOf(type) : (allowed != null) ? "string" : null,
						(String) p.get("description"), required.contains(name), p.get("default"),
						(allowed instanceof List) ? (List<Object>) allowed : null, (String) p.get("pattern")));
		});
		List<StepView> steps = template.steps()
			.stream()
			.map((step) -> new StepView(step.id(), step.name(), step.action().wireName(), step.input(),
					(step.condition() != null) ? step.condition().toString() : null))
			.toList();
		return new TemplateDescription(template.name(), template.title(), template.description(), template.tags(),
				parameters, steps, template.parameters().raw());
	}

	String toText() {
		StringBuilder text = new StringBuilder();
		text.append(this.name).append(": ").append(this.title).append('\n').append(this.description).append('\n');
		text.append("\nparameters:\n");
		for (Parameter p : this.parameters) {
			text.append("- ").append(p.name()).append(" (").append(p.type()).append(p.required() ? ", required" : "");
			if (p.defaultValue() != null) {
				text.append(", default ").append(p.defaultValue());
			}
			if (p.allowed() != null) {
				text.append(", one of ").append(p.allowed());
			}
			if (p.pattern() != null) {
				text.append(", matching ").append(p.pattern());
			}
			text.append(')');
			if (p.description() != null) {
				text.append(": ").append(p.description());
			}
			text.append('\n');
		}
		text.append("\nsteps, in order:\n");
		int n = 1;
		for (StepView step : this.steps) {
			text.append(n++).append(". ").append(step.id()).append(" [").append(step.action()).append("] ");
			text.append(step.name());
			if (step.condition() != null) {
				text.append(", if ").append(step.condition());
			}
			text.append("\n   input: ").append(step.input()).append('\n');
		}
		return text.toString();
	}

}
