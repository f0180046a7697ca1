package dev.cairn.catalog;

import java.util.Objects;

/**
 * A directed relation from the entity that holds it to {@code target}.
 *
 * @param type one of {@link RelationType}'s names, for example {@code ownedBy}
 * @param target the related entity, which may not exist in the catalog (a dangling
 * relation)
 */
public record Relation(String type, EntityRef target) implements Comparable<Relation> {

	public Relation {
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(target, "target");
	}

	/** Backstage's order: by type, then by target ref. */
	@Override
	public int compareTo(Relation other) {
		int byType = this.type.compareTo(other.type);
		return (byType != 0) ? byType : this.target.toString().compareTo(other.target.toString());
	}

}
