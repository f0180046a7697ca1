package dev.cairn.catalog;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import dev.cairn.mcp.ToolInputException;

/**
 * Resolves the entity ref an agent passed to a tool. A bare name defaults to a component;
 * when nothing matches, the error suggests entities with a similar name so the agent can
 * retry.
 */
public final class EntityLookup {

	private EntityLookup() {
	}

	/**
	 * The full ref a tool argument names, for the audit trail: parsed as {@link #require}
	 * parses it, whether or not the entity exists; {@code null} if it does not parse.
	 */
	public static String targetOf(String ref) {
		try {
			return EntityRef.parse(ref, "component", EntityRef.DEFAULT_NAMESPACE).toString();
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	public static Entity require(Catalog catalog, String field, String ref) {
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
		// Same kind first, then names that start with what was asked, then names that
		// merely contain it.
		Comparator<Entity> closest = Comparator
			.comparingInt((Entity entity) -> entity.ref().kind().equals(missing.kind()) ? 0 : 1)
			.thenComparingInt((entity) -> entity.metadata().name().toLowerCase(Locale.ROOT).startsWith(name) ? 0 : 1)
			.thenComparing(Entity::ref);
		List<String> similar = catalog.entities().stream().filter((entity) -> {
			String candidate = entity.metadata().name().toLowerCase(Locale.ROOT);
			return candidate.contains(name) || name.contains(candidate);
		}).sorted(closest).limit(5).map((entity) -> entity.ref().toString()).toList();
		return similar.isEmpty() ? "; use catalog_search to find it"
				: "; did you mean " + String.join(", ", similar) + "?";
	}

}
