package dev.cairn.catalog;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.springframework.stereotype.Component;

import dev.cairn.mcp.Range;
import dev.cairn.mcp.ToolContext;
import dev.cairn.mcp.ToolDescriptor;
import dev.cairn.mcp.ToolResult;

/**
 * {@code catalog_dependencies}: what an entity needs (downstream) or what needs it
 * (upstream), to a depth.
 */
@Component
class CatalogDependenciesTool extends CatalogTool<CatalogDependenciesTool.Input> {

	private static final ToolDescriptor DESCRIPTOR = ToolDescriptor.readOnly("catalog_dependencies",
			"Dependency graph of an entity",
			"Walk the dependency graph from one entity. downstream = what it needs (dependsOn, consumed APIs and the "
					+ "components that provide them, subcomponents); upstream = what needs it. Each node is listed once "
					+ "with its depth and the edge that reached it; cycles are detected and reported, never followed twice. "
					+ "Bounded by 'depth' (1-10, default 3) and 'limit' nodes (default 100), with 'truncated, N more'. "
					+ "For everything that breaks when an entity fails, use catalog_blast_radius.");

	enum Direction {

		downstream, upstream

	}

	record Input(@JsonProperty(
			required = true) @JsonPropertyDescription("Entity ref, e.g. payment-api or resource:payments-db") String ref,
			@JsonPropertyDescription("downstream (what it depends on, the default) or upstream (what depends on it)") Direction direction,
			@Range(min = 1,
					max = 10) @JsonPropertyDescription("How many hops to follow, 1-10 (default 3)") Integer depth,
			@Range(min = 1,
					max = 500) @JsonPropertyDescription("Most nodes to return, 1-500 (default 100)") Integer limit) {
	}

	/**
	 * One reached entity.
	 *
	 * @param entity the entity
	 * @param depth hops from the root
	 * @param via the relation on the edge that first reached it
	 * @param from the entity it was reached from
	 */
	record Node(EntitySummary entity, int depth, String via, String from) {
	}

	/**
	 * The walk's result.
	 *
	 * @param root the starting entity
	 * @param direction which way the walk went
	 * @param depth the depth limit used
	 * @param total how many entities were reached within the depth
	 * @param nodes the reached entities in breadth-first order, at most the limit
	 * @param truncated {@code "truncated, N more"} when the limit cut the list
	 * @param moreBeyondDepth whether the graph continues past the depth limit
	 * @param cycles each dependency cycle among the reached entities, as refs
	 */
	record Output(EntitySummary root, String direction, int depth, int total, List<Node> nodes, String truncated,
			boolean moreBeyondDepth, List<List<String>> cycles) {
	}

	CatalogDependenciesTool(CatalogService catalogs) {
		super(catalogs, DESCRIPTOR, Input.class);
	}

	@Override
	public String target(Input input) {
		return EntityLookup.targetOf(input.ref());
	}

	@Override
	ToolResult call(Catalog catalog, Input input, ToolContext context) {
		Entity root = EntityLookup.require(catalog, "ref", input.ref());
		Direction direction = (input.direction() != null) ? input.direction() : Direction.downstream;
		int depth = (input.depth() != null) ? input.depth() : 3;
		int limit = context.limit(input.limit(), 100);
		CatalogGraph graph = catalog.graph();
		CatalogGraph.Walk walk = graph.walk(catalog.idOf(root.ref()), (direction == Direction.downstream)
				? CatalogGraph.Direction.DOWNSTREAM : CatalogGraph.Direction.UPSTREAM, depth);
		List<Node> nodes = new ArrayList<>();
		for (int i = 0; i < Math.min(walk.reached, limit); i++) {
			int id = walk.order[i];
			nodes.add(new Node(EntitySummary.of(catalog, catalog.get(id)), walk.depth(id), walk.via(id),
					catalog.get(walk.parent(id)).ref().toString()));
		}
		List<List<String>> cycles = new ArrayList<>();
		for (int[] cycle : graph.cycles(walk)) {
			List<String> refs = new ArrayList<>();
			for (int id : cycle) {
				refs.add(catalog.get(id).ref().toString());
			}
			cycles.add(refs);
		}
		int extra = walk.reached - nodes.size();
		Output output = new Output(EntitySummary.of(catalog, root), direction.name(), depth, walk.reached, nodes,
				(extra > 0) ? "truncated, " + extra + " more: raise 'limit' or lower 'depth'" : null, walk.depthLimited,
				cycles);
		return ToolResult.ok(render(output), output);
	}

	private static String render(Output output) {
		StringBuilder text = new StringBuilder();
		String root = EntitySummary.shortRef(output.root().ref());
		if (output.total() == 0) {
			text.append(root)
				.append(output.direction().equals("downstream") ? " depends on nothing in the catalog."
						: " has no dependents in the catalog.");
			return text.toString();
		}
		text.append(output.direction().equals("downstream") ? root + " depends on " : "Depending on " + root + ": ")
			.append(output.total())
			.append(output.total() == 1 ? " entity" : " entities")
			.append(" within ")
			.append(output.depth())
			.append(output.depth() == 1 ? " hop:" : " hops:");
		for (Node node : output.nodes()) {
			text.append("\n- [")
				.append(node.depth())
				.append("] ")
				.append(node.entity().toLine())
				.append("  (")
				.append(node.via())
				.append(" from ")
				.append(EntitySummary.shortRef(node.from()))
				.append(')');
		}
		if (output.truncated() != null) {
			text.append("\n(").append(output.truncated()).append(')');
		}
		if (output.moreBeyondDepth()) {
			text.append("\n(the graph continues beyond depth ").append(output.depth()).append(')');
		}
		for (List<String> cycle : output.cycles()) {
			text.append("\nCycle: ").append(String.join(" <-> ", cycle.stream().map(EntitySummary::shortRef).toList()));
		}
		return text.toString();
	}

}
