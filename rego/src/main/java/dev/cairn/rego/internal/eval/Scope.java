package dev.cairn.rego.internal.eval;

import java.util.List;

import dev.cairn.rego.ast.Module;

/**
 * Where names are resolved: in a module (its package's rules and its imports), or in a
 * query, which sees only {@code data} and {@code input}.
 *
 * @param module the module, or {@code null} for a query
 * @param pkg the module's package path without {@code data}
 */
record Scope(Module module, List<String> pkg) {

	static final Scope QUERY = new Scope(null, List.of());

}
