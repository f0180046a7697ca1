package dev.cairn.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A catalog entity as Backstage models it. Immutable; {@code relations} holds the
 * relations whose source is this entity, sorted as Backstage sorts them.
 *
 * @param apiVersion for example {@code backstage.io/v1alpha1}
 * @param kind the kind as declared, for example {@code Component}
 * @param metadata names, descriptions, labels, annotations, tags and links
 * @param spec the kind-specific part, as read
 * @param relations outgoing relations
 * @param origin where it was read from: {@code path:line}, or the Backstage URL
 */
public record Entity(String apiVersion, String kind, EntityMetadata metadata, Map<String, Object> spec,
		List<Relation> relations, String origin) {

	/** The label that carries a service's tier, for example {@code tier: tier-1}. */
	public static final String TIER_LABEL = "tier";

	public Entity {
		Objects.requireNonNull(apiVersion, "apiVersion");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(metadata, "metadata");
		spec = (spec != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(spec)) : Map.of();
		relations = (relations != null) ? List.copyOf(relations) : List.of();
		Objects.requireNonNull(origin, "origin");
	}

	public EntityRef ref() {
		return new EntityRef(this.kind, this.metadata.namespace(), this.metadata.name());
	}

	public Entity withRelations(List<Relation> newRelations) {
		List<Relation> sorted = new ArrayList<>(newRelations);
		Collections.sort(sorted);
		return new Entity(this.apiVersion, this.kind, this.metadata, this.spec, sorted, this.origin);
	}

	/** A string-valued spec field, or {@code null}. */
	public String specString(String field) {
		Object value = this.spec.get(field);
		return (value instanceof String text && !text.isBlank()) ? text : null;
	}

	/** A spec field holding a string or a list of strings, as a list. */
	public List<String> specStrings(String field) {
		Object value = this.spec.get(field);
		if (value instanceof String text) {
			return List.of(text);
		}
		if (value instanceof List<?> list) {
			List<String> strings = new ArrayList<>(list.size());
			for (Object item : list) {
				if (item instanceof String text) {
					strings.add(text);
				}
			}
			return strings;
		}
		return List.of();
	}

	public String type() {
		return specString("type");
	}

	public String lifecycle() {
		return specString("lifecycle");
	}

	/**
	 * The tier: the {@code tier} label (for example {@code tier-1}), else a
	 * {@code tier-N} tag, else {@code null}. A bare number label is read as
	 * {@code tier-N}.
	 */
	public String tier() {
		String label = this.metadata.labels().get(TIER_LABEL);
		if (label != null && !label.isBlank()) {
			return label.matches("\\d+") ? "tier-" + label : label;
		}
		for (String tag : this.metadata.tags()) {
			if (tag.matches("tier-?\\d+")) {
				return tag.contains("-") ? tag : "tier-" + tag.substring(4);
			}
		}
		return null;
	}

	/** Targets of this entity's relations of one type. */
	public List<EntityRef> related(RelationType type) {
		List<EntityRef> targets = new ArrayList<>();
		for (Relation relation : this.relations) {
			if (relation.type().equals(type.wireName())) {
				targets.add(relation.target());
			}
		}
		return targets;
	}

	public String displayName() {
		return (this.metadata.title() != null) ? this.metadata.title() : this.metadata.name();
	}

}
