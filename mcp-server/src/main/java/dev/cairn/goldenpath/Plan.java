package dev.cairn.goldenpath;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a golden-path run would do with these parameters, step by step, computed without
 * writing anything. A run engine reuses the same planned effects and compares what it
 * made against them: the plan and the run agree when every file, commit and claim here is
 * what the run creates, and nothing else.
 *
 * @param template the template's name
 * @param target the component the run would create, as an entity ref
 * @param parameters the validated parameters, defaults filled in
 * @param steps every step of the template, in order, including those that would be
 * skipped
 * @param failsAt the id of the first step that would fail, or {@code null}
 * @param totals what the run would create
 */
public record Plan(String template, String target, Map<String, Object> parameters, List<PlannedStep> steps,
		String failsAt, Totals totals) {

	public Plan {
		Objects.requireNonNull(template, "template");
		parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
		steps = List.copyOf(steps);
	}

	/** The planned step of that id, or {@code null}. */
	public PlannedStep step(String id) {
		return this.steps.stream().filter((step) -> step.id().equals(id)).findFirst().orElse(null);
	}

	/**
	 * How much a run would create.
	 *
	 * @param files files written, over every commit
	 * @param commits commits made (the repository's first one, GitOps commits)
	 * @param resources resources claimed
	 * @param deployments deployments made
	 */
	public record Totals(int files, int commits, int resources, int deployments) {

		static Totals of(List<PlannedStep> steps) {
			int files = 0;
			int commits = 0;
			int resources = 0;
			int deployments = 0;
			for (PlannedStep step : steps) {
				if (!step.runs()) {
					continue;
				}
				PlannedEffect effect = step.effect();
				if (effect instanceof PlannedEffect.RepositoryCreation creation) {
					files += creation.commit().files().size();
					commits++;
				}
				else if (effect instanceof PlannedEffect.GitOpsDeployment deployment) {
					files += deployment.commit().files().size();
					commits++;
					deployments++;
				}
				else if (effect instanceof PlannedEffect.ResourceClaim) {
					resources++;
				}
			}
			return new Totals(files, commits, resources, deployments);
		}

	}

}
