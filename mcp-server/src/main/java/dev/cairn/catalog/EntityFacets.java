package dev.cairn.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-entity facts that graph answers group by (tier, owner, system, whether it is an
 * API), interned once per snapshot into small integer indices, so that counting thousands
 * of dependents is array arithmetic rather than map lookups and string work.
 */
final class EntityFacets {

	/**
	 * Distinct tier labels, most critical first ({@code tier-1} before {@code tier-2}).
	 */
	final String[] tierLabels;

	/**
	 * Per entity id: index into {@link #tierLabels}, or -1 when the entity has no tier.
	 */
	final int[] tier;

	/** Distinct owners. */
	final EntityRef[] ownerRefs;

	/** Per entity id: index into {@link #ownerRefs}, or -1. */
	final int[] owner;

	/** Distinct systems. */
	final EntityRef[] systemRefs;

	/** Per entity id: index into {@link #systemRefs}, or -1. */
	final int[] system;

	final boolean[] api;

	EntityFacets(List<Entity> entities, EntityRef[] owners, EntityRef[] systems) {
		int n = entities.size();
		this.tier = new int[n];
		this.owner = new int[n];
		this.system = new int[n];
		this.api = new boolean[n];
		List<String> tiers = new ArrayList<>();
		Map<String, Integer> tierIndex = new HashMap<>();
		Interner owned = new Interner();
		Interner parts = new Interner();
		String[] rawTiers = new String[n];
		for (int id = 0; id < n; id++) {
			Entity entity = entities.get(id);
			rawTiers[id] = entity.tier();
			if (rawTiers[id] != null && !tierIndex.containsKey(rawTiers[id])) {
				tierIndex.put(rawTiers[id], tiers.size());
				tiers.add(rawTiers[id]);
			}
			this.owner[id] = owned.indexOf(owners[id]);
			this.system[id] = parts.indexOf(systems[id]);
			this.api[id] = "API".equals(entity.kind());
		}
		this.tierLabels = tiers.stream()
			.sorted(Comparator.comparingInt(EntityFacets::tierRank).thenComparing(Comparator.naturalOrder()))
			.toArray(String[]::new);
		Map<String, Integer> sortedIndex = new HashMap<>();
		for (int i = 0; i < this.tierLabels.length; i++) {
			sortedIndex.put(this.tierLabels[i], i);
		}
		for (int id = 0; id < n; id++) {
			this.tier[id] = (rawTiers[id] != null) ? sortedIndex.get(rawTiers[id]) : -1;
		}
		this.ownerRefs = owned.refs.toArray(EntityRef[]::new);
		this.systemRefs = parts.refs.toArray(EntityRef[]::new);
	}

	/** {@code tier-1} is 1; a tier without a number, or none, sorts last. */
	static int tierRank(String tier) {
		if (tier != null) {
			String digits = tier.replaceAll("\\D", "");
			if (!digits.isEmpty() && digits.length() < 6) {
				return Integer.parseInt(digits);
			}
		}
		return Integer.MAX_VALUE;
	}

	private static final class Interner {

		private final Map<EntityRef, Integer> index = new HashMap<>();

		private final List<EntityRef> refs = new ArrayList<>();

		int indexOf(EntityRef ref) {
			if (ref == null) {
				return -1;
			}
			return this.index.computeIfAbsent(ref, (key) -> {
				this.refs.add(key);
				return this.refs.size() - 1;
			});
		}

	}

	@Override
	public String toString() {
		return "EntityFacets" + Arrays.toString(this.tierLabels);
	}

}
