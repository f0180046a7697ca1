package dev.cairn.rego.internal.compile;

import java.util.ArrayList;
import java.util.List;

import dev.cairn.rego.ast.Import;
import dev.cairn.rego.ast.Module;
import dev.cairn.rego.ast.StringTerm;
import dev.cairn.rego.ast.Term;
import dev.cairn.rego.ast.Var;

/**
 * What a free name in a module or query stands for at compile time: a root document, a
 * rule or package of the module's package, or an import; anything else is a variable. The
 * evaluator resolves names the same way.
 *
 * @param root the rule tree
 * @param module the module, or {@code null} for a query
 * @param pkg the module's package path without {@code data}
 */
record Names(RuleNode root, Module module, List<String> pkg) {

	static Names query(RuleNode root) {
		return new Names(root, null, List.of());
	}

	/** Whether the name is a document rather than a variable. */
	boolean isDocument(String name) {
		return resolve(name) != null;
	}

	/**
	 * {@code [data, ...path]} or {@code [input, ...path]} for a document name,
	 * {@code null} for a variable.
	 */
	List<String> resolve(String name) {
		if ("data".equals(name) || "input".equals(name)) {
			return List.of(name);
		}
		if (this.module == null) {
			return null;
		}
		RuleNode pkgNode = this.root.find(this.pkg);
		if (pkgNode != null && pkgNode.child(name) != null) {
			List<String> path = new ArrayList<>(List.of("data"));
			path.addAll(this.pkg);
			path.add(name);
			return path;
		}
		for (Import imp : this.module.imports()) {
			if (!name.equals(imp.name())) {
				continue;
			}
			List<Term> terms = imp.path().terms();
			if (!(terms.get(0) instanceof Var head) || !("data".equals(head.name()) || "input".equals(head.name()))) {
				continue;
			}
			List<String> path = new ArrayList<>(List.of(head.name()));
			terms.stream().skip(1).forEach((t) -> path.add(((StringTerm) t).value()));
			return path;
		}
		return null;
	}

}
