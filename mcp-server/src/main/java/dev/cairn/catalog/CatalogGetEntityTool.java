package dev.cairn.catalog;

import java.time.Clock;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.springframework.stereotype.Component;

import dev.cairn.mcp.ToolContext;
import dev.cairn.mcp.ToolDescriptor;
import dev.cairn.mcp.ToolResult;

/**
 * {@code catalog_get_entity}: one entity with its relations, owner and on-call.
 */
@Component
class CatalogGetEntityTool extends CatalogTool<CatalogGetEntityTool.Input> {

	private static final ToolDescriptor DESCRIPTOR = ToolDescriptor.readOnly("catalog_get_entity",
			"Get a catalog entity",
			"Get one catalog entity by ref: its metadata (title, description, labels, annotations, tags, links), "
					+ "spec, relations grouped by type (ownedBy, dependsOn, providesApi, partOf, hasMember, ...), its owner, "
					+ "and who is on call now and next. A ref may be short: 'payment-api' means component:default/payment-api, "
					+ "'group:team-payments' a group. Relation lists are bounded (25 per type, with 'truncated, N more').");

	record Input(@JsonProperty(
			required = true) @JsonPropertyDescription("Entity ref: kind:namespace/name, kind:name, or a component name") String ref) {
	}

	private final Clock clock;

	CatalogGetEntityTool(CatalogService catalogs, Clock clock) {
		super(catalogs, DESCRIPTOR, Input.class);
		this.clock = clock;
	}

	@Override
	public String target(Input input) {
		return EntityLookup.targetOf(input.ref());
	}

	@Override
	ToolResult call(Catalog catalog, Input input, ToolContext context) {
		Entity entity = EntityLookup.require(catalog, "ref", input.ref());
		EntityDetail detail = EntityDetail.of(catalog, entity, this.clock);
		return ToolResult.ok(detail.toText(), detail);
	}

}
