package dev.cairn.rego.internal.compile;

import java.util.List;

import dev.cairn.rego.ast.Module;
import dev.cairn.rego.ast.Rule;
import dev.cairn.rego.ast.Term;

/**
 * A rule in the tree, with what evaluating it needs: its module (for imports), its
 * package path, and the head terms after its static path.
 *
 * @param rule the rule
 * @param module the module declaring it
 * @param pkg the package path without {@code data}
 * @param suffix head terms after the first non-string one, for example {@code [x]} in
 * {@code p[x] := 1}; empty for most rules
 */
public record RuleEntry(Rule rule, Module module, List<String> pkg, List<Term> suffix) {

	public RuleEntry {
		suffix = List.copyOf(suffix);
	}

}
