package dev.cairn.rego.internal.compile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.cairn.rego.ErrorCode;
import dev.cairn.rego.ast.Call;
import dev.cairn.rego.ast.Expr;
import dev.cairn.rego.ast.Import;
import dev.cairn.rego.ast.Module;
import dev.cairn.rego.ast.Printer;
import dev.cairn.rego.ast.Ref;
import dev.cairn.rego.ast.Rule;
import dev.cairn.rego.ast.RuleHead;
import dev.cairn.rego.ast.Term;
import dev.cairn.rego.ast.Var;

/**
 * Checks of what modules declare, before any body is looked at: imports, names that
 * shadow {@code input} or {@code data}, and rules of one path that cannot be combined.
 */
final class Declarations {

	private Declarations() {
	}

	/** Two imports binding the same name in one module. */
	static void duplicateImports(List<Module> modules, Problems problems) {
		for (Module module : modules) {
			Map<String, Import> seen = new HashMap<>();
			for (Import imp : module.imports()) {
				String root = ((Var) imp.path().head()).name();
				if (!"data".equals(root) && !"input".equals(root)) {
					continue;
				}
				Import before = seen.putIfAbsent(imp.name(), imp);
				if (before != null) {
					problems.add(ErrorCode.COMPILE_ERROR, imp.location(), "import must not shadow " + print(before));
				}
			}
		}
	}

	private static String print(Import imp) {
		return "import " + Printer.print(imp.path()) + ((imp.alias() != null) ? " as " + imp.alias() : "");
	}

	/** Rules, arguments and assigned variables named {@code input} or {@code data}. */
	static void rootShadowing(List<Module> modules, Problems problems) {
		for (Module module : modules) {
			for (Rule rule : module.rules()) {
				String name = rule.head().name();
				if (isRoot(name)) {
					problems.add(ErrorCode.COMPILE_ERROR, rule.location(),
							"rules must not shadow " + name + " (use a different rule name)");
				}
				for (Term arg : rule.head().args()) {
					if (rootName(arg) != null) {
						problems.add(ErrorCode.COMPILE_ERROR, arg.location(),
								"args must not shadow " + rootName(arg) + " (use a different variable name)");
					}
				}
				assignments(problems).rule(rule);
			}
		}
	}

	/** The same check for the assignments of a query. */
	static void rootShadowingInQuery(List<Expr> query, Problems problems) {
		assignments(problems).body(query);
	}

	private static Walk assignments(Problems problems) {
		return new Walk() {
			@Override
			void expr(Expr e) {
				if (e.isAssignment()) {
					String name = rootName(((Call) e.form()).args().get(0));
					if (name != null) {
						problems.add(ErrorCode.COMPILE_ERROR, e.location(),
								"variables must not shadow " + name + " (use a different variable name)");
					}
				}
			}
		};
	}

	private static boolean isRoot(String name) {
		return "input".equals(name) || "data".equals(name);
	}

	private static String rootName(Term t) {
		if (t instanceof Ref r && r.terms().size() == 1 && r.head() instanceof Var v && isRoot(v.name())) {
			return v.name();
		}
		return (t instanceof Var v && isRoot(v.name())) ? v.name() : null;
	}

	/**
	 * Rules of one path that mix kinds (single value, multi-value, functions of different
	 * arities, complete and partial), more than one default, and complete rules with
	 * rules or packages below them.
	 */
	static void conflicts(RuleNode root, List<Module> modules, Problems problems) {
		nodeConflicts(root, new ArrayList<>(), problems);
		Map<List<String>, Module> packages = new HashMap<>();
		modules.forEach((m) -> packages.putIfAbsent(CompiledPolicy.packagePath(m), m));
		for (Module module : modules) {
			List<String> pkg = CompiledPolicy.packagePath(module);
			for (Rule rule : module.rules()) {
				List<String> path = new ArrayList<>(pkg);
				path.addAll(staticPath(rule));
				Module child = packages.get(path);
				if (child != null && isGround(rule) && child != module) {
					problems.add(ErrorCode.TYPE_ERROR, module.pkg().location(),
							"package " + String.join(".", path) + " conflicts with rule "
									+ Printer.print(rule.head().ref()) + " defined at " + rule.location());
				}
			}
		}
	}

	private static void nodeConflicts(RuleNode node, List<String> path, Problems problems) {
		List<RuleEntry> rules = node.rules();
		if (!rules.isEmpty()) {
			String name = "data." + String.join(".", path);
			java.util.Set<Boolean> multi = new java.util.HashSet<>();
			java.util.Set<Integer> arities = new java.util.HashSet<>();
			int complete = 0;
			int partial = 0;
			boolean ground = false;
			List<Rule> defaults = new ArrayList<>();
			for (RuleEntry r : rules) {
				RuleHead head = r.rule().head();
				multi.add(head.kind() == RuleHead.Kind.MULTI_VALUE);
				arities.add(head.args().size());
				if (r.rule().isDefault()) {
					defaults.add(r.rule());
				}
				if (r.suffix().isEmpty() && head.kind() != RuleHead.Kind.MULTI_VALUE) {
					complete++;
				}
				else {
					partial++;
				}
				ground |= r.suffix().isEmpty();
			}
			dev.cairn.rego.Location first = rules.get(0).rule().location();
			List<String> below = ground ? descendants(node, path) : List.of();
			if (!below.isEmpty()) {
				problems.add(ErrorCode.TYPE_ERROR, first, "rule " + name + " conflicts with " + below);
			}
			else if (multi.size() > 1 || arities.size() > 1 || (complete > 0 && partial > 0)) {
				problems.add(ErrorCode.TYPE_ERROR, first, "conflicting rules " + name + " found");
			}
			else if (defaults.size() > 1) {
				problems.add(ErrorCode.TYPE_ERROR, defaults.get(0).location(), "multiple default rules " + name
						+ " found at "
						+ defaults.stream().map((d) -> d.location().toString()).collect(Collectors.joining(", ")));
			}
		}
		for (Map.Entry<String, RuleNode> child : node.children().entrySet()) {
			path.add(child.getKey());
			nodeConflicts(child.getValue(), path, problems);
			path.remove(path.size() - 1);
		}
	}

	private static List<String> descendants(RuleNode node, List<String> path) {
		List<String> out = new ArrayList<>();
		for (Map.Entry<String, RuleNode> child : node.children().entrySet()) {
			List<String> childPath = new ArrayList<>(path);
			childPath.add(child.getKey());
			if (!child.getValue().rules().isEmpty()) {
				out.add("data." + String.join(".", childPath));
			}
			out.addAll(descendants(child.getValue(), childPath));
		}
		return out;
	}

	private static boolean isGround(Rule rule) {
		return staticPath(rule).size() == rule.head().ref().terms().size();
	}

	/** The rule's path up to its first non-string component. */
	static List<String> staticPath(Rule rule) {
		List<Term> terms = rule.head().ref().terms();
		List<String> path = new ArrayList<>(List.of(rule.head().name()));
		for (int i = 1; i < terms.size() && terms.get(i) instanceof dev.cairn.rego.ast.StringTerm s; i++) {
			path.add(s.value());
		}
		return path;
	}

}
