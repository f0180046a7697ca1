package dev.cairn.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Filters and ranks entities for {@code catalog_search}. Filters combine with AND; the
 * free text matches every word against name, title, description, tags and type, and ranks
 * exact name matches first.
 */
final class CatalogSearch {

	/**
	 * A search. Null fields do not filter.
	 */
	record Query(String text, String kind, String type, EntityRef owner, EntityRef system, EntityRef domain,
			String lifecycle, String tier, List<String> tags) {
	}

	record Hit(Entity entity, int score) {
	}

	private CatalogSearch() {
	}

	static List<Entity> search(Catalog catalog, Query query) {
		String[] words = (query.text() == null || query.text().isBlank()) ? new String[0]
				: query.text().toLowerCase(Locale.ROOT).trim().split("\\s+");
		Set<String> tags = (query.tags() == null) ? Set.of()
				: Set.copyOf(query.tags().stream().map((tag) -> tag.toLowerCase(Locale.ROOT)).toList());
		List<Hit> hits = new ArrayList<>();
		for (Entity entity : catalog.entities()) {
			if (!matchesFilters(catalog, entity, query, tags)) {
				continue;
			}
			int score = (words.length == 0) ? 0 : score(entity, words);
			if (score >= 0) {
				hits.add(new Hit(entity, score));
			}
		}
		hits.sort(Comparator.comparingInt(Hit::score).reversed().thenComparing((hit) -> hit.entity().ref()));
		return hits.stream().map(Hit::entity).toList();
	}

	private static boolean matchesFilters(Catalog catalog, Entity entity, Query query, Set<String> tags) {
		if (query.kind() != null && !entity.kind().equalsIgnoreCase(query.kind())) {
			return false;
		}
		if (query.type() != null && !query.type().equalsIgnoreCase(entity.type())) {
			return false;
		}
		if (query.lifecycle() != null && !query.lifecycle().equalsIgnoreCase(entity.lifecycle())) {
			return false;
		}
		if (query.tier() != null && !query.tier().equalsIgnoreCase(entity.tier())) {
			return false;
		}
		if (!tags.isEmpty() && !entity.metadata().tags().containsAll(tags)) {
			return false;
		}
		if (query.owner() != null && !entity.related(RelationType.OWNED_BY).contains(query.owner())) {
			return false;
		}
		if (query.system() != null && !query.system().equals(catalog.systemOf(entity))) {
			return false;
		}
		return query.domain() == null || query.domain().equals(catalog.domainOf(entity));
	}

	/**
	 * -1 when a word is missing; otherwise higher for matches in the name (the whole
	 * name, then a whole part of it between dashes, then any part), then the title, tags
	 * and type, then the description.
	 */
	private static int score(Entity entity, String[] words) {
		String name = entity.metadata().name().toLowerCase(Locale.ROOT);
		List<String> nameParts = List.of(name.split("[-_.]"));
		String title = lower(entity.metadata().title());
		String description = lower(entity.metadata().description());
		String type = lower(entity.type());
		int score = name.equals(String.join("-", words)) ? 200 : 0;
		for (String word : words) {
			if (name.equals(word)) {
				score += 100;
			}
			else if (nameParts.contains(word)) {
				score += 30;
			}
			else if (name.contains(word)) {
				score += 20;
			}
			else if (title.contains(word)) {
				score += 10;
			}
			else if (entity.metadata().tags().contains(word) || type.equals(word)) {
				score += 5;
			}
			else if (description.contains(word) || entity.kind().equalsIgnoreCase(word)) {
				score += 1;
			}
			else {
				return -1;
			}
		}
		return score;
	}

	private static String lower(String text) {
		return (text != null) ? text.toLowerCase(Locale.ROOT) : "";
	}

}
