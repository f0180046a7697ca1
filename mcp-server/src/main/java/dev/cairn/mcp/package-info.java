/**
 * MCP wiring only: the one registrar that turns every {@link dev.cairn.mcp.CairnTool}
 * into an MCP tool, the guarded handler every call goes through, argument binding and
 * schemas, result mapping, and the HTTP transport with its Host/Origin checks. Feature
 * packages implement tools; nothing here knows what a tool does.
 */
package dev.cairn.mcp;
