package dev.cairn.goldenpath;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One step of a {@link Plan}.
 *
 * @param id the step's id in the template
 * @param name the step's title
 * @param action the action's wire name, e.g. {@code repository.create}
 * @param condition the step's {@code if} as written, or {@code null} when it always runs
 * @param runs whether the step would run with these parameters
 * @param inputs the inputs with every reference resolved (empty when the step is skipped)
 * @param effect what the step would make, or {@code null} when it is skipped
 * @param failure why the run would fail at this step, or {@code null}
 */
public record PlannedStep(String id, String name, String action, String condition, boolean runs,
		Map<String, Object> inputs, PlannedEffect effect, String failure) {

	public PlannedStep {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(action, "action");
		inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
	}

	static PlannedStep skipped(Step step) {
		return new PlannedStep(step.id(), step.name(), step.action().wireName(), String.valueOf(step.condition()),
				false, Map.of(), null, null);
	}

}
