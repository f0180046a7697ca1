package dev.cairn.rego.internal.compile;

import java.util.ArrayList;
import java.util.List;

import dev.cairn.rego.ast.Module;
import dev.cairn.rego.ast.Rule;
import dev.cairn.rego.ast.StringTerm;
import dev.cairn.rego.ast.Term;
import dev.cairn.rego.value.ObjectValue;

/**
 * Modules and base data, compiled once and shared by all evaluations: the rules are
 * arranged in a tree by their path under {@code data}.
 *
 * @param modules the modules
 * @param data the base document
 * @param root the rule tree's root, standing for {@code data}
 */
public record CompiledPolicy(List<Module> modules, ObjectValue data, RuleNode root) {

	public CompiledPolicy {
		modules = List.copyOf(modules);
	}

	/** An empty policy, for evaluating terms on their own. */
	public static CompiledPolicy empty() {
		return compile(List.of(), ObjectValue.EMPTY);
	}

	/** Compiles modules against data. */
	public static CompiledPolicy compile(List<Module> modules, ObjectValue data) {
		RuleNode root = new RuleNode();
		for (Module module : modules) {
			List<String> pkg = packagePath(module);
			RuleNode pkgNode = root.descend(pkg);
			pkgNode.addPackage();
			for (Rule rule : module.rules()) {
				List<Term> terms = rule.head().ref().terms();
				List<String> path = new ArrayList<>(List.of(rule.head().name()));
				int i = 1;
				while (i < terms.size() && terms.get(i) instanceof StringTerm s) {
					path.add(s.value());
					i++;
				}
				// The last static component of a partial set or object rule with a var
				// key
				// stays in the path; everything after the first dynamic term is the
				// suffix.
				pkgNode.descend(path).add(new RuleEntry(rule, module, pkg, terms.subList(i, terms.size())));
			}
		}
		return new CompiledPolicy(modules, data, root);
	}

	/** The package path of a module without {@code data}, for example {@code [a, b]}. */
	public static List<String> packagePath(Module module) {
		List<String> path = new ArrayList<>();
		List<Term> terms = module.pkg().path().terms();
		for (Term t : terms.subList(1, terms.size())) {
			path.add(((StringTerm) t).value());
		}
		return path;
	}

}
