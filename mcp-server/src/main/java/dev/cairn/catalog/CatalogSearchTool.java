package dev.cairn.catalog;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.springframework.stereotype.Component;

import dev.cairn.mcp.Range;
import dev.cairn.mcp.ToolContext;
import dev.cairn.mcp.ToolDescriptor;
import dev.cairn.mcp.ToolInputException;
import dev.cairn.mcp.ToolResult;

/**
 * {@code catalog_search}: find entities by kind, type, owner, system, domain, lifecycle,
 * tier, tags and free text, a page at a time.
 */
@Component
class CatalogSearchTool extends CatalogTool<CatalogSearchTool.Input> {

	private static final ToolDescriptor DESCRIPTOR = ToolDescriptor.readOnly("catalog_search", "Search the catalog",
			"Search the software catalog (services, websites, libraries, APIs, databases, queues, systems, domains, "
					+ "teams, people). All filters are optional and combine with AND; 'query' matches every word "
					+ "against name, title, description, tags and type. Returns one line per entity (ref, title, type, "
					+ "lifecycle, tier, owner, system), at most 'limit' per call; when more match, the answer says "
					+ "'truncated, N more' and the offset to pass next. Use catalog_get_entity for one entity's details.");

	record Input(
			@JsonPropertyDescription("Free text: every word must match name, title, description, tags or type") String query,
			@JsonPropertyDescription("Entity kind: Component, API, Resource, System, Domain, Group, User, Location or Template") String kind,
			@JsonPropertyDescription("spec.type, for example service, website, library, openapi, database, team") String type,
			@JsonPropertyDescription("Owner entity ref; a bare name means a group, e.g. team-payments or user:maya") String owner,
			@JsonPropertyDescription("System entity ref or name, e.g. payments") String system,
			@JsonPropertyDescription("Domain entity ref or name, e.g. commerce") String domain,
			@JsonPropertyDescription("spec.lifecycle, e.g. production, experimental, deprecated") String lifecycle,
			@JsonPropertyDescription("Tier label, e.g. tier-1") String tier,
			@JsonPropertyDescription("Tags the entity must all have, e.g. [\"pci\"]") List<String> tags,
			@Range(min = 1, max = 100) @JsonPropertyDescription("Page size, 1-100 (default 20)") Integer limit,
			@Range(min = 0,
					max = Integer.MAX_VALUE) @JsonPropertyDescription("How many matches to skip (default 0)") Integer offset) {
	}

	/**
	 * One page of matches.
	 *
	 * @param total how many entities match
	 * @param offset the index of the first item
	 * @param items the page
	 * @param truncated {@code "truncated, N more"} with the next offset, when there are
	 * more
	 * @param notes hints when a filter names something that is not in the catalog
	 */
	record Output(int total, int offset, List<EntitySummary> items, String truncated, List<String> notes) {
	}

	CatalogSearchTool(CatalogService catalogs) {
		super(catalogs, DESCRIPTOR, Input.class);
	}

	@Override
	ToolResult call(Catalog catalog, Input input, ToolContext context) {
		List<String> notes = new ArrayList<>();
		String kind = null;
		if (input.kind() != null && !input.kind().isBlank()) {
			kind = EntityKinds.canonical(input.kind().trim());
			if (kind == null) {
				throw new ToolInputException("kind", "unknown kind \"" + input.kind() + "\"; use one of "
						+ String.join(", ", EntityKinds.CANONICAL.values().stream().sorted().toList()));
			}
		}
		CatalogSearch.Query query = new CatalogSearch.Query(blankToNull(input.query()), kind, blankToNull(input.type()),
				ref(catalog, "owner", input.owner(), "group", notes),
				ref(catalog, "system", input.system(), "system", notes),
				ref(catalog, "domain", input.domain(), "domain", notes), blankToNull(input.lifecycle()),
				blankToNull(input.tier()), input.tags());
		List<Entity> matches = CatalogSearch.search(catalog, query);
		int limit = context.limit(input.limit(), 20);
		int offset = (input.offset() != null) ? input.offset() : 0;
		List<EntitySummary> page = new ArrayList<>();
		for (int i = offset; i < Math.min(matches.size(), offset + limit); i++) {
			page.add(EntitySummary.of(catalog, matches.get(i)));
		}
		int remaining = matches.size() - offset - page.size();
		String truncated = (remaining > 0)
				? "truncated, " + remaining + " more: call again with offset=" + (offset + page.size()) : null;
		Output output = new Output(matches.size(), offset, page, truncated, notes.isEmpty() ? null : notes);
		return ToolResult.ok(render(output), output);
	}

	private static EntityRef ref(Catalog catalog, String field, String value, String defaultKind, List<String> notes) {
		if (value == null || value.isBlank()) {
			return null;
		}
		EntityRef ref;
		try {
			ref = EntityRef.parse(value, defaultKind, EntityRef.DEFAULT_NAMESPACE);
		}
		catch (IllegalArgumentException ex) {
			throw new ToolInputException(field, ex.getMessage());
		}
		if (catalog.find(ref).isEmpty()) {
			notes.add(field + " " + ref + " is not in the catalog; search with kind="
					+ EntityKinds.canonical(ref.kind()) + " to find the right name");
		}
		return ref;
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

	private static String render(Output output) {
		StringBuilder text = new StringBuilder();
		if (output.total() == 0) {
			text.append("No entities match.");
		}
		else if (output.items().isEmpty()) {
			text.append(output.total()).append(" entities match, none at offset ").append(output.offset()).append('.');
		}
		else {
			text.append(output.total())
				.append(output.total() == 1 ? " entity matches" : " entities match")
				.append(" (showing ")
				.append(output.offset() + 1)
				.append('-')
				.append(output.offset() + output.items().size())
				.append("):");
			for (EntitySummary item : output.items()) {
				text.append("\n- ").append(item.toLine());
			}
		}
		if (output.truncated() != null) {
			text.append("\n(").append(output.truncated()).append(')');
		}
		if (output.notes() != null) {
			output.notes().forEach((note) -> text.append("\nNote: ").append(note));
		}
		return text.toString();
	}

}
