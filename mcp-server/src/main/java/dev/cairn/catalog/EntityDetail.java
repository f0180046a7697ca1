package dev.cairn.catalog;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One entity in full, as {@code catalog_get_entity} and the {@code catalog://} resources
 * return it: metadata, spec, relations grouped by type, the owner, who is on call, and
 * any loading problems. Long values are cut and long relation lists bounded, each saying
 * how much was left out.
 */
public record EntityDetail(String ref, String apiVersion, String kind, EntityMetadata metadata,
		Map<String, Object> spec, Map<String, RelationGroup> relations, EntitySummary owner, OnCall onCall,
		List<String> problems, String origin) {

	static final int RELATIONS_PER_TYPE = 25;

	static final int SPEC_TEXT_LIMIT = 4000;

	/** The targets of one relation type, bounded. */
	public record RelationGroup(int total, List<String> targets, String truncated) {
	}

	static EntityDetail of(Catalog catalog, Entity entity, Clock clock) {
		// Only the first targets of each type are turned into strings; the rest are
		// counted.
		Map<String, List<String>> byType = new LinkedHashMap<>();
		Map<String, Integer> totals = new LinkedHashMap<>();
		for (Relation relation : entity.relations()) {
			int seen = totals.merge(relation.type(), 1, Integer::sum);
			List<String> targets = byType.computeIfAbsent(relation.type(), (type) -> new ArrayList<>());
			if (seen <= RELATIONS_PER_TYPE) {
				targets.add(relation.target().toString());
			}
		}
		Map<String, RelationGroup> relations = new LinkedHashMap<>();
		byType.forEach((type, targets) -> {
			int extra = totals.get(type) - targets.size();
			relations.put(type, new RelationGroup(totals.get(type), List.copyOf(targets),
					(extra > 0) ? "truncated, " + extra + " more" : null));
		});
		EntityRef ownerRef = catalog.ownerOf(entity);
		EntitySummary owner = (ownerRef != null) ? catalog.find(ownerRef)
			.map((found) -> EntitySummary.of(catalog, found))
			.orElse(new EntitySummary(ownerRef.toString(), ownerRef.name(), null, null, null, null, null,
					"not in the catalog"))
				: null;
		OnCall onCall = switch (entity.ref().kind()) {
			case "component", "api", "resource", "system", "domain", "group" -> OnCall.of(catalog, entity, clock);
			default -> null;
		};
		List<String> problems = catalog.problemsOf(entity.ref()).stream().map(CatalogProblem::toString).toList();
		String ref = entity.ref().toString();
		@SuppressWarnings("unchecked")
		Map<String, Object> spec = (Map<String, Object>) bound(entity.spec());
		return new EntityDetail(ref, entity.apiVersion(), entity.kind(), entity.metadata(), spec, relations, owner,
				onCall, problems, entity.origin());
	}

	private static Object bound(Object value) {
		if (value instanceof String text && text.length() > SPEC_TEXT_LIMIT) {
			return text.substring(0, SPEC_TEXT_LIMIT) + "… (truncated, " + (text.length() - SPEC_TEXT_LIMIT)
					+ " more characters)";
		}
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> copy = new LinkedHashMap<>();
			map.forEach((key, item) -> copy.put(String.valueOf(key), bound(item)));
			return copy;
		}
		if (value instanceof List<?> list) {
			List<Object> copy = new ArrayList<>(list.size());
			list.forEach((item) -> copy.add(bound(item)));
			return copy;
		}
		return value;
	}

	/** A compact, readable rendering for the text content of a tool result. */
	String toText() {
		StringBuilder text = new StringBuilder();
		text.append(this.ref);
		if (this.metadata.title() != null) {
			text.append(" \"").append(this.metadata.title()).append('"');
		}
		text.append('\n');
		if (this.metadata.description() != null) {
			text.append(EntitySummary.shorten(this.metadata.description(), 400)).append('\n');
		}
		for (String field : List.of("type", "lifecycle")) {
			if (this.spec.get(field) instanceof String value) {
				text.append(field).append(": ").append(value).append('\n');
			}
		}
		String tier = this.metadata.labels().get(Entity.TIER_LABEL);
		if (tier != null) {
			text.append("tier: ").append(tier).append('\n');
		}
		if (!this.metadata.tags().isEmpty()) {
			text.append("tags: ").append(String.join(", ", this.metadata.tags())).append('\n');
		}
		if (this.owner != null) {
			text.append("owner: ").append(this.owner.toLine()).append('\n');
		}
		if (this.onCall != null) {
			text.append("on call: ").append(this.onCall.toText()).append('\n');
		}
		this.relations.forEach((type, group) -> {
			text.append(type).append(": ");
			text.append(String.join(", ", group.targets().stream().map(EntitySummary::shortRef).toList()));
			if (group.truncated() != null) {
				text.append(" (").append(group.truncated()).append(')');
			}
			text.append('\n');
		});
		for (EntityLink link : this.metadata.links()) {
			text.append("link: ")
				.append((link.title() != null) ? link.title() + " " : "")
				.append(link.url())
				.append('\n');
		}
		this.metadata.annotations().forEach((key, value) -> {
			if (!key.startsWith("backstage.io/managed-by")) {
				text.append("annotation ")
					.append(key)
					.append(": ")
					.append(EntitySummary.shorten(value, 200))
					.append('\n');
			}
		});
		for (String problem : this.problems) {
			text.append("problem: ").append(problem).append('\n');
		}
		text.append("defined at: ").append(this.origin);
		return text.toString();
	}

}
