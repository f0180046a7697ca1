package dev.cairn.goldenpath;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.cairn.catalog.EntityRef;

/**
 * Plans a golden-path run without writing anything: validates the parameters (refusing
 * before anything else), renders the skeleton in memory, evaluates each step's
 * {@code if}, and describes what each running step would make. Reads the catalog and
 * checks whether a local repository exists; changes nothing.
 */
public final class Planner {

	/**
	 * Looks an entity up in the catalog, so that a plan can say which step would fail on
	 * a name that is taken.
	 */
	@FunctionalInterface
	public interface ExistingEntities {

		/**
		 * A one-line description of the entity under that ref, or empty when there is
		 * none.
		 */
		Optional<String> describe(EntityRef ref);

	}

	private final Renderer renderer;

	private final GitLocations git;

	private final ExistingEntities catalog;

	public Planner(Renderer renderer, GitLocations git, ExistingEntities catalog) {
		this.renderer = renderer;
		this.git = git;
		this.catalog = catalog;
	}

	/**
	 * The plan of a run of the template with these parameters, made for {@code author}.
	 * @throws InvalidParametersException when the parameters are refused, naming each
	 * field; nothing else is looked at then
	 */
	public Plan plan(GoldenPath template, Map<String, Object> given, String author) {
		RenderedTree tree = this.renderer.render(template, given);
		Map<String, String> texts = Renderer.textsOf(tree.parameters());
		String deployEnvironment = firstDeployEnvironment(template, tree, texts);
		List<PlannedStep> steps = new ArrayList<>();
		String failsAt = null;
		for (Step step : template.steps()) {
			if (!step.runsWith(tree.parameters())) {
				steps.add(PlannedStep.skipped(step));
				continue;
			}
			Map<String, Object> inputs = resolve(template, step, tree, texts);
			PlannedStep planned = plan(template, step, inputs, tree, author, deployEnvironment);
			if (failsAt == null && planned.failure() != null) {
				failsAt = planned.id();
			}
			steps.add(planned);
		}
		String target = "component:default/" + tree.parameters().get("name");
		return new Plan(template.name(), target, tree.parameters(), steps, failsAt, Plan.Totals.of(steps));
	}

	private PlannedStep plan(GoldenPath template, Step step, Map<String, Object> inputs, RenderedTree tree,
			String author, String deployEnvironment) {
		String condition = (step.condition() != null) ? step.condition().toString() : null;
		PlannedEffect effect;
		String failure = null;
		switch (step.action()) {
			case REPOSITORY_CREATE -> {
				PlannedEffect.RepositoryCreation creation = repository(template, inputs, tree, author);
				effect = creation;
				if (!this.git.isRemote()
						&& Files.exists(this.git.localRepository(creation.organisation(), creation.name()))) {
					failure = "repository.create would fail: a repository already exists at " + creation.location();
				}
			}
			case CATALOG_REGISTER -> {
				PlannedEffect.CatalogRegistration registration = CatalogEntryReader.read(tree,
						string(inputs, "path", "catalog-info.yaml"), this.catalog);
				effect = registration;
				if (registration.existing() != null) {
					failure = "catalog.register would fail: " + registration.existing()
							+ " already exists in the catalog; choose another name";
				}
			}
			case RESOURCE_PROVISION -> effect = ResourceClaims.claim(inputs, deployEnvironment);
			case GITOPS_DEPLOY -> effect = GitOpsLayout.deployment(inputs, tree, this.git, author);
			default -> throw new IllegalStateException("no plan for " + step.action());
		}
		return new PlannedStep(step.id(), step.name(), step.action().wireName(), condition, true, inputs, effect,
				failure);
	}

	private PlannedEffect.RepositoryCreation repository(GoldenPath template, Map<String, Object> inputs,
			RenderedTree tree, String author) {
		String name = string(inputs, "name", null);
		String organisation = string(inputs, "organisation", "default");
		String location = this.git.repository(organisation, name);
		String message = "Scaffold " + name + " from the " + template.name() + " golden path";
		return new PlannedEffect.RepositoryCreation(name, organisation, location,
				CommitPlanner.adding(location, message, author, tree.files()));
	}

	/** Resources are made for the environment the template deploys to first. */
	private static String firstDeployEnvironment(GoldenPath template, RenderedTree tree, Map<String, String> texts) {
		for (Step step : template.steps()) {
			if (step.action() == StepAction.GITOPS_DEPLOY && step.runsWith(tree.parameters())) {
				return string(resolve(template, step, tree, texts), "environment", "staging");
			}
		}
		return "staging";
	}

	private static Map<String, Object> resolve(GoldenPath template, Step step, RenderedTree tree,
			Map<String, String> texts) {
		try {
			return step.resolveInput(texts, tree.values());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidParametersException(
					List.of(template.name() + "/template.yaml: step " + step.id() + ": " + ex.getMessage()));
		}
	}

	static String string(Map<String, Object> inputs, String key, String fallback) {
		Object value = inputs.get(key);
		return (value == null || String.valueOf(value).isBlank()) ? fallback : String.valueOf(value);
	}

}
