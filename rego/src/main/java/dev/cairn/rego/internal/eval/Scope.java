package dev.cairn.rego.internal.eval;

import java.util.List;

import dev.cairn.rego.ast.Module;
import dev.cairn.rego.internal.compile.RuleEntry;

/**
 * Where names are resolved: in a module (its package's rules and its imports), or in a
 * query, which sees only {@code data} and {@code input}.
 *
 * @param module the module, or {@code null} for a query
 * @param pkg the module's package path without {@code data}
 * @param rule the rule being evaluated, or {@code null} for a query
 */
record Scope(Module module, List<String> pkg, RuleEntry rule) {

	static final Scope QUERY = new Scope(null, List.of(), null);

}
