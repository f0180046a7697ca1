package dev.cairn.goldenpath;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The closed set of things a golden-path step can do, each with the inputs it takes. A
 * definition naming any other action, or a step missing a required input or giving an
 * unknown one, does not load.
 */
public enum StepAction {

	/** Creates a git repository from the rendered skeleton. */
	REPOSITORY_CREATE("repository.create", List.of("name"), List.of("description", "owner", "organisation")),

	/** Registers the repository's {@code catalog-info.yaml} in the catalog. */
	CATALOG_REGISTER("catalog.register", List.of("repository"), List.of("path")),

	/** Provisions a resource (a declarative claim) for the service. */
	RESOURCE_PROVISION("resource.provision", List.of("type", "name", "owner"), List.of("system", "tier", "size")),

	/**
	 * Deploys the service by a commit to the GitOps repository, then waits for health.
	 */
	GITOPS_DEPLOY("gitops.deploy", List.of("service", "environment"), List.of("path", "version"));

	private final String wireName;

	private final List<String> requiredInputs;

	private final List<String> optionalInputs;

	StepAction(String wireName, List<String> requiredInputs, List<String> optionalInputs) {
		this.wireName = wireName;
		this.requiredInputs = requiredInputs;
		this.optionalInputs = optionalInputs;
	}

	/** The name used in {@code template.yaml}, e.g. {@code repository.create}. */
	public String wireName() {
		return this.wireName;
	}

	/** The inputs a step of this action must give. */
	public List<String> requiredInputs() {
		return this.requiredInputs;
	}

	/** The inputs a step of this action may give besides the required ones. */
	public List<String> optionalInputs() {
		return this.optionalInputs;
	}

	/** Whether the action takes the named input. */
	public boolean accepts(String input) {
		return this.requiredInputs.contains(input) || this.optionalInputs.contains(input);
	}

	/** The action of that wire name, if it is one. */
	public static Optional<StepAction> fromWireName(String name) {
		return Arrays.stream(values()).filter((action) -> action.wireName.equals(name)).findFirst();
	}

	/** Every wire name, comma separated, for error messages. */
	public static String wireNames() {
		return Arrays.stream(values()).map(StepAction::wireName).collect(Collectors.joining(", "));
	}

}
