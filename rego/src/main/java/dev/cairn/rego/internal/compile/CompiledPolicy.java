package dev.cairn.rego.internal.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

import dev.cairn.rego.ast.Body;
import dev.cairn.rego.ast.Module;
import dev.cairn.rego.ast.Rule;
import dev.cairn.rego.ast.StringTerm;
import dev.cairn.rego.ast.Term;
import dev.cairn.rego.value.ObjectValue;

/**
 * Modules and base data, compiled once and shared by all evaluations: checked as OPA's
 * compiler checks them, with every body in evaluation order, and the rules arranged in a
 * tree by their path under {@code data}.
 *
 * @param modules the modules, bodies ordered for evaluation
 * @param data the base document
 * @param root the rule tree's root, standing for {@code data}
 * @param builtinArity the number of arguments of each builtin, -1 for unknown names
 */
public record CompiledPolicy(List<Module> modules, ObjectValue data, RuleNode root,
		ToIntFunction<String> builtinArity) {

	public CompiledPolicy {
		modules = List.copyOf(modules);
	}

	/** An empty policy, for evaluating terms on their own. */
	public static CompiledPolicy empty(ToIntFunction<String> builtinArity) {
		return compile(List.of(), ObjectValue.EMPTY, builtinArity);
	}

	/**
	 * Checks and compiles modules against data.
	 * @param builtinArity the number of arguments of each builtin, -1 for unknown names
	 * @throws dev.cairn.rego.RegoException for compile errors (all of the first failing
	 * stage)
	 */
	public static CompiledPolicy compile(List<Module> modules, ObjectValue data, ToIntFunction<String> builtinArity) {
		RuleNode checked = tree(modules);
		List<Module> ordered = new Compiler(checked, new Calls(checked, builtinArity)).modules(modules);
		RuleNode root = tree(ordered);
		Compiler.stage((p) -> Recursion.check(root, p));
		new Compiler(root, new Calls(root, builtinArity)).types(ordered);
		return new CompiledPolicy(ordered, data, root, builtinArity);
	}

	/**
	 * Checks a query against the modules and returns it in evaluation order.
	 * @throws dev.cairn.rego.RegoException for compile errors
	 */
	public Body prepare(Body query) {
		return new Compiler(this.root, new Calls(this.root, this.builtinArity)).query(query);
	}

	/** A term with the bodies of its comprehensions in evaluation order. */
	public Term prepare(Term term) {
		return new Compiler(this.root, new Calls(this.root, this.builtinArity)).term(term);
	}

	private static RuleNode tree(List<Module> modules) {
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
				// Everything after the first dynamic term of the head is the suffix.
				pkgNode.descend(path).add(new RuleEntry(rule, module, pkg, terms.subList(i, terms.size())));
			}
		}
		return root;
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
