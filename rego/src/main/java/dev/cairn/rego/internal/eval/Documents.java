package dev.cairn.rego.internal.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

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

	Documents(Evaluator ev) {
		this.ev = ev;
	}

	/**
	 * What a free name stands for: {@code [data, ...path]} or {@code [input, ...path]},
	 * or {@code null} when it is an ordinary variable.
	 */
	List<String> resolve(String name, Scope scope) {
		if ("data".equals(name) || "input".equals(name)) {
			return List.of(name);
		}
		if (scope.module() == null) {
			return null;
		}
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
		List<Term> rest = r.terms().subList(1, r.terms().size());
		if (!(head instanceof Var v)) {
			this.ev.terms.eval(head, ctx, scope, env, (value, e) -> walkValue(value, rest, 0, ctx, scope, e, k));
			return;
		}
		if (!v.isWildcard() && env.knows(v.name())) {
			Value value = env.get(v.name());
			if (value == null) {
				throw Terms.unsafe(v);
			}
			walkValue(value, rest, 0, ctx, scope, env, k);
			return;
		}
		List<String> resolved = v.isWildcard() ? null : resolve(v.name(), scope);
		if (resolved == null) {
			throw Terms.unsafe(v);
		}
		List<Term> terms = new ArrayList<>();
		resolved.stream().skip(1).forEach((s) -> terms.add(new StringTerm(v.location(), s)));
		terms.addAll(rest);
		if ("input".equals(resolved.get(0))) {
			if (ctx.input != null) {
				walkValue(ctx.input, terms, 0, ctx, scope, env, k);
			}
			return;
		}
		walkData(new ArrayList<>(), this.ev.policy.root(), terms, 0, ctx, scope, env, k);
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
		Value override = ctx.overrides.get(path);
		boolean hasRules = node != null && !node.rules().isEmpty();
		Value base = baseAt(ctx.data, path);
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
		for (String name : path) {
			cur = (cur instanceof ObjectValue o) ? o.get(name) : null;
			if (cur == null) {
				return null;
			}
		}
		return cur;
	}

	/** The whole document at a path: base data merged with the values of the rules. */
	Value fullValue(List<String> path, RuleNode node, Context ctx) {
		Value override = ctx.overrides.get(path);
		if (override != null) {
			return override;
		}
		if (node == null) {
			return baseAt(ctx.data, path);
		}
		Optional<Value> cached = ctx.cache.get(path);
		if (cached != null) {
			return cached.orElse(null);
		}
		if (!ctx.inProgress.add(path)) {
			throw new RegoException(ErrorCode.RECURSION_ERROR, null,
					"rule data." + String.join(".", path) + " is recursive");
		}
		try {
			Value value = this.ev.rules.document(path, node, baseAt(ctx.data, path), ctx);
			ctx.cache.put(path, Optional.ofNullable(value));
			return value;
		}
		finally {
			ctx.inProgress.remove(path);
		}
	}

}
