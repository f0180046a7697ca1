package dev.cairn.catalog;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import org.springframework.stereotype.Component;

import dev.cairn.policy.EntityResolver;
import dev.cairn.policy.GroupResolver;
import dev.cairn.policy.PolicyInput;

/**
 * What the policy needs from the catalog: a principal's groups (those it is a member of,
 * and all their parents) and the facts about a tool's target entity. Read from the
 * current snapshot on each call, so a catalog reload changes the next decision.
 */
@Component
class CatalogPolicyDirectory implements GroupResolver, EntityResolver {

	/** The catalog and the owners in it, last worked out. */
	private volatile Object[] owningCache;

	/** The targets resolved from the current catalog, by the ref as callers spelt it. */
	private volatile Object[] targetCache;

	private final CatalogService catalogs;

	CatalogPolicyDirectory(CatalogService catalogs) {
		this.catalogs = catalogs;
	}

	@Override
	public List<String> groupsOf(String principal) {
		Catalog catalog = this.catalogs.current();
		Optional<Entity> entity = parse(principal, null).flatMap(catalog::find);
		if (entity.isEmpty()) {
			return List.of();
		}
		TreeSet<String> groups = new TreeSet<>();
		Deque<EntityRef> pending = new ArrayDeque<>(entity.get().related(RelationType.MEMBER_OF));
		while (!pending.isEmpty()) {
			EntityRef group = pending.pop();
			// A cycle of parents stops at a group already seen.
			if (groups.add(group.toString())) {
				catalog.find(group).ifPresent((found) -> pending.addAll(found.related(RelationType.CHILD_OF)));
			}
		}
		return List.copyOf(groups);
	}

	@Override
	public Optional<PolicyInput.Target> resolve(String ref) {
		Catalog catalog = this.catalogs.current();
		Object[] cached = this.targetCache;
		if (cached == null || cached[0] != catalog) {
			cached = new Object[] { catalog, new java.util.concurrent.ConcurrentHashMap<String, PolicyInput.Target>() };
			this.targetCache = cached;
		}
		@SuppressWarnings("unchecked")
		java.util.Map<String, PolicyInput.Target> targets = (java.util.Map<String, PolicyInput.Target>) cached[1];
		PolicyInput.Target known = targets.get(ref);
		if (known != null) {
			return Optional.of(known);
		}
		Optional<PolicyInput.Target> found = parse(ref, "component").flatMap(catalog::find)
			.map((entity) -> target(catalog, entity));
		// Only refs that name an entity are kept, so the map stays within the catalog's
		// size (times the spellings callers use).
		found.ifPresent((target) -> {
			if (targets.size() < 4 * catalog.entities().size() + 64) {
				targets.put(ref, target);
			}
		});
		return found;
	}

	@Override
	public boolean ownsAny(java.util.Collection<String> owners, boolean inAGroup) {
		java.util.Set<String> owning = owning(this.catalogs.current());
		for (String owner : owners) {
			if (owning.contains(owner)) {
				return true;
			}
		}
		return false;
	}

	/** Every ref that owns at least one entity, worked out once per loaded catalog. */
	private java.util.Set<String> owning(Catalog catalog) {
		Object[] cached = this.owningCache;
		if (cached != null && cached[0] == catalog) {
			@SuppressWarnings("unchecked")
			java.util.Set<String> owning = (java.util.Set<String>) cached[1];
			return owning;
		}
		java.util.Set<String> owning = new java.util.HashSet<>();
		for (Entity entity : catalog.entities()) {
			EntityRef owner = catalog.ownerOf(entity);
			if (owner != null) {
				owning.add(owner.toString());
			}
		}
		this.owningCache = new Object[] { catalog, java.util.Set.copyOf(owning) };
		return java.util.Set.copyOf(owning);
	}

	static PolicyInput.Target target(Catalog catalog, Entity entity) {
		EntityRef ref = entity.ref();
		EntityRef owner = catalog.ownerOf(entity);
		EntityRef system = catalog.systemOf(entity);
		return new PolicyInput.Target(ref.toString(), ref.kind(), ref.namespace(),
				(owner != null) ? owner.toString() : null, entity.lifecycle(), entity.tier(),
				(system != null) ? system.toString() : null, entity.metadata().tags());
	}

	private static Optional<EntityRef> parse(String ref, String defaultKind) {
		try {
			return Optional.of(EntityRef.parse(ref, defaultKind, EntityRef.DEFAULT_NAMESPACE));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
