package dev.cairn.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An immutable, indexed snapshot of the catalog: entities by ref, their relations, the
 * problems found while loading, and the dependency graph. Safe to share between threads;
 * a reload builds a new snapshot.
 */
public final class Catalog {

	private final List<Entity> entities;

	private final Map<EntityRef, Integer> ids;

	private final List<CatalogProblem> problems;

	private final String source;

	private final Instant loadedAt;

	private final CatalogGraph graph;

	private final int relationCount;

	private final EntityFacets facets;

	private final Map<String, List<CatalogProblem>> problemsByEntity;

	private final EntityRef[] owners;

	private final EntityRef[] systems;

	Catalog(List<Entity> entities, List<CatalogProblem> problems, String source, Instant loadedAt) {
		// Refs are computed once here: Entity.ref() builds a new ref each time, too slow
		// for a sort of 100k.
		List<Map.Entry<EntityRef, Entity>> byRef = new ArrayList<>(entities.size());
		for (Entity entity : entities) {
			byRef.add(Map.entry(entity.ref(), entity));
		}
		byRef.sort(Map.Entry.comparingByKey());
		List<Entity> sorted = new ArrayList<>(byRef.size());
		this.ids = new HashMap<>(byRef.size() * 2);
		int relations = 0;
		for (Map.Entry<EntityRef, Entity> entry : byRef) {
			this.ids.put(entry.getKey(), sorted.size());
			sorted.add(entry.getValue());
			relations += entry.getValue().relations().size();
		}
		this.entities = Collections.unmodifiableList(sorted);
		this.relationCount = relations;
		this.owners = new EntityRef[sorted.size()];
		this.systems = new EntityRef[sorted.size()];
		for (int i = 0; i < sorted.size(); i++) {
			Entity entity = sorted.get(i);
			List<EntityRef> owned = entity.related(RelationType.OWNED_BY);
			this.owners[i] = owned.isEmpty() ? null : owned.get(0);
			this.systems[i] = findSystem(entity);
		}
		this.facets = new EntityFacets(sorted, this.owners, this.systems);
		this.problems = List.copyOf(problems);
		Map<String, List<CatalogProblem>> byEntity = new HashMap<>();
		for (CatalogProblem problem : this.problems) {
			if (problem.entityRef() != null) {
				byEntity.computeIfAbsent(problem.entityRef(), (ref) -> new ArrayList<>()).add(problem);
			}
		}
		this.problemsByEntity = byEntity;
		this.source = source;
		this.loadedAt = loadedAt;
		this.graph = new CatalogGraph(this);
	}

	public static Catalog empty(String source, List<CatalogProblem> problems) {
		return new Catalog(List.of(), problems, source, Instant.now());
	}

	public List<Entity> entities() {
		return this.entities;
	}

	public Optional<Entity> find(EntityRef ref) {
		Integer id = this.ids.get(ref);
		return (id != null) ? Optional.of(this.entities.get(id)) : Optional.empty();
	}

	int idOf(EntityRef ref) {
		Integer id = this.ids.get(ref);
		return (id != null) ? id : -1;
	}

	Entity get(int id) {
		return this.entities.get(id);
	}

	public List<CatalogProblem> problems() {
		return this.problems;
	}

	/** Where this snapshot came from: a folder path or a Backstage URL. */
	public String source() {
		return this.source;
	}

	public Instant loadedAt() {
		return this.loadedAt;
	}

	public int relationCount() {
		return this.relationCount;
	}

	CatalogGraph graph() {
		return this.graph;
	}

	/** Entity counts per kind, by canonical kind name. */
	public Map<String, Integer> countsByKind() {
		Map<String, Integer> counts = new TreeMap<>();
		for (Entity entity : this.entities) {
			counts.merge(entity.kind(), 1, Integer::sum);
		}
		return counts;
	}

	/**
	 * The owner of an entity: the target of its first {@code ownedBy} relation, or
	 * {@code null}.
	 */
	public EntityRef ownerOf(Entity entity) {
		Integer id = this.ids.get(entity.ref());
		if (id != null && this.entities.get(id) == entity) {
			return this.owners[id];
		}
		List<EntityRef> owned = entity.related(RelationType.OWNED_BY);
		return owned.isEmpty() ? null : owned.get(0);
	}

	/** The system an entity is part of, or {@code null}. */
	public EntityRef systemOf(Entity entity) {
		Integer id = this.ids.get(entity.ref());
		return (id != null && this.entities.get(id) == entity) ? this.systems[id] : findSystem(entity);
	}

	EntityFacets facets() {
		return this.facets;
	}

	/** The loading problems about one entity. */
	List<CatalogProblem> problemsOf(EntityRef ref) {
		return this.problemsByEntity.getOrDefault(ref.toString(), List.of());
	}

	private static EntityRef findSystem(Entity entity) {
		for (EntityRef target : entity.related(RelationType.PART_OF)) {
			if ("system".equals(target.kind())) {
				return target;
			}
		}
		return "system".equals(entity.ref().kind()) ? entity.ref() : null;
	}

	/**
	 * The domain of an entity: its own system's domain, or for a system its own, or
	 * {@code null}.
	 */
	public EntityRef domainOf(Entity entity) {
		if ("domain".equals(entity.ref().kind())) {
			return entity.ref();
		}
		EntityRef system = systemOf(entity);
		if (system == null) {
			return null;
		}
		Optional<Entity> systemEntity = find(system);
		if (systemEntity.isEmpty()) {
			return null;
		}
		for (EntityRef target : systemEntity.get().related(RelationType.PART_OF)) {
			if ("domain".equals(target.kind())) {
				return target;
			}
		}
		return null;
	}

}
