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
		return parse(ref, "component").flatMap(catalog::find).map((entity) -> target(catalog, entity));
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
