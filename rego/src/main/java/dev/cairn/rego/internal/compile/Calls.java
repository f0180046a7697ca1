package dev.cairn.rego.internal.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

import dev.cairn.rego.ast.Call;
import dev.cairn.rego.ast.Ref;
import dev.cairn.rego.ast.RuleHead;
import dev.cairn.rego.ast.StringTerm;
import dev.cairn.rego.ast.Term;
import dev.cairn.rego.ast.Var;

/**
 * Resolves what a call calls: a user function in the rule tree, or a builtin.
 *
 * @param root the rule tree
 * @param builtinArity the number of arguments of a builtin, -1 when there is none of that
 * name
 */
record Calls(RuleNode root, ToIntFunction<String> builtinArity) {

	/** The definitions of the user function an operator names, or {@code null}. */
	List<RuleEntry> userFunction(Ref operator, Names names) {
		List<String> path = dataPath(operator, names);
		RuleNode node = (path != null) ? this.root.find(path) : null;
		if (node == null) {
			return null;
		}
		List<RuleEntry> functions = node.rules()
			.stream()
			.filter((r) -> r.rule().head().kind() == RuleHead.Kind.FUNCTION)
			.toList();
		return functions.isEmpty() ? null : functions;
	}

	/**
	 * The path under {@code data} that an operator refers to, without {@code data}, or
	 * {@code null} when it is not a static path into {@code data}.
	 */
	static List<String> dataPath(Ref ref, Names names) {
		if (!(ref.head() instanceof Var head)) {
			return null;
		}
		List<String> resolved = names.resolve(head.name());
		if (resolved == null || !"data".equals(resolved.get(0))) {
			return null;
		}
		List<String> path = new ArrayList<>(resolved.subList(1, resolved.size()));
		for (Term t : ref.terms().subList(1, ref.terms().size())) {
			if (!(t instanceof StringTerm s)) {
				return null;
			}
			path.add(s.value());
		}
		return path;
	}

	/** The number of arguments a call's function takes, -1 when it is unknown. */
	int arity(Call c, Names names) {
		List<RuleEntry> functions = userFunction(c.operator(), names);
		if (functions != null) {
			return functions.get(0).rule().head().args().size();
		}
		return this.builtinArity.applyAsInt(c.name());
	}

}
