package dev.cairn.catalog;

import dev.cairn.mcp.DescribedTool;
import dev.cairn.mcp.ToolContext;
import dev.cairn.mcp.ToolDescriptor;
import dev.cairn.mcp.ToolResult;

/**
 * A catalog tool: it answers from one catalog snapshot, taken once per call, so a reload
 * in the middle of a call cannot mix two versions of the catalog in one answer.
 *
 * @param <I> the input record
 */
abstract class CatalogTool<I> extends DescribedTool<I> {

	private final CatalogService catalogs;

	CatalogTool(CatalogService catalogs, ToolDescriptor descriptor, Class<I> inputType) {
		super(descriptor, inputType);
		this.catalogs = catalogs;
	}

	@Override
	public final ToolResult call(I input, ToolContext context) {
		return call(this.catalogs.current(), input, context);
	}

	abstract ToolResult call(Catalog catalog, I input, ToolContext context);

}
