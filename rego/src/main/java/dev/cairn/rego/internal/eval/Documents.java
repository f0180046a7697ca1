package dev.cairn.rego.internal.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import dev.cairn.rego.ErrorCode;
import dev.cairn.rego.RegoException;
import dev.cairn.rego.ast.Import;
import dev.cairn.rego.ast.Ref;
import dev.cairn.rego.ast.StringTerm;
import dev.cairn.rego.ast.Term;
import dev.cairn.rego.ast.Var;
import dev.cairn.rego.internal.compile.RuleNode;
import dev.cairn.rego.value.ArrayValue;
import dev.cairn.rego.value.NumberValue;
import dev.cairn.rego.value.ObjectValue;
import dev.cairn.rego.value.SetValue;
import dev.cairn.rego.value.StringValue;
import dev.cairn.rego.value.Value;

/**
 * Follows references into {@code input}, local values and {@code data}, where the rule
 * tree and the base document meet: a path that reaches rules evaluates them, a path past
 * them continues in base data.
 */
final class Documents {

	private final Evaluator ev;

	private static final List<String> DATA = List.of("data");

	private static final List<String> INPUT = List.of("input");

	Documents(Evaluator ev) {
		this.ev = ev;
	}

	/**
	 * What a free name stands for: {@code [data, ...path]} or {@code [input, ...path]},
	 * or {@code null} when it is an ordinary variable.
	 */
	List<String> resolve(String name, Scope scope) {
		if ("data".equals(name)) {
			return DATA;
		}
		if ("input".equals(name)) {
			return INPUT;
		}
		if (scope.module() == null) {
			return null;
		}
		// The same name in the same module always means the same: resolved once.
		Map<String, Optional<List<String>>> names = this.ev.memo.get(scope.module(), (m) -> new ConcurrentHashMap<>());
		Optional<List<String>> resolved = names.get(name);
		if (resolved == null) {
			List<String> path = resolveInModule(name, scope);
			resolved = Optional.ofNullable((path != null) ? List.copyOf(path) : null);
			names.put(name, resolved);
		}
		return resolved.orElse(null);
	}

	private List<String> resolveInModule(String name, Scope scope) {
		List<String> pkgPath = new ArrayList<>(List.of("data"));
		pkgPath.addAll(scope.pkg());
		RuleNode pkg = node(scope.pkg());
		if (pkg != null && pkg.child(name) != null) {
			pkgPath.add(name);
			return pkgPath;
		}
		for (Import imp : scope.module().imports()) {
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

	RuleNode node(List<String> path) {
		RuleNode node = this.ev.policy.root();
		for (String name : path) {
			node = (node != null) ? node.child(name) : null;
		}
		return node;
	}

	void ref(Ref r, Context ctx, Scope scope, Env env, Evaluator.Values k) {
		Term head = r.head();
		if (!(head instanceof Var v)) {
			this.ev.terms.eval(head, ctx, scope, env, (value, e) -> walkValue(value, r.terms(), 1, ctx, scope, e, k));
			return;
		}
		Env entry = v.isWildcard() ? null : env.find(v.name());
		if (entry != null) {
			Value value = entry.value();
			if (value == null) {
				throw Terms.unsafe(v);
			}
			walkValue(value, r.terms(), 1, ctx, scope, env, k);
			return;
		}
		rooted(r, v, ctx, scope, env, k);
	}

	/** A variable that is not bound: {@code input}, {@code data}, a rule or an import. */
	void free(Var v, Context ctx, Scope scope, Env env, Evaluator.Values k) {
		rooted(v, v, ctx, scope, env, k);
	}

	/**
	 * A ref from a root document; {@code key}, the ref or variable as written, keys the
	 * work done once: the name's resolution and the walk of its static prefix through the
	 * rule tree.
	 */
	private void rooted(Term key, Var v, Context ctx, Scope scope, Env env, Evaluator.Values k) {
		Rooted plan = plan(key, v, scope);
		if (plan == null) {
			throw Terms.unsafe(v);
		}
		if (plan.input()) {
			if (ctx.input != null) {
				walkValue(ctx.input, plan.terms(), 0, ctx, scope, env, k);
			}
			return;
		}
		if (!ctx.overrides.isEmpty()) {
			walkData(new ArrayList<>(), this.ev.policy.root(), plan.terms(), 0, ctx, scope, env, k);
			return;
		}
		if (plan.node() == null) {
			Value base = baseAt(ctx.data, plan.path());
			if (base != null) {
				walkBase(base, plan.terms(), plan.start(), ctx, scope, env, k);
			}
			return;
		}
		walkData(plan.path(), plan.node(), plan.terms(), plan.start(), ctx, scope, env, k);
	}

	private Rooted plan(Term key, Var v, Scope scope) {
		if (v.isWildcard()) {
			return null;
		}
		Rooted plan = this.ev.memo.get(key);
		if (plan == null) {
			List<Term> rest = (key instanceof Ref r) ? r.terms().subList(1, r.terms().size()) : List.of();
			plan = this.ev.memo.get(key, (x) -> rooted(v, rest, scope));
		}
		return plan;
	}

	/**
	 * The value of a ref from a root document ({@code key}: the ref, or a bare free
	 * variable {@code v}) as {@link #rooted} would give it, when it has one value at most
	 * and binds nothing; see {@link Terms#direct}.
	 */
	Value direct(Term key, Var v, Context ctx, Scope scope, Env env) {
		Rooted plan = plan(key, v, scope);
		if (plan == null) {
			return Terms.NOT_SIMPLE;
		}
		List<Term> ts = plan.terms();
		if (plan.input()) {
			return (ctx.input != null) ? direct(ctx.input, ts, 0, ctx, scope, env) : null;
		}
		if (!ctx.overrides.isEmpty() || (plan.node() != null && !plan.node().hasRules() && plan.start() < ts.size())) {
			return Terms.NOT_SIMPLE;
		}
		if (plan.node() != null) {
			Value value = fullValue(plan.path(), plan.node(), ctx);
			return (value != null) ? direct(value, ts, plan.start(), ctx, scope, env) : null;
		}
		// As walkBase: string keys (integers for their text) while in objects.
		Value cur = baseAt(ctx.data, plan.path());
		int i = plan.start();
		while (cur instanceof ObjectValue object && i < ts.size()) {
			Value name = this.ev.terms.direct(ts.get(i++), ctx, scope, env);
			if (name == Terms.NOT_SIMPLE) {
				return name;
			}
			cur = (name instanceof StringValue) ? object.get(name)
					: (name instanceof NumberValue n && n.isInteger()) ? object.get(n.toString()) : null;
		}
		return (cur != null) ? direct(cur, ts, i, ctx, scope, env) : null;
	}

	/** As {@link #walkValue}, for {@link Terms#direct}. */
	Value direct(Value cur, List<Term> ts, int i, Context ctx, Scope scope, Env env) {
		Value value = cur;
		for (int j = i; j < ts.size() && value != null; j++) {
			Value key = this.ev.terms.direct(ts.get(j), ctx, scope, env);
			if (key == Terms.NOT_SIMPLE) {
				return key;
			}
			value = (key != null) ? lookup(value, key) : null;
		}
		return value;
	}

	private Rooted rooted(Var v, List<Term> rest, Scope scope) {
		List<String> resolved = resolve(v.name(), scope);
		if (resolved == null) {
			return null;
		}
		List<Term> terms = new ArrayList<>();
		resolved.stream().skip(1).forEach((s) -> terms.add(new StringTerm(v.location(), s)));
		terms.addAll(rest);
		if ("input".equals(resolved.get(0))) {
			return new Rooted(true, List.copyOf(terms), List.of(), null, 0);
		}
		// Static steps through nodes without rules are the same in every evaluation (when
		// `with` replaces no data): taken here once. Evaluation starts at the first node
		// with rules, or where the rule tree ends and only base data is left.
		List<String> path = new ArrayList<>();
		RuleNode node = this.ev.policy.root();
		int i = 0;
		while (node != null && !node.hasRules() && i < terms.size() && terms.get(i) instanceof StringTerm s) {
			path.add(s.value());
			node = node.child(s.value());
			i++;
		}
		return new Rooted(false, List.copyOf(terms), List.copyOf(path), node, i);
	}

	/**
	 * A ref from a root document, resolved.
	 *
	 * @param input whether it starts at {@code input}
	 * @param terms the ref's terms after the root, the name's own path first
	 * @param path the static path taken through the rule tree
	 * @param node the node reached, or {@code null} when the path left the rule tree
	 * @param start the first term not taken
	 */
	private record Rooted(boolean input, List<Term> terms, List<String> path, RuleNode node, int start) {
	}

	/**
	 * Walks base data where there are no rules and no replaced documents, as
	 * {@link #walkData} does there without building paths: keys are strings, and integers
	 * stand for their text.
	 */
	private void walkBase(Value cur, List<Term> ts, int i, Context ctx, Scope scope, Env env, Evaluator.Values k) {
		if (i == ts.size() || !(cur instanceof ObjectValue object)) {
			walkValue(cur, ts, i, ctx, scope, env, k);
			return;
		}
		Term t = ts.get(i);
		Terms terms = this.ev.terms;
		if (terms.isPattern(t, scope, env)) {
			for (int j = 0; j < object.size(); j++) {
				if (object.key(j) instanceof StringValue) {
					Value value = object.value(j);
					terms.unifyValue(t, object.key(j), ctx, scope, env,
							(e) -> walkBase(value, ts, i + 1, ctx, scope, e, k));
				}
			}
			return;
		}
		terms.eval(t, ctx, scope, env, (key, e) -> {
			Value next = (key instanceof StringValue) ? object.get(key)
					: (key instanceof NumberValue n && n.isInteger()) ? object.get(n.toString()) : null;
			if (next != null) {
				walkBase(next, ts, i + 1, ctx, scope, e, k);
			}
		});
	}

	void walkValue(Value cur, List<Term> ts, int i, Context ctx, Scope scope, Env env, Evaluator.Values k) {
		if (i == ts.size()) {
			k.accept(cur, env);
			return;
		}
		Term t = ts.get(i);
		Terms terms = this.ev.terms;
		if (terms.isPattern(t, scope, env)) {
			Evaluator ev = this.ev;
			Exprs.forEach(cur, (key, value) -> {
				ev.step();
				terms.unifyValue(t, key, ctx, scope, env, (e) -> walkValue(value, ts, i + 1, ctx, scope, e, k));
			});
			return;
		}
		terms.eval(t, ctx, scope, env, (key, e) -> {
			Value next = lookup(cur, key);
			if (next != null) {
				walkValue(next, ts, i + 1, ctx, scope, e, k);
			}
		});
	}

	static Value lookup(Value cur, Value key) {
		if (cur instanceof ObjectValue o) {
			return o.get(key);
		}
		if (cur instanceof ArrayValue a && key instanceof NumberValue n && n.isInteger() && n.fitsInt()) {
			int index = n.asInt();
			return (index >= 0 && index < a.size()) ? a.get(index) : null;
		}
		if (cur instanceof SetValue s && s.contains(key)) {
			return key;
		}
		return null;
	}

	private void walkData(List<String> path, RuleNode node, List<Term> ts, int i, Context ctx, Scope scope, Env env,
			Evaluator.Values k) {
		Value override = ctx.overrides.isEmpty() ? null : ctx.overrides.get(path);
		boolean hasRules = node != null && node.hasRules();
		Value base = (override != null || hasRules || i == ts.size()) ? null : baseAt(ctx.data, path);
		if (override != null || hasRules || i == ts.size() || (node == null && !(base instanceof ObjectValue))) {
			Value value = (override != null) ? override : fullValue(path, node, ctx);
			if (value != null) {
				walkValue(value, ts, i, ctx, scope, env, k);
			}
			return;
		}
		Term t = ts.get(i);
		Terms terms = this.ev.terms;
		if (terms.isPattern(t, scope, env)) {
			TreeSet<String> keys = new TreeSet<>((node != null) ? node.children().keySet() : java.util.Set.of());
			if (base instanceof ObjectValue object) {
				object.keys().forEach((key) -> {
					if (key instanceof StringValue s) {
						keys.add(s.value());
					}
				});
			}
			for (String key : keys) {
				this.ev.step();
				terms.unifyValue(t, StringValue.of(key), ctx, scope, env,
						(e) -> walkData(append(path, key), child(node, key), ts, i + 1, ctx, scope, e, k));
			}
			return;
		}
		terms.eval(t, ctx, scope, env, (key, e) -> {
			// Paths into data are strings; OPA also accepts integers for them.
			String name = (key instanceof StringValue s) ? s.value()
					: (key instanceof NumberValue n && n.isInteger()) ? n.toString() : null;
			if (name != null) {
				walkData(append(path, name), child(node, name), ts, i + 1, ctx, scope, e, k);
			}
		});
	}

	private static RuleNode child(RuleNode node, String name) {
		return (node != null) ? node.child(name) : null;
	}

	private static List<String> append(List<String> path, String key) {
		List<String> out = new ArrayList<>(path);
		out.add(key);
		return out;
	}

	static Value baseAt(Value data, List<String> path) {
		Value cur = data;
		for (int i = 0; i < path.size(); i++) {
			cur = (cur instanceof ObjectValue o) ? o.get(path.get(i)) : null;
			if (cur == null) {
				return null;
			}
		}
		return cur;
	}

	/** The whole document at a path: base data merged with the values of the rules. */
	Value fullValue(List<String> path, RuleNode node, Context ctx) {
		Value override = ctx.overrides.isEmpty() ? null : ctx.overrides.get(path);
		if (override != null) {
			return override;
		}
		if (node == null) {
			return baseAt(ctx.data, path);
		}
		// In one context a node always stands for the same path: it keys the cache.
		Object cached = ctx.cache.get(node);
		if (cached == Context.IN_PROGRESS) {
			throw new RegoException(ErrorCode.RECURSION_ERROR, null,
					"rule data." + String.join(".", path) + " is recursive");
		}
		if (cached != null) {
			return (cached != Context.UNDEFINED) ? (Value) cached : null;
		}
		ctx.cache.put(node, Context.IN_PROGRESS);
		Value value;
		try {
			value = this.ev.rules.document(path, node, baseAt(ctx.data, path), ctx);
		}
		catch (RuntimeException | StackOverflowError ex) {
			ctx.cache.remove(node);
			throw ex;
		}
		ctx.cache.put(node, (value != null) ? value : Context.UNDEFINED);
		return value;
	}

}
