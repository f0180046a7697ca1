package dev.cairn.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects entities from a source, rejects duplicate refs, and completes relations both
 * ways once every entity is known. Relations to entities that are not in the catalog are
 * kept on the source entity (as Backstage keeps them) and reported as warnings.
 */
final class CatalogBuilder {

	private final Map<EntityRef, Entity> entities = new HashMap<>();

	private final Map<EntityRef, Set<Relation>> relations = new HashMap<>();

	private final List<EntityReader.PendingRelation> pending = new ArrayList<>();

	private final List<CatalogProblem> problems = new ArrayList<>();

	void problem(CatalogProblem problem) {
		this.problems.add(problem);
	}

	/** Adds what the reader made of one document. */
	void add(EntityReader.Read read) {
		this.problems.addAll(read.problems());
		if (read.entity() != null && addEntity(read.entity())) {
			this.pending.addAll(read.relations());
		}
	}

	/**
	 * Adds an entity whose relations are already complete (a Backstage backend computed
	 * them).
	 */
	void addResolved(Entity entity) {
		if (addEntity(entity)) {
			this.relations.get(entity.ref()).addAll(entity.relations());
		}
	}

	int size() {
		return this.entities.size();
	}

	private boolean addEntity(Entity entity) {
		EntityRef ref = entity.ref();
		Entity existing = this.entities.get(ref);
		if (existing != null) {
			this.problems.add(new CatalogProblem(CatalogProblem.Severity.ERROR, entity.origin(), ref.toString(),
					"duplicate entity ref " + ref + ": already defined at " + existing.origin()
							+ "; this definition was not loaded"));
			return false;
		}
		this.entities.put(ref, entity);
		this.relations.put(ref, new LinkedHashSet<>());
		return true;
	}

	Catalog build(String source, Instant loadedAt) {
		for (EntityReader.PendingRelation relation : this.pending) {
			this.relations.get(relation.source()).add(new Relation(relation.type().wireName(), relation.target()));
			Set<Relation> reverse = this.relations.get(relation.target());
			if (reverse != null) {
				reverse.add(new Relation(relation.type().reverseName(), relation.source()));
			}
			else {
				this.problems.add(new CatalogProblem(CatalogProblem.Severity.WARNING, relation.location(),
						relation.source().toString(), relation.type().wireName() + " refers to " + relation.target()
								+ ", which is not in the catalog (dangling relation)"));
			}
		}
		List<Entity> complete = new ArrayList<>(this.entities.size());
		for (Entity entity : this.entities.values()) {
			complete.add(entity.withRelations(new ArrayList<>(this.relations.get(entity.ref()))));
		}
		return new Catalog(complete, this.problems, source, loadedAt);
	}

}
