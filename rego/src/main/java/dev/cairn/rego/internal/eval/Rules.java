package dev.cairn.rego.internal.eval;

import java.util.ArrayList;
import java.util.List;

import dev.cairn.rego.ErrorCode;
import dev.cairn.rego.RegoException;
import dev.cairn.rego.ast.Rule;
import dev.cairn.rego.ast.RuleHead;
import dev.cairn.rego.ast.BooleanTerm;
import dev.cairn.rego.ast.NullTerm;
import dev.cairn.rego.ast.NumberTerm;
import dev.cairn.rego.ast.StringTerm;
import dev.cairn.rego.ast.Term;
import dev.cairn.rego.internal.compile.RuleEntry;
import dev.cairn.rego.internal.compile.RuleNode;
import dev.cairn.rego.value.BoolValue;
import dev.cairn.rego.value.NullValue;
import dev.cairn.rego.value.NumberValue;
import dev.cairn.rego.value.ObjectValue;
import dev.cairn.rego.value.SetValue;
import dev.cairn.rego.value.StringValue;
import dev.cairn.rego.value.Value;

/** Evaluates rules: complete values, partial sets and objects, and function calls. */
final class Rules {

	private final Evaluator ev;

	Rules(Evaluator ev) {
		this.ev = ev;
	}

	/** The document at a rule node, or {@code null} when it is undefined. */
	Value document(List<String> path, RuleNode node, Value base, Context ctx) {
		Kinds kinds = this.ev.memo.get(node, Kinds::of);
		List<RuleEntry> exact = kinds.exact();
		List<RuleEntry> dynamic = kinds.dynamic();
		if (!exact.isEmpty() && exact.get(0).rule().head().kind() == RuleHead.Kind.SINGLE_VALUE) {
			return complete(exact, ctx);
		}
		if (!exact.isEmpty()) {
			SetValue.Builder set = SetValue.builder();
			for (RuleEntry r : exact) {
				solve(r, r.rule(), ctx,
						(scope, env) -> this.ev.terms.eval(r.rule().head().key(), ctx, scope, env, (v, e) -> {
							set.add(v);
							this.ev.checkOutput(set.size(), "partial set rule data." + String.join(".", path));
						}));
			}
			return set.build();
		}
		if (node.rules().size() > 0 && dynamic.isEmpty() && node.children().isEmpty()) {
			// Only functions live here; they have no value without arguments.
			return null;
		}
		ObjectValue object = (base instanceof ObjectValue o) ? o : ObjectValue.EMPTY;
		int leafDepth = Integer.MAX_VALUE;
		for (RuleEntry r : dynamic) {
			object = partial(r, object, ctx);
			leafDepth = Math.min(leafDepth, r.suffix().size());
		}
		for (var child : node.children().entrySet()) {
			List<String> childPath = new ArrayList<>(path);
			childPath.add(child.getKey());
			Value v = this.ev.documents.fullValue(childPath, child.getValue(), ctx);
			if (v != null) {
				Value key = dev.cairn.rego.value.StringValue.of(child.getKey());
				Value fromBase = (base instanceof ObjectValue b) ? b.get(key) : null;
				object = object.put(key,
						(fromBase != null) ? overlay(v, fromBase) : merge(object.get(key), v, 1, leafDepth));
			}
		}
		return object;
	}

	/**
	 * Base data laid over a rule's value: objects merge, otherwise base data wins, as in
	 * OPA.
	 */
	private static Value overlay(Value rule, Value base) {
		if (rule instanceof ObjectValue x && base instanceof ObjectValue y) {
			ObjectValue out = x;
			for (int i = 0; i < y.size(); i++) {
				Value mine = x.get(y.key(i));
				out = out.put(y.key(i), (mine != null) ? overlay(mine, y.value(i)) : y.value(i));
			}
			return out;
		}
		return base;
	}

	/**
	 * Two definitions of the same key: objects merge, sets join, others must agree. From
	 * {@code leafDepth} down, {@code a} is the value of a rule with a ref head, which
	 * other rules may not reach into, as in OPA.
	 */
	private static Value merge(Value a, Value b, int depth, int leafDepth) {
		if (a == null || a.equals(b)) {
			return b;
		}
		if (a instanceof SetValue x && b instanceof SetValue y) {
			return x.union(y);
		}
		if (a instanceof ObjectValue x && b instanceof ObjectValue y && depth < leafDepth) {
			ObjectValue out = x;
			for (int i = 0; i < y.size(); i++) {
				out = out.put(y.key(i), merge(x.get(y.key(i)), y.value(i), depth + 1, leafDepth));
			}
			return out;
		}
		throw new RegoException(ErrorCode.EVAL_CONFLICT_ERROR, null, "object keys must be unique");
	}

	private Value complete(List<RuleEntry> rules, Context ctx) {
		return single(rules, null, ctx, "complete rules must not produce multiple outputs");
	}

	/**
	 * The one value of a complete rule or a function call: the non-default definitions
	 * must agree, and the default applies only when none is defined; {@code null} when
	 * undefined.
	 */
	private Value single(List<RuleEntry> rules, List<Value> args, Context ctx, String conflict) {
		Single found = new Single();
		RuleEntry fallback = null;
		for (RuleEntry r : rules) {
			if (r.rule().isDefault()) {
				fallback = r;
				continue;
			}
			if (args != null && !accepts(r.rule(), args)) {
				continue;
			}
			chain(r, r.rule(), ctx, args, found);
			if (found.conflict != null) {
				throw new RegoException(ErrorCode.EVAL_CONFLICT_ERROR, r.rule().location(), conflict);
			}
		}
		if (found.value == null && fallback != null) {
			chain(fallback, fallback.rule(), ctx, args, found);
		}
		return found.value;
	}

	/**
	 * Collects the values of single-value rules: the first, and a different one if any.
	 */
	private static final class Single implements Evaluator.Values {

		Value value;

		Value conflict;

		/** Whether the branch being tried has a value. */
		boolean any;

		@Override
		public void accept(Value v, Env env) {
			this.any = true;
			if (this.value == null) {
				this.value = v;
			}
			else if (this.conflict == null && !this.value.equals(v)) {
				this.conflict = v;
			}
		}

	}

	/**
	 * Whether a function definition may apply to these arguments: a constant parameter
	 * ({@code f("production") := 3}) unifies only with an equal argument, so definitions
	 * whose constants differ are skipped without running their bodies. Its {@code else}
	 * branches share its parameters.
	 */
	private static boolean accepts(Rule rule, List<Value> args) {
		List<Term> params = rule.head().args();
		for (int i = 0; i < params.size(); i++) {
			Term p = params.get(i);
			Value arg = args.get(i);
			if ((p instanceof StringTerm s && !(arg instanceof StringValue v && v.value().equals(s.value())))
					|| (p instanceof NumberTerm n && !NumberValue.parse(n.text()).equals(arg))
					|| (p instanceof BooleanTerm b && !BoolValue.of(b.value()).equals(arg))
					|| (p instanceof NullTerm && !NullValue.NULL.equals(arg))) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Adds the values of a rule to {@code found}, trying its {@code else} branches while
	 * it has none.
	 */
	private void chain(RuleEntry r, Rule rule, Context ctx, List<Value> args, Single found) {
		found.any = false;
		for (Rule branch = rule; branch != null && !found.any; branch = branch.elseRule()) {
			Term head = branch.head().value();
			solve(r, branch, args, ctx, (scope, env) -> {
				Value v = this.ev.terms.direct(head, ctx, scope, env);
				if (v == Terms.NOT_SIMPLE) {
					this.ev.terms.eval(head, ctx, scope, env, found);
				}
				else if (v != null) {
					found.accept(v, env);
				}
			});
		}
	}

	private ObjectValue partial(RuleEntry r, ObjectValue object, Context ctx) {
		ObjectValue[] out = { object };
		boolean multi = r.rule().head().kind() == RuleHead.Kind.MULTI_VALUE;
		Term leaf = multi ? r.rule().head().key() : r.rule().head().value();
		List<Term> keys = new ArrayList<>(r.suffix());
		keys.add(leaf);
		solve(r, r.rule(), ctx,
				(scope, env) -> this.ev.terms.list(keys, 0, new Value[keys.size()], ctx, scope, env, (vs, e) -> {
					out[0] = (ObjectValue) insert(out[0], vs, 0, multi, r);
					this.ev.checkOutput(out[0].size(), "partial object rule");
				}));
		return out[0];
	}

	private static Value insert(Value current, Value[] path, int i, boolean multi, RuleEntry r) {
		Value leaf = path[path.length - 1];
		if (i == path.length - 1) {
			if (multi) {
				return ((current instanceof SetValue s) ? s : SetValue.EMPTY).add(leaf);
			}
			if (current != null && !current.equals(leaf)) {
				throw new RegoException(ErrorCode.EVAL_CONFLICT_ERROR, r.rule().location(),
						"object keys must be unique");
			}
			return leaf;
		}
		ObjectValue object = (current instanceof ObjectValue o) ? o : ObjectValue.EMPTY;
		if (current != null && !(current instanceof ObjectValue)) {
			throw new RegoException(ErrorCode.EVAL_CONFLICT_ERROR, r.rule().location(), "object keys must be unique");
		}
		return object.put(path[i], insert(object.get(path[i]), path, i + 1, multi, r));
	}

	/** Calls a user function; {@code null} when it is undefined for these arguments. */
	Value call(List<RuleEntry> rules, List<Value> args, Context ctx) {
		return single(rules, args, ctx, "functions must not produce multiple outputs for same inputs");
	}

	private void solve(RuleEntry r, Rule rule, Context ctx, Body k) {
		solve(r, rule, null, ctx, k);
	}

	private void solve(RuleEntry r, Rule rule, List<Value> args, Context ctx, Body k) {
		this.ev.step();
		this.ev.enter();
		solveBody(r, rule, args, ctx, k);
		this.ev.leave();
	}

	private void solveBody(RuleEntry r, Rule rule, List<Value> args, Context ctx, Body body) {
		Scope scope = new Scope(r.module(), r.pkg(), r);
		Tracer tracer = this.ev.tracer;
		Body k = (tracer == null) ? body : (s, env) -> {
			tracer.ruleExit(rule);
			body.accept(s, env);
		};
		if (args == null) {
			this.ev.exprs.body(rule.body().exprs(), 0, ctx, scope, Env.EMPTY, (env) -> k.accept(scope, env));
			return;
		}
		// A template-string parameter reads variables the body binds, so it is matched
		// after the body, as OPA's rewriting of such heads does.
		List<Term> params = rule.head().args();
		bindArgs(params, args, 0, ctx, scope, Env.EMPTY,
				(env0) -> this.ev.exprs.body(rule.body().exprs(), 0, ctx, scope, env0, (env) -> {
					for (int i = 0; i < params.size(); i++) {
						if (params.get(i) instanceof dev.cairn.rego.ast.TemplateString t
								&& !args.get(i).equals(this.ev.terms.single(t, ctx, scope, env))) {
							return;
						}
					}
					k.accept(scope, env);
				}));
	}

	private void bindArgs(List<Term> params, List<Value> args, int i, Context ctx, Scope scope, Env env,
			Evaluator.Solutions k) {
		if (i == params.size()) {
			k.accept(env);
			return;
		}
		if (params.get(i) instanceof dev.cairn.rego.ast.TemplateString) {
			bindArgs(params, args, i + 1, ctx, scope, env, k);
			return;
		}
		Env declared = Exprs.declare(params.get(i), env);
		this.ev.terms.unifyValue(params.get(i), args.get(i), ctx, scope, declared,
				(e) -> bindArgs(params, args, i + 1, ctx, scope, e, k));
	}

	/**
	 * The rules of a node other than functions, in order: those defining the node itself,
	 * and those defining keys under it ({@code p[x] := ...}).
	 */
	private record Kinds(List<RuleEntry> exact, List<RuleEntry> dynamic) {

		static Kinds of(RuleNode node) {
			List<RuleEntry> exact = new ArrayList<>();
			List<RuleEntry> dynamic = new ArrayList<>();
			for (RuleEntry r : node.rules()) {
				if (r.rule().head().kind() != RuleHead.Kind.FUNCTION) {
					(r.suffix().isEmpty() ? exact : dynamic).add(r);
				}
			}
			return new Kinds(List.copyOf(exact), List.copyOf(dynamic));
		}

	}

	/** Receives each solution of a rule body with the scope it ran in. */
	@FunctionalInterface
	private interface Body {

		void accept(Scope scope, Env env);

	}

}
