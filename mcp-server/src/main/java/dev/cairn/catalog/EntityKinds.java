package dev.cairn.catalog;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The kinds Cairn reads, with the apiVersions Backstage accepts for each and the spec
 * fields its schemas require.
 */
final class EntityKinds {

	static final Set<String> CATALOG_API_VERSIONS = Set.of("backstage.io/v1alpha1", "backstage.io/v1beta1");

	static final Set<String> TEMPLATE_API_VERSIONS = Set.of("scaffolder.backstage.io/v1beta3");

	/** Canonical spelling of each kind, keyed by lower case. */
	static final Map<String, String> CANONICAL = Map.of("component", "Component", "api", "API", "resource", "Resource",
			"system", "System", "domain", "Domain", "group", "Group", "user", "User", "location", "Location",
			"template", "Template");

	/**
	 * Required spec fields: name to whether it is a list (true) or a non-empty string
	 * (false).
	 */
	static final Map<String, Map<String, Boolean>> REQUIRED_SPEC = Map.of("component",
			Map.of("type", false, "lifecycle", false, "owner", false), "api",
			Map.of("type", false, "lifecycle", false, "owner", false, "definition", false), "resource",
			Map.of("type", false, "owner", false), "system", Map.of("owner", false), "domain", Map.of("owner", false),
			"group", Map.of("type", false, "children", true), "user", Map.of("memberOf", true), "location", Map.of(),
			"template", Map.of("type", false, "steps", true));

	/** Spec fields that, when present, must be lists of strings. */
	static final Map<String, List<String>> STRING_LIST_SPEC = Map.of("component",
			List.of("providesApis", "consumesApis", "dependsOn", "dependencyOf"), "resource",
			List.of("dependsOn", "dependencyOf"), "group", List.of("children", "members"), "user", List.of("memberOf"),
			"location", List.of("targets"));

	/** Spec fields that, when present, must be non-empty strings. */
	static final Map<String, List<String>> STRING_SPEC = Map.of("component", List.of("system", "subcomponentOf"), "api",
			List.of("system"), "resource", List.of("system"), "system", List.of("domain", "type"), "domain",
			List.of("subdomainOf", "type"), "group", List.of("parent"), "location",
			List.of("type", "target", "presence"), "template", List.of("owner", "lifecycle"));

	private EntityKinds() {
	}

	static String canonical(String kind) {
		return CANONICAL.get(kind.toLowerCase(Locale.ROOT));
	}

	static boolean acceptsApiVersion(String kind, String apiVersion) {
		return "template".equalsIgnoreCase(kind) ? TEMPLATE_API_VERSIONS.contains(apiVersion)
				: CATALOG_API_VERSIONS.contains(apiVersion);
	}

	static String acceptedApiVersions(String kind) {
		return String.join(" or ", "template".equalsIgnoreCase(kind) ? TEMPLATE_API_VERSIONS.stream().sorted().toList()
				: CATALOG_API_VERSIONS.stream().sorted().toList());
	}

}
