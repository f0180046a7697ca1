package dev.cairn.rego.internal.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import dev.cairn.rego.ErrorCode;
import dev.cairn.rego.RegoException;
import dev.cairn.rego.ast.ArrayComprehension;
import dev.cairn.rego.ast.ArrayTerm;
import dev.cairn.rego.ast.BooleanTerm;
import dev.cairn.rego.ast.Call;
import dev.cairn.rego.ast.NullTerm;
import dev.cairn.rego.ast.NumberTerm;
import dev.cairn.rego.ast.ObjectComprehension;
import dev.cairn.rego.ast.ObjectTerm;
import dev.cairn.rego.ast.Ref;
import dev.cairn.rego.ast.Scalar;
import dev.cairn.rego.ast.SetComprehension;
import dev.cairn.rego.ast.SetTerm;
import dev.cairn.rego.ast.StringTerm;
import dev.cairn.rego.ast.TemplateString;
import dev.cairn.rego.ast.Term;
import dev.cairn.rego.ast.Var;
import dev.cairn.rego.value.ArrayValue;
import dev.cairn.rego.value.BoolValue;
import dev.cairn.rego.value.NullValue;
import dev.cairn.rego.value.NumberValue;
import dev.cairn.rego.value.ObjectValue;
import dev.cairn.rego.value.SetValue;
import dev.cairn.rego.value.StringValue;
import dev.cairn.rego.value.Value;

/** Evaluates terms to values (enumerating, where refs iterate) and unifies them. */
final class Terms {

	private final Evaluator ev;

	Terms(Evaluator ev) {
		this.ev = ev;
	}

	void eval(Term t, Context ctx, Scope scope, Env env, Evaluator.Values k) {
		if (!(t instanceof Scalar)) {
			Value v = direct(t, ctx, scope, env);
			if (v != NOT_SIMPLE) {
				if (v != null) {
					k.accept(v, env);
				}
				return;
			}
		}
		if (t instanceof NullTerm) {
			k.accept(NullValue.NULL, env);
		}
		else if (t instanceof BooleanTerm b) {
			k.accept(BoolValue.of(b.value()), env);
		}
		else if (t instanceof NumberTerm n) {
			k.accept(NumberValue.parse(n.text()), env);
		}
		else if (t instanceof StringTerm s) {
			k.accept(StringValue.of(s.value()), env);
		}
		else if (t instanceof Var v) {
			Env entry = v.isWildcard() ? null : env.find(v.name());
			if (entry != null) {
				Value value = entry.value();
				if (value == null) {
					throw unsafe(v);
				}
				k.accept(value, env);
			}
			else {
				this.ev.documents.free(v, ctx, scope, env, k);
			}
		}
		else if (t instanceof Ref r) {
			this.ev.documents.ref(r, ctx, scope, env, k);
		}
		else if (t instanceof ArrayTerm a) {
			list(a.elements(), 0, new Value[a.elements().size()], ctx, scope, env,
					(vs, e) -> k.accept(ArrayValue.of(vs), e));
		}
		else if (t instanceof SetTerm s) {
			list(s.elements(), 0, new Value[s.elements().size()], ctx, scope, env,
					(vs, e) -> k.accept(SetValue.of(vs), e));
		}
		else if (t instanceof ObjectTerm o) {
			List<Term> flat = new ArrayList<>();
			o.entries().forEach((entry) -> {
				flat.add(entry.key());
				flat.add(entry.value());
			});
			list(flat, 0, new Value[flat.size()], ctx, scope, env, (vs, e) -> {
				ObjectValue.Builder b = ObjectValue.builder(vs.length / 2);
				for (int i = 0; i < vs.length; i += 2) {
					b.put(vs[i], vs[i + 1]);
				}
				k.accept(b.build(), e);
			});
		}
		else if (t instanceof ArrayComprehension c) {
			List<Value> out = new ArrayList<>();
			Evaluator ev = this.ev;
			ev.enter();
			ev.exprs.body(c.body().exprs(), 0, ctx, scope, env, (e) -> eval(c.head(), ctx, scope, e, (v, e2) -> {
				out.add(v);
				ev.checkOutput(out.size(), "an array comprehension");
			}));
			ev.leave();
			k.accept(ArrayValue.of(out), env);
		}
		else if (t instanceof SetComprehension c) {
			SetValue.Builder out = SetValue.builder();
			Evaluator ev = this.ev;
			ev.enter();
			ev.exprs.body(c.body().exprs(), 0, ctx, scope, env, (e) -> eval(c.head(), ctx, scope, e, (v, e2) -> {
				out.add(v);
				ev.checkOutput(out.size(), "a set comprehension");
			}));
			ev.leave();
			k.accept(out.build(), env);
		}
		else if (t instanceof ObjectComprehension c) {
			ObjectValue.Builder out = ObjectValue.builder();
			Evaluator ev = this.ev;
			ev.enter();
			ev.exprs.body(c.body().exprs(), 0, ctx, scope, env,
					(e) -> eval(c.key(), ctx, scope, e, (key, e2) -> eval(c.value(), ctx, scope, e2, (v, e3) -> {
						Value old = out.get(key);
						if (old != null && !old.equals(v)) {
							throw new RegoException(ErrorCode.EVAL_CONFLICT_ERROR, c.location(),
									"object keys must be unique");
						}
						out.put(key, v);
						ev.checkOutput(out.size(), "an object comprehension");
					})));
			ev.leave();
			k.accept(out.build(), env);
		}
		else if (t instanceof Call c) {
			this.ev.builtins.call(c, ctx, scope, env, k);
		}
		else if (t instanceof TemplateString ts) {
			String text = TemplateStrings.text(this.ev, ts, ctx, scope, env);
			this.ev.checkOutput(text.length(), "a template string");
			k.accept(StringValue.of(text), env);
		}
		else {
			throw new RegoException(ErrorCode.EVAL_INTERNAL_ERROR, t.location(),
					t.typeName() + " terms are not supported yet");
		}
	}

	/**
	 * What {@link #direct} returns for a term it leaves to {@link #eval}; compared by
	 * identity, never seen outside.
	 */
	static final Value NOT_SIMPLE = new StringValue("(not simple)");

	/**
	 * The value of a term that has at most one value and binds no variable, computed
	 * without continuations, which most terms of a policy allow; {@code null} when it is
	 * undefined. {@link #NOT_SIMPLE} for anything else (variables unbound here,
	 * iteration, {@code with} replacements, relations, comprehensions), which
	 * {@link #eval} then evaluates from the start: what was computed before finding out
	 * is pure, so computing it again changes nothing.
	 */
	Value direct(Term t, Context ctx, Scope scope, Env env) {
		if (t instanceof NullTerm) {
			return NullValue.NULL;
		}
		if (t instanceof BooleanTerm b) {
			return BoolValue.of(b.value());
		}
		if (t instanceof NumberTerm n) {
			return NumberValue.parse(n.text());
		}
		if (t instanceof StringTerm s) {
			return StringValue.of(s.value());
		}
		if (t instanceof Var v) {
			if (v.isWildcard()) {
				return NOT_SIMPLE;
			}
			Env entry = env.find(v.name());
			if (entry != null) {
				return (entry.value() != null) ? entry.value() : NOT_SIMPLE;
			}
			return this.ev.documents.direct(v, v, ctx, scope, env);
		}
		if (t instanceof Ref r) {
			if (!(r.head() instanceof Var v) || v.isWildcard()) {
				return NOT_SIMPLE;
			}
			Env entry = env.find(v.name());
			if (entry != null) {
				return (entry.value() != null) ? this.ev.documents.direct(entry.value(), r.terms(), 1, ctx, scope, env)
						: NOT_SIMPLE;
			}
			return this.ev.documents.direct(r, v, ctx, scope, env);
		}
		if (t instanceof Call c) {
			return this.ev.builtins.direct(c, ctx, scope, env);
		}
		if (t instanceof ArrayTerm a) {
			Value[] values = new Value[a.elements().size()];
			Value failed = directAll(a.elements(), values, ctx, scope, env);
			return (failed == null) ? ArrayValue.of(values) : (failed == UNDEFINED) ? null : failed;
		}
		if (t instanceof SetTerm s) {
			Value[] values = new Value[s.elements().size()];
			Value failed = directAll(s.elements(), values, ctx, scope, env);
			return (failed == null) ? SetValue.of(values) : (failed == UNDEFINED) ? null : failed;
		}
		if (t instanceof ObjectTerm o) {
			ObjectValue.Builder b = ObjectValue.builder(o.entries().size());
			for (ObjectTerm.Entry entry : o.entries()) {
				Value key = direct(entry.key(), ctx, scope, env);
				if (key == null || key == NOT_SIMPLE) {
					return key;
				}
				Value value = direct(entry.value(), ctx, scope, env);
				if (value == null || value == NOT_SIMPLE) {
					return value;
				}
				b.put(key, value);
			}
			return b.build();
		}
		return NOT_SIMPLE;
	}

	/** What {@link #directAll} returns when an element is undefined. */
	private static final Value UNDEFINED = new StringValue("(undefined)");

	/**
	 * Fills {@code values} with the direct values of {@code ts}; {@code null} when all
	 * are defined, else {@link #UNDEFINED} or {@link #NOT_SIMPLE}.
	 */
	private Value directAll(List<Term> ts, Value[] values, Context ctx, Scope scope, Env env) {
		for (int i = 0; i < values.length; i++) {
			values[i] = direct(ts.get(i), ctx, scope, env);
			if (values[i] == NOT_SIMPLE) {
				return NOT_SIMPLE;
			}
			if (values[i] == null) {
				return UNDEFINED;
			}
		}
		return null;
	}

	/** The first value of a term, or {@code null} when it is undefined. */
	Value single(Term t, Context ctx, Scope scope, Env env) {
		Value[] out = { null };
		eval(t, ctx, scope, env, (v, e) -> {
			if (out[0] == null) {
				out[0] = v;
			}
		});
		return out[0];
	}

	void list(List<Term> ts, int i, Value[] acc, Context ctx, Scope scope, Env env, BiConsumer<Value[], Env> k) {
		if (i == ts.size()) {
			k.accept(acc.clone(), env);
			return;
		}
		eval(ts.get(i), ctx, scope, env, (v, e) -> {
			acc[i] = v;
			list(ts, i + 1, acc, ctx, scope, e, k);
		});
	}

	void unify(Term a, Term b, Context ctx, Scope scope, Env env, Evaluator.Solutions k) {
		if (a instanceof ArrayTerm x && b instanceof ArrayTerm y) {
			if (x.elements().size() == y.elements().size()) {
				unifyAll(x.elements(), y.elements(), 0, ctx, scope, env, k);
			}
			return;
		}
		if (a instanceof ObjectTerm x && b instanceof ObjectTerm y && isPattern(a, scope, env)
				&& isPattern(b, scope, env)) {
			unifyObjects(x, y, ctx, scope, env, k);
			return;
		}
		boolean patternA = isPattern(a, scope, env);
		if (a instanceof Var va && patternA && !va.isWildcard()) {
			// x := <one value>: bind it without continuations.
			Value v = direct(b, ctx, scope, env);
			if (v != NOT_SIMPLE) {
				if (v != null) {
					k.accept(env.bind(va.name(), v));
				}
				return;
			}
		}
		if (patternA) {
			eval(b, ctx, scope, env, (v, e) -> unifyValue(a, v, ctx, scope, e, k));
		}
		else if (isPattern(b, scope, env)) {
			eval(a, ctx, scope, env, (v, e) -> unifyValue(b, v, ctx, scope, e, k));
		}
		else {
			Value va = direct(a, ctx, scope, env);
			if (va == null) {
				return;
			}
			Value vb = (va != NOT_SIMPLE) ? direct(b, ctx, scope, env) : NOT_SIMPLE;
			if (vb != NOT_SIMPLE) {
				if (vb != null && va.equals(vb)) {
					k.accept(env);
				}
				return;
			}
			eval(a, ctx, scope, env, (va2, e) -> eval(b, ctx, scope, e, (vb2, e2) -> {
				if (va2.equals(vb2)) {
					k.accept(e2);
				}
			}));
		}
	}

	/** Two object patterns: values unify by key, and the keys must be the same. */
	private void unifyObjects(ObjectTerm x, ObjectTerm y, Context ctx, Scope scope, Env env, Evaluator.Solutions k) {
		if (x.entries().size() != y.entries().size()) {
			return;
		}
		List<Term> left = new ArrayList<>();
		List<Term> right = new ArrayList<>();
		for (ObjectTerm.Entry ex : x.entries()) {
			Value key = single(ex.key(), ctx, scope, env);
			ObjectTerm.Entry match = null;
			for (ObjectTerm.Entry ey : y.entries()) {
				if (key != null && key.equals(single(ey.key(), ctx, scope, env))) {
					match = ey;
				}
			}
			if (match == null) {
				return;
			}
			left.add(ex.value());
			right.add(match.value());
		}
		unifyAll(left, right, 0, ctx, scope, env, k);
	}

	private void unifyAll(List<Term> as, List<Term> bs, int i, Context ctx, Scope scope, Env env,
			Evaluator.Solutions k) {
		if (i == as.size()) {
			k.accept(env);
			return;
		}
		unify(as.get(i), bs.get(i), ctx, scope, env, (e) -> unifyAll(as, bs, i + 1, ctx, scope, e, k));
	}

	void unifyValue(Term pattern, Value v, Context ctx, Scope scope, Env env, Evaluator.Solutions k) {
		if (pattern instanceof Var var && isUnbound(var, scope, env)) {
			k.accept(var.isWildcard() ? env : env.bind(var.name(), v));
		}
		else if (pattern instanceof ArrayTerm a && isPattern(pattern, scope, env)) {
			if (v instanceof ArrayValue arr && arr.size() == a.elements().size()) {
				unifyElements(a.elements(), arr, 0, ctx, scope, env, k);
			}
		}
		else if (pattern instanceof ObjectTerm o && isPattern(pattern, scope, env)) {
			if (v instanceof ObjectValue obj && obj.size() == o.entries().size()) {
				unifyEntries(o.entries(), obj, 0, ctx, scope, env, k);
			}
		}
		else {
			eval(pattern, ctx, scope, env, (pv, e) -> {
				if (pv.equals(v)) {
					k.accept(e);
				}
			});
		}
	}

	private void unifyElements(List<Term> ts, ArrayValue arr, int i, Context ctx, Scope scope, Env env,
			Evaluator.Solutions k) {
		if (i == ts.size()) {
			k.accept(env);
			return;
		}
		unifyValue(ts.get(i), arr.get(i), ctx, scope, env, (e) -> unifyElements(ts, arr, i + 1, ctx, scope, e, k));
	}

	private void unifyEntries(List<ObjectTerm.Entry> entries, ObjectValue obj, int i, Context ctx, Scope scope, Env env,
			Evaluator.Solutions k) {
		if (i == entries.size()) {
			k.accept(env);
			return;
		}
		ObjectTerm.Entry entry = entries.get(i);
		eval(entry.key(), ctx, scope, env, (key, e) -> {
			Value value = obj.get(key);
			if (value != null) {
				unifyValue(entry.value(), value, ctx, scope, e,
						(e2) -> unifyEntries(entries, obj, i + 1, ctx, scope, e2, k));
			}
		});
	}

	/** Whether a term has variables that unification would bind. */
	boolean isPattern(Term t, Scope scope, Env env) {
		if (t instanceof Var v) {
			return isUnbound(v, scope, env);
		}
		if (t instanceof ArrayTerm a) {
			return a.elements().stream().anyMatch((x) -> isPattern(x, scope, env));
		}
		if (t instanceof ObjectTerm o) {
			return o.entries().stream().anyMatch((x) -> isPattern(x.value(), scope, env));
		}
		return false;
	}

	boolean isUnbound(Var v, Scope scope, Env env) {
		if (v.isWildcard()) {
			return true;
		}
		Env entry = env.find(v.name());
		if (entry != null) {
			return entry.value() == null;
		}
		return this.ev.documents.resolve(v.name(), scope) == null;
	}

	static RegoException unsafe(Var v) {
		return new RegoException(ErrorCode.UNSAFE_VAR_ERROR, v.location(), "var " + v.name() + " is unsafe");
	}

}
