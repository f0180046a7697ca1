package dev.cairn.catalog;

import java.util.List;
import java.util.Locale;

import dev.cairn.mcp.ToolInputException;

/**
 * Resolves the entity ref an agent passed to a tool. A bare name defaults to a component;
 * when nothing matches, the error suggests entities with a similar name so the agent can
 * retry.
 */
final class EntityLookup {

	private EntityLookup() {
	}

	static Entity require(Catalog catalog, String field, String ref) {
		EntityRef parsed;
		try {
			parsed = EntityRef.parse(ref, "component", EntityRef.DEFAULT_NAMESPACE);
		}
		catch (IllegalArgumentException ex) {
			throw new ToolInputException(field, ex.getMessage());
		}
		return catalog.find(parsed)
			.orElseThrow(() -> new ToolInputException(field,
					"no entity " + parsed + " in the catalog" + suggestions(catalog, parsed)));
	}

	private static String suggestions(Catalog catalog, EntityRef missing) {
		String name = missing.name().toLowerCase(Locale.ROOT);
		List<String> similar = catalog.entities().stream().filter((entity) -> {
			String candidate = entity.metadata().name().toLowerCase(Locale.ROOT);
			return candidate.equals(name) || candidate.contains(name) || name.contains(candidate);
		}).limit(5).map((entity) -> entity.ref().toString()).toList();
		return similar.isEmpty() ? "; use catalog_search to find it"
				: "; did you mean " + String.join(", ", similar) + "?";
	}

}
