package dev.cairn.rego.internal.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.cairn.rego.ErrorCode;
import dev.cairn.rego.RegoException;
import dev.cairn.rego.ast.Call;
import dev.cairn.rego.ast.Every;
import dev.cairn.rego.ast.Expr;
import dev.cairn.rego.ast.Group;
import dev.cairn.rego.ast.LogicalExpr;
import dev.cairn.rego.ast.Ref;
import dev.cairn.rego.ast.SomeDecl;
import dev.cairn.rego.ast.SomeIn;
import dev.cairn.rego.ast.StringTerm;
import dev.cairn.rego.ast.Term;
import dev.cairn.rego.ast.Var;
import dev.cairn.rego.ast.With;
import dev.cairn.rego.value.ArrayValue;
import dev.cairn.rego.value.BoolValue;
import dev.cairn.rego.value.NumberValue;
import dev.cairn.rego.value.ObjectValue;
import dev.cairn.rego.value.SetValue;
import dev.cairn.rego.value.Value;

/** Solves bodies and single expressions: unification, negation, some, every, with. */
final class Exprs {

	private final Evaluator ev;

	Exprs(Evaluator ev) {
		this.ev = ev;
	}

	/**
	 * Solves a body from its {@code i}-th expression on. Bodies come ordered for safety
	 * from the compiler, so they are evaluated as they are.
	 */
	void body(List<Expr> exprs, int i, Context ctx, Scope scope, Env env, Evaluator.Solutions k) {
		if (i == exprs.size()) {
			k.accept(env);
			return;
		}
		// The last expression hands its solutions straight to the body's continuation.
		Evaluator.Solutions next = (i + 1 == exprs.size()) ? k : (e) -> body(exprs, i + 1, ctx, scope, e, k);
		expr(exprs.get(i), ctx, scope, env, next);
	}

	void expr(Expr expr, Context ctx, Scope scope, Env env, Evaluator.Solutions k) {
		Evaluator ev = this.ev;
		ev.step();
		if (ev.tracer != null) {
			ev.tracer.expr(expr);
		}
		// The rest of the body runs inside this call (in k), so the depth counts every
		// expression still on the stack. An error abandons the evaluation, so the
		// count needs no finally.
		ev.enter();
		Context inner = expr.withs().isEmpty() ? ctx : with(expr.withs(), ctx, scope, env);
		if (inner == null) {
			ev.leave();
			return;
		}
		if (expr.negated()) {
			Value v = (expr.form() instanceof Term t) ? this.ev.terms.direct(t, inner, scope, env) : Terms.NOT_SIMPLE;
			if (v != Terms.NOT_SIMPLE) {
				if (v == null || BoolValue.FALSE.equals(v)) {
					k.accept(env);
				}
				return;
			}
			boolean[] found = { false };
			form(expr.form(), inner, scope, env, (e) -> found[0] = true);
			if (!found[0]) {
				k.accept(env);
			}
		}
		else {
			form(expr.form(), inner, scope, env, k);
		}
		ev.leave();
	}

	/** Whether a body has at least one solution. */
	boolean holds(List<Expr> exprs, Context ctx, Scope scope, Env env) {
		boolean[] found = { false };
		body(exprs, 0, ctx, scope, env, (e) -> found[0] = true);
		return found[0];
	}

	private void form(Expr.Form form, Context ctx, Scope scope, Env env, Evaluator.Solutions k) {
		Terms terms = this.ev.terms;
		if (form instanceof Call c && c.args().size() == 2 && isOperator(c, "eq")) {
			terms.unify(c.args().get(0), c.args().get(1), ctx, scope, env, k);
		}
		else if (form instanceof Call c && c.args().size() == 2 && isOperator(c, "assign")) {
			Env declared = declare(c.args().get(0), env);
			terms.unify(c.args().get(0), c.args().get(1), ctx, scope, declared, k);
		}
		else if (form instanceof Term t) {
			Value value = terms.direct(t, ctx, scope, env);
			if (value != Terms.NOT_SIMPLE) {
				if (value != null && !BoolValue.FALSE.equals(value)) {
					k.accept(env);
				}
				return;
			}
			terms.eval(t, ctx, scope, env, (v, e) -> {
				if (!BoolValue.FALSE.equals(v)) {
					k.accept(e);
				}
			});
		}
		else if (form instanceof SomeDecl s) {
			Env e = env;
			for (Var v : s.vars()) {
				e = e.declare(v.name());
			}
			k.accept(e);
		}
		else if (form instanceof SomeIn s) {
			someIn(s, ctx, scope, env, k);
		}
		else if (form instanceof Every e) {
			every(e, ctx, scope, env, k);
		}
		else if (form instanceof Group g) {
			body(g.body().exprs(), 0, ctx, scope, env, k);
		}
		else if (form instanceof LogicalExpr l) {
			// Each operand is a test in its own scope: bindings made inside stay there,
			// and
			// the whole expression holds at most once.
			boolean left = holds(List.of(l.left()), ctx, scope, env);
			boolean holds = (l.operator() == LogicalExpr.Operator.AND)
					? left && holds(List.of(l.right()), ctx, scope, env)
					: left || holds(List.of(l.right()), ctx, scope, env);
			if (holds) {
				k.accept(env);
			}
		}
	}

	/**
	 * Whether a call's operator is the one-word name {@code name}, without building
	 * names.
	 */
	private static boolean isOperator(Call c, String name) {
		return c.operator().terms().size() == 1 && c.operator().head() instanceof Var v && name.equals(v.name());
	}

	private void someIn(SomeIn s, Context ctx, Scope scope, Env env, Evaluator.Solutions k) {
		if (s.key() == null && s.value() instanceof Var v && !v.isWildcard() && !v.name().startsWith("$")) {
			someValueIn(s, v, ctx, scope, env, k);
			return;
		}
		Env declared = declare(s.value(), (s.key() != null) ? declare(s.key(), env) : env);
		Terms terms = this.ev.terms;
		terms.eval(s.collection(), ctx, scope, env, (coll, e0) -> {
			Env base = rebase(declared, e0, env);
			forEach(coll, (key, value) -> {
				this.ev.step();
				if (s.key() == null) {
					terms.unifyValue(s.value(), value, ctx, scope, base, k);
				}
				else {
					terms.unifyValue(s.key(), key, ctx, scope, base,
							(e1) -> terms.unifyValue(s.value(), value, ctx, scope, e1, k));
				}
			});
		});
	}

	private void every(Every every, Context ctx, Scope scope, Env env, Evaluator.Solutions k) {
		this.ev.terms.eval(every.domain(), ctx, scope, env, (domain, e0) -> {
			if (!(domain instanceof ArrayValue || domain instanceof ObjectValue || domain instanceof SetValue)) {
				return;
			}
			boolean[] all = { true };
			forEach(domain, (key, value) -> {
				if (!all[0]) {
					return;
				}
				this.ev.step();
				Env e = e0.bind(every.value().name(), value);
				if (every.key() != null) {
					e = e.bind(every.key().name(), key);
				}
				all[0] = holds(every.body().exprs(), ctx, scope, e);
			});
			if (all[0]) {
				k.accept(e0);
			}
		});
	}

	/**
	 * {@code some v in coll}, the common form: binds the fresh variable to each element
	 * (as declaring it and unifying would) without a continuation per element.
	 */
	private void someValueIn(SomeIn s, Var v, Context ctx, Scope scope, Env env, Evaluator.Solutions k) {
		String name = v.name();
		this.ev.terms.eval(s.collection(), ctx, scope, env, (coll, e0) -> {
			if (coll instanceof ArrayValue a) {
				for (int i = 0; i < a.size(); i++) {
					this.ev.step();
					k.accept(e0.bind(name, a.get(i)));
				}
			}
			else if (coll instanceof ObjectValue o) {
				for (int i = 0; i < o.size(); i++) {
					this.ev.step();
					k.accept(e0.bind(name, o.value(i)));
				}
			}
			else if (coll instanceof SetValue set) {
				for (Value value : set) {
					this.ev.step();
					k.accept(e0.bind(name, value));
				}
			}
		});
	}

	/**
	 * Calls {@code action} with each key (index for arrays) and value of a collection.
	 */
	static void forEach(Value coll, java.util.function.BiConsumer<Value, Value> action) {
		if (coll instanceof ArrayValue a) {
			for (int i = 0; i < a.size(); i++) {
				action.accept(NumberValue.of(i), a.get(i));
			}
		}
		else if (coll instanceof ObjectValue o) {
			for (int i = 0; i < o.size(); i++) {
				action.accept(o.key(i), o.value(i));
			}
		}
		else if (coll instanceof SetValue s) {
			for (Value v : s) {
				action.accept(v, v);
			}
		}
	}

	/** {@code declared}'s declarations on top of {@code current}'s bindings. */
	private static Env rebase(Env declared, Env current, Env original) {
		List<String> names = new ArrayList<>();
		for (Env e = declared; e != original && e.name() != null; e = e.parent()) {
			names.add(e.name());
		}
		Env out = current;
		for (int i = names.size() - 1; i >= 0; i--) {
			out = out.declare(names.get(i));
		}
		return out;
	}

	/** Declares the variables of an assignment's or {@code some}'s left-hand side. */
	static Env declare(Term lhs, Env env) {
		if (lhs instanceof Var v) {
			return (v.isWildcard() || v.name().startsWith("$")) ? env : env.declare(v.name());
		}
		java.util.Set<String> names = new java.util.LinkedHashSet<>();
		if (!(lhs instanceof Ref)) {
			Vars.collect(lhs, names);
		}
		Env e = env;
		for (String name : names) {
			e = e.declare(name);
		}
		return e;
	}

	Context with(List<With> withs, Context ctx, Scope scope, Env env) {
		Value input = ctx.input;
		Map<List<String>, Value> overrides = new HashMap<>(ctx.overrides);
		Map<String, Mock> mocks = new HashMap<>(ctx.functionMocks);
		dev.cairn.rego.value.ObjectValue data = ctx.data;
		for (With w : withs) {
			List<String> path = new ArrayList<>();
			String head = targetPath(w.target(), scope, path);
			String functionKey = this.ev.builtins.functionKey(head, path);
			if (functionKey != null) {
				Mock replacement = this.ev.builtins.replacement(w.value(), scope);
				if (replacement != null) {
					mocks.put(functionKey, replacement);
					continue;
				}
			}
			Value value = this.ev.terms.single(w.value(), ctx, scope, env);
			if (value == null) {
				return null;
			}
			if (functionKey != null) {
				mocks.put(functionKey, new Mock.Constant(value));
			}
			else if ("input".equals(head)) {
				input = Patch.set(input, path, value);
			}
			else if ("data".equals(head)) {
				overrides.put(List.copyOf(path), value);
				Value patched = Patch.set(data, path, value);
				data = (patched instanceof ObjectValue o) ? o : data;
			}
		}
		return new Context(input, data, overrides, mocks);
	}

	private String targetPath(Term target, Scope scope, List<String> path) {
		Ref ref = (target instanceof Ref r) ? r : new Ref(target.location(), List.of(target));
		String head = ((Var) ref.head()).name();
		List<String> expanded = this.ev.documents.resolve(head, scope);
		if (expanded != null) {
			head = expanded.get(0);
			path.addAll(expanded.subList(1, expanded.size()));
		}
		for (Term t : ref.terms().subList(1, ref.terms().size())) {
			if (!(t instanceof StringTerm s)) {
				throw new RegoException(ErrorCode.TYPE_ERROR, t.location(), "with target must be a static path");
			}
			path.add(s.value());
		}
		if (!"input".equals(head) && !"data".equals(head)) {
			return ref.name();
		}
		return head;
	}

}
