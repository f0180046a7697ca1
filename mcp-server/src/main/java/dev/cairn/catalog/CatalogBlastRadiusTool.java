package dev.cairn.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.springframework.stereotype.Component;

import dev.cairn.mcp.Range;
import dev.cairn.mcp.ToolContext;
import dev.cairn.mcp.ToolDescriptor;
import dev.cairn.mcp.ToolResult;

/**
 * {@code catalog_blast_radius}: everything that transitively depends on an entity,
 * grouped by tier, owner and system, with one example path per dependent.
 */
@Component
class CatalogBlastRadiusTool extends CatalogTool<CatalogBlastRadiusTool.Input> {

	private static final ToolDescriptor DESCRIPTOR = ToolDescriptor.readOnly("catalog_blast_radius",
			"Blast radius of an entity",
			"What breaks if an entity fails or changes: every entity that transitively depends on it (through dependsOn, "
					+ "consumed APIs and their providers, and parent components), counted by tier, owner and system, "
					+ "and listed most critical first (tier-1 first, then by distance) with one example dependency path "
					+ "each. The list is bounded by 'limit' (default 50) with 'truncated, N more'; the counts always cover "
					+ "all dependents. Use it before changing or taking down a service or resource.");

	static final int GROUP_LIMIT = 20;

	record Input(@JsonProperty(
			required = true) @JsonPropertyDescription("Entity ref, e.g. resource:payments-db or auth-service") String ref,
			@Range(min = 1,
					max = 200) @JsonPropertyDescription("Most dependents to list, 1-200 (default 50)") Integer limit) {
	}

	/**
	 * One affected entity.
	 *
	 * @param entity the dependent
	 * @param distance hops between it and the failing entity, APIs on the way not counted
	 * @param path refs from the dependent down to the failing entity, one shortest path
	 */
	record Dependent(EntitySummary entity, int distance, List<String> path) {
	}

	/**
	 * The blast radius.
	 *
	 * @param target the entity that fails
	 * @param total how many entities depend on it, directly or not
	 * @param direct how many depend on it directly (or through an API it provides)
	 * @param apis how many APIs break with it (they are the paths to their consumers, not
	 * counted as dependents)
	 * @param byTier dependents per tier ({@code unknown} for none)
	 * @param byOwner dependents per owner, largest first, at most 20 owners
	 * @param bySystem dependents per system, largest first, at most 20 systems
	 * @param dependents the most critical dependents, at most the limit
	 * @param truncated {@code "truncated, N more"} when the limit cut the list
	 */
	record Output(EntitySummary target, int total, int direct, int apis, Map<String, Integer> byTier,
			Map<String, Integer> byOwner, Map<String, Integer> bySystem, List<Dependent> dependents, String truncated) {
	}

	CatalogBlastRadiusTool(CatalogService catalogs) {
		super(catalogs, DESCRIPTOR, Input.class);
	}

	@Override
	public String target(Input input) {
		return EntityLookup.targetOf(input.ref());
	}

	@Override
	ToolResult call(Catalog catalog, Input input, ToolContext context) {
		Entity target = EntityLookup.require(catalog, "ref", input.ref());
		int limit = context.limit(input.limit(), 50);
		Output output = blastRadius(catalog, target, limit);
		return ToolResult.ok(render(output), output);
	}

	static Output blastRadius(Catalog catalog, Entity target, int limit) {
		int start = catalog.idOf(target.ref());
		CatalogGraph.Walk walk = catalog.graph().walk(start, CatalogGraph.Direction.UPSTREAM, Integer.MAX_VALUE);
		EntityFacets facets = catalog.facets();
		int[] tierCounts = new int[facets.tierLabels.length];
		int[] ownerCounts = new int[facets.ownerRefs.length];
		int[] systemCounts = new int[facets.systemRefs.length];
		int untiered = 0;
		// One bucket per tier (untiered last) keeps breadth-first order inside each tier,
		// so the most critical dependents come out without sorting all of them.
		int[][] buckets = new int[facets.tierLabels.length + 1][];
		int[] bucketSizes = new int[buckets.length];
		int total = 0;
		int direct = 0;
		int apis = 0;
		for (int i = 0; i < walk.reached; i++) {
			int id = walk.order[i];
			// An API breaks with its provider, but it is the path to its consumers, not a
			// dependent of its own: it is counted apart.
			if (facets.api[id]) {
				apis++;
				continue;
			}
			total++;
			int parent = walk.parent(id);
			if (parent == start || (facets.api[parent] && walk.parent(parent) == start)) {
				direct++;
			}
			int tier = facets.tier[id];
			if (tier >= 0) {
				tierCounts[tier]++;
			}
			else {
				untiered++;
			}
			if (facets.owner[id] >= 0) {
				ownerCounts[facets.owner[id]]++;
			}
			if (facets.system[id] >= 0) {
				systemCounts[facets.system[id]]++;
			}
			int bucket = (tier >= 0) ? tier : buckets.length - 1;
			if (bucketSizes[bucket] < limit) {
				if (buckets[bucket] == null) {
					buckets[bucket] = new int[limit];
				}
				buckets[bucket][bucketSizes[bucket]++] = id;
			}
		}
		List<Dependent> dependents = new ArrayList<>();
		for (int b = 0; b < buckets.length && dependents.size() < limit; b++) {
			for (int j = 0; j < bucketSizes[b] && dependents.size() < limit; j++) {
				int id = buckets[b][j];
				List<String> path = pathFrom(catalog, walk, id);
				int hops = (int) path.stream().filter((ref) -> !ref.startsWith("api:")).count() - 1;
				dependents.add(new Dependent(EntitySummary.of(catalog, catalog.get(id)), hops, path));
			}
		}
		Map<String, Integer> byTier = new LinkedHashMap<>();
		for (int t = 0; t < tierCounts.length; t++) {
			if (tierCounts[t] > 0) {
				byTier.put(facets.tierLabels[t], tierCounts[t]);
			}
		}
		if (untiered > 0) {
			byTier.put("unknown", untiered);
		}
		int extra = total - dependents.size();
		return new Output(EntitySummary.of(catalog, target), total, direct, apis, byTier,
				largest(ownerCounts, facets.ownerRefs), largest(systemCounts, facets.systemRefs), dependents,
				(extra > 0) ? "truncated, " + extra + " more: raise 'limit' (up to 200) "
						+ "or use catalog_search with owner/system to narrow" : null);
	}

	private static List<String> pathFrom(Catalog catalog, CatalogGraph.Walk walk, int id) {
		int[] path = walk.pathTo(id);
		List<String> refs = new ArrayList<>(path.length);
		for (int i = path.length - 1; i >= 0; i--) {
			refs.add(catalog.get(path[i]).ref().toString());
		}
		return refs;
	}

	/**
	 * The largest counts, largest first (ties by ref), at most {@value #GROUP_LIMIT},
	 * then the rest.
	 */
	private static Map<String, Integer> largest(int[] counts, EntityRef[] refs) {
		List<Integer> present = new ArrayList<>();
		for (int i = 0; i < counts.length; i++) {
			if (counts[i] > 0) {
				present.add(i);
			}
		}
		present.sort(Comparator.<Integer>comparingInt((i) -> counts[i]).reversed().thenComparing((i) -> refs[i]));
		Map<String, Integer> top = new LinkedHashMap<>();
		int others = 0;
		for (int k = 0; k < present.size(); k++) {
			int i = present.get(k);
			if (k < GROUP_LIMIT) {
				top.put(refs[i].toString(), counts[i]);
			}
			else {
				others += counts[i];
			}
		}
		if (others > 0) {
			top.put("others (" + (present.size() - GROUP_LIMIT) + ")", others);
		}
		return top;
	}

	private static String render(Output output) {
		String target = EntitySummary.shortRef(output.target().ref());
		if (output.total() == 0) {
			return "Nothing in the catalog depends on " + target + ": its failure affects no other entity.";
		}
		StringBuilder text = new StringBuilder();
		text.append("If ")
			.append(target)
			.append(" fails, ")
			.append(output.total())
			.append(output.total() == 1 ? " entity is" : " entities are")
			.append(" affected (")
			.append(output.direct())
			.append(" directly")
			.append((output.apis() > 0) ? ", through " + output.apis() + (output.apis() == 1 ? " API" : " APIs") : "")
			.append(").\nBy tier: ")
			.append(join(output.byTier()))
			.append("\nBy owner: ")
			.append(join(output.byOwner()))
			.append("\nBy system: ")
			.append(output.bySystem().isEmpty() ? "none" : join(output.bySystem()));
		for (Dependent dependent : output.dependents()) {
			text.append("\n- ")
				.append(dependent.entity().toLine())
				.append("\n    path: ")
				.append(String.join(" -> ", dependent.path().stream().map(EntitySummary::shortRef).toList()));
		}
		if (output.truncated() != null) {
			text.append("\n(").append(output.truncated()).append(')');
		}
		return text.toString();
	}

	private static String join(Map<String, Integer> counts) {
		List<String> parts = new ArrayList<>();
		counts
			.forEach((key, count) -> parts.add((key.contains(":") ? EntitySummary.shortRef(key) : key) + " " + count));
		return String.join(", ", parts);
	}

}
