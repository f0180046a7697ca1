package dev.cairn.rego.internal.compile;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.cairn.rego.ErrorCode;
import dev.cairn.rego.ast.Call;
import dev.cairn.rego.ast.Every;
import dev.cairn.rego.ast.Expr;
import dev.cairn.rego.ast.Ref;
import dev.cairn.rego.ast.Rule;
import dev.cairn.rego.ast.SomeDecl;
import dev.cairn.rego.ast.SomeIn;
import dev.cairn.rego.ast.StringTerm;
import dev.cairn.rego.ast.Term;
import dev.cairn.rego.ast.Var;

/**
 * Finds rules and functions that depend on themselves, directly or through others: a rule
 * depends on the rules its refs and calls can reach (all rules below a ref that stops or
 * turns dynamic above them).
 */
final class Recursion {

	private final RuleNode root;

	/** The rule nodes each node's rules depend on. */
	private final Map<RuleNode, Set<RuleNode>> edges = new HashMap<>();

	private final Map<RuleNode, List<String>> paths = new HashMap<>();

	private Recursion(RuleNode root) {
		this.root = root;
	}

	static void check(RuleNode root, Problems problems) {
		Recursion r = new Recursion(root);
		r.index(root, new ArrayList<>());
		List<RuleEntry> entries = new ArrayList<>();
		r.collect(root, entries);
		// Entries are keyed by identity: hashing a record would hash its whole module.
		Map<RuleEntry, Set<RuleNode>> deps = new IdentityHashMap<>();
		Map<RuleEntry, RuleNode> nodes = new IdentityHashMap<>();
		for (RuleEntry e : entries) {
			Set<RuleNode> d = r.dependencies(e);
			RuleNode self = r.root.find(nodePath(e));
			deps.put(e, d);
			nodes.put(e, self);
			r.edges.computeIfAbsent(self, (k) -> new LinkedHashSet<>()).addAll(d);
		}
		Set<RuleNode> cyclic = r.cyclicNodes();
		for (RuleEntry e : entries) {
			RuleNode self = nodes.get(e);
			if (!cyclic.contains(self)) {
				continue;
			}
			List<RuleNode> cycle = r.pathBack(deps.get(e), self);
			if (cycle != null) {
				List<String> names = new ArrayList<>(List.of(r.name(self)));
				cycle.forEach((n) -> names.add(r.name(n)));
				problems.add(ErrorCode.RECURSION_ERROR, e.rule().location(),
						"rule " + r.name(self) + " is recursive: " + String.join(" -> ", names));
			}
		}
	}

	/**
	 * The nodes on a cycle: those in a strongly connected component of more than one
	 * node, or with an edge to themselves (Tarjan's algorithm, iterative so that long
	 * chains of rules cannot overflow the stack).
	 */
	private Set<RuleNode> cyclicNodes() {
		Map<RuleNode, Integer> index = new IdentityHashMap<>();
		Map<RuleNode, Integer> low = new IdentityHashMap<>();
		Set<RuleNode> onStack = Collections.newSetFromMap(new IdentityHashMap<>());
		ArrayDeque<RuleNode> stack = new ArrayDeque<>();
		Set<RuleNode> cyclic = Collections.newSetFromMap(new IdentityHashMap<>());
		int[] counter = { 0 };
		for (RuleNode start : this.edges.keySet()) {
			if (index.containsKey(start)) {
				continue;
			}
			ArrayDeque<Object[]> work = new ArrayDeque<>();
			work.push(new Object[] { start, this.edges.getOrDefault(start, Set.of()).iterator() });
			index.put(start, counter[0]);
			low.put(start, counter[0]++);
			stack.push(start);
			onStack.add(start);
			while (!work.isEmpty()) {
				Object[] frame = work.peek();
				RuleNode node = (RuleNode) frame[0];
				@SuppressWarnings("unchecked")
				java.util.Iterator<RuleNode> next = (java.util.Iterator<RuleNode>) frame[1];
				if (next.hasNext()) {
					RuleNode to = next.next();
					if (!index.containsKey(to)) {
						index.put(to, counter[0]);
						low.put(to, counter[0]++);
						stack.push(to);
						onStack.add(to);
						work.push(new Object[] { to, this.edges.getOrDefault(to, Set.of()).iterator() });
					}
					else if (onStack.contains(to)) {
						low.put(node, Math.min(low.get(node), index.get(to)));
					}
					continue;
				}
				work.pop();
				if (!work.isEmpty()) {
					RuleNode parent = (RuleNode) work.peek()[0];
					low.put(parent, Math.min(low.get(parent), low.get(node)));
				}
				if (low.get(node).equals(index.get(node))) {
					List<RuleNode> component = new ArrayList<>();
					RuleNode member;
					do {
						member = stack.pop();
						onStack.remove(member);
						component.add(member);
					}
					while (member != node);
					if (component.size() > 1 || this.edges.getOrDefault(node, Set.of()).contains(node)) {
						cyclic.addAll(component);
					}
				}
			}
		}
		return cyclic;
	}

	private static List<String> nodePath(RuleEntry e) {
		List<String> path = new ArrayList<>(e.pkg());
		path.addAll(Declarations.staticPath(e.rule()));
		return path;
	}

	private String name(RuleNode node) {
		return "data." + String.join(".", this.paths.get(node));
	}

	private void index(RuleNode node, List<String> path) {
		this.paths.put(node, List.copyOf(path));
		for (Map.Entry<String, RuleNode> child : node.children().entrySet()) {
			path.add(child.getKey());
			index(child.getValue(), path);
			path.remove(path.size() - 1);
		}
	}

	private void collect(RuleNode node, List<RuleEntry> out) {
		out.addAll(node.rules());
		node.children().values().forEach((c) -> collect(c, out));
	}

	/** The shortest path from the dependencies back to {@code self}, ending with it. */
	private List<RuleNode> pathBack(Set<RuleNode> start, RuleNode self) {
		Map<RuleNode, RuleNode> parent = new HashMap<>();
		ArrayDeque<RuleNode> queue = new ArrayDeque<>();
		Set<RuleNode> seen = new HashSet<>();
		for (RuleNode n : start) {
			if (seen.add(n)) {
				queue.add(n);
			}
		}
		while (!queue.isEmpty()) {
			RuleNode n = queue.poll();
			if (n == self) {
				List<RuleNode> path = new ArrayList<>();
				for (RuleNode x = n; x != null; x = parent.get(x)) {
					path.add(0, x);
				}
				return path;
			}
			for (RuleNode next : this.edges.getOrDefault(n, Set.of())) {
				if (seen.add(next)) {
					parent.put(next, n);
					queue.add(next);
				}
			}
		}
		return null;
	}

	private Set<RuleNode> dependencies(RuleEntry entry) {
		Names names = new Names(this.root, entry.module(), entry.pkg());
		Set<String> locals = locals(entry.rule());
		Set<RuleNode> out = new LinkedHashSet<>();
		new Walk() {
			@Override
			void term(Term t, boolean form) {
				if (t instanceof Ref r) {
					ref(r.terms(), names, locals, out);
				}
				else if (t instanceof Var v) {
					ref(List.of(v), names, locals, out);
				}
				else if (t instanceof Call c) {
					ref(c.operator().terms(), names, locals, out);
				}
			}
		}.rule(entry.rule());
		return out;
	}

	private void ref(List<Term> terms, Names names, Set<String> locals, Set<RuleNode> out) {
		if (!(terms.get(0) instanceof Var head) || locals.contains(head.name())) {
			return;
		}
		List<String> resolved = names.resolve(head.name());
		if (resolved == null || !"data".equals(resolved.get(0))) {
			return;
		}
		RuleNode node = this.root.find(resolved.subList(1, resolved.size()));
		if (node != null) {
			match(node, terms, 1, out);
		}
	}

	/**
	 * The rules a ref can reach from a node: the first rules on its static path, and for
	 * a dynamic component, those of every child that the rest of the path can reach.
	 */
	private void match(RuleNode node, List<Term> terms, int i, Set<RuleNode> out) {
		if (!node.rules().isEmpty()) {
			out.add(node);
			return;
		}
		if (i == terms.size()) {
			below(node, out);
			return;
		}
		Term t = terms.get(i);
		String key = (t instanceof StringTerm s) ? s.value()
				: (t instanceof dev.cairn.rego.ast.NumberTerm n) ? n.text() : null;
		if (key != null) {
			RuleNode child = node.child(key);
			if (child != null) {
				match(child, terms, i + 1, out);
			}
		}
		else if (!(t instanceof dev.cairn.rego.ast.Scalar)) {
			node.children().values().forEach((c) -> match(c, terms, i + 1, out));
		}
	}

	private static void below(RuleNode node, Set<RuleNode> out) {
		if (!node.rules().isEmpty()) {
			out.add(node);
		}
		node.children().values().forEach((c) -> below(c, out));
	}

	/** Names a rule declares locally, which hide rules of the same name. */
	private static Set<String> locals(Rule rule) {
		Set<String> out = new HashSet<>();
		Walk w = new Walk() {
			@Override
			void expr(Expr e) {
				if (e.isAssignment()) {
					VarSets.shallow(((Call) e.form()).args().get(0), out);
				}
				else if (e.form() instanceof SomeDecl s) {
					s.vars().forEach((v) -> out.add(v.name()));
				}
				else if (e.form() instanceof SomeIn s) {
					if (s.key() != null) {
						VarSets.shallow(s.key(), out);
					}
					VarSets.shallow(s.value(), out);
				}
				else if (e.form() instanceof Every ev) {
					out.add(ev.value().name());
					if (ev.key() != null) {
						out.add(ev.key().name());
					}
				}
			}
		};
		w.rule(rule);
		for (Rule branch = rule; branch != null; branch = branch.elseRule()) {
			branch.head().args().forEach((a) -> VarSets.shallow(a, out));
		}
		return out;
	}

}
