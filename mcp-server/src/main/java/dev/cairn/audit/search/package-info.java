/**
 * Reading the audit trail: the {@code audit_search} MCP tool and {@code GET /api/audit},
 * with the same filters, bounds and wording. Kept apart from {@code dev.cairn.audit} so
 * that the trail itself depends on no channel (the MCP guard writes to it). For now any
 * identified caller may read the trail; the policy layer (issue 4) will decide who may.
 */
package dev.cairn.audit.search;
