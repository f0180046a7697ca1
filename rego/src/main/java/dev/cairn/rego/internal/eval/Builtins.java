package dev.cairn.rego.internal.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import dev.cairn.rego.ErrorCode;
import dev.cairn.rego.RegoException;
import dev.cairn.rego.ast.Call;
import dev.cairn.rego.ast.Ref;
import dev.cairn.rego.ast.StringTerm;
import dev.cairn.rego.ast.Term;
import dev.cairn.rego.ast.Var;
import dev.cairn.rego.internal.compile.RuleEntry;
import dev.cairn.rego.internal.compile.RuleNode;
import dev.cairn.rego.value.BoolValue;
import dev.cairn.rego.value.Value;

/**
 * Calls: resolves the operator to a user function, a {@code with} replacement or a
 * builtin, evaluates the arguments, and unifies an extra last argument with the result.
 */
final class Builtins {

	private final Evaluator ev;

	Builtins(Evaluator ev) {
		this.ev = ev;
	}

	void call(Call c, Context ctx, Scope scope, Env env, Evaluator.Values k) {
		String name = c.name();
		List<String> path = functionPath(c.operator(), scope);
		RuleNode node = (path != null) ? this.ev.documents.node(path) : null;
		List<RuleEntry> functions = (node != null) ? functions(node) : null;
		Mock mock = ctx.functionMocks.get((functions != null) ? "data." + String.join(".", path) : name);
		int arity;
		Functions.Builtin builtin = null;
		if (functions != null) {
			arity = functions.get(0).rule().head().args().size();
		}
		else {
			builtin = Functions.get(name);
			if (builtin == null) {
				throw new RegoException(ErrorCode.TYPE_ERROR, c.location(), "undefined function " + name);
			}
			arity = builtin.arity();
		}
		if (c.args().size() != arity && c.args().size() != arity + 1) {
			throw new RegoException(ErrorCode.TYPE_ERROR, c.location(),
					name + ": arity mismatch: expected " + arity + " arguments, got " + c.args().size());
		}
		List<Term> inputs = c.args().subList(0, arity);
		Term output = (c.args().size() > arity) ? c.args().get(arity) : null;
		Functions.Builtin resolved = builtin;
		argsInOrder(inputs, ctx, scope, env, (args, e) -> {
			Value result;
			if (mock instanceof Mock.Constant m) {
				result = m.value();
			}
			else if (mock instanceof Mock.UserFunction m) {
				result = this.ev.rules.call(m.rules(), List.of(args), unmocked(ctx));
			}
			else if (mock instanceof Mock.Builtin m) {
				result = apply(m.builtin(), m.name(), args, c);
			}
			else if (functions != null) {
				result = this.ev.rules.call(functions, List.of(args), ctx);
			}
			else {
				result = apply(resolved, name, args, c);
			}
			if (result == null) {
				return;
			}
			if (resolved != null && resolved.relation() && mock == null) {
				for (Value alternative : (dev.cairn.rego.value.ArrayValue) result) {
					if (output == null) {
						k.accept(alternative, e);
					}
					else {
						this.ev.terms.unifyValue(output, alternative, ctx, scope, e,
								(e2) -> k.accept(BoolValue.TRUE, e2));
					}
				}
				return;
			}
			if (output == null) {
				k.accept(result, e);
			}
			else {
				this.ev.terms.unifyValue(output, result, ctx, scope, e, (e2) -> k.accept(BoolValue.TRUE, e2));
			}
		});
	}

	private Value apply(Functions.Builtin builtin, String name, Value[] args, Call c) {
		if ("time.now_ns".equals(name)) {
			// One clock reading per evaluation, as OPA does.
			return this.ev.now();
		}
		try {
			return builtin.impl().apply(args);
		}
		catch (RegoException ex) {
			if (ex.code() == ErrorCode.EVAL_BUILTIN_ERROR || ex.code() == ErrorCode.EVAL_TYPE_ERROR) {
				// As in OPA, a failing builtin only makes its expression undefined unless
				// errors are strict.
				if (!this.ev.strict) {
					return null;
				}
				String detail = ex.detail().startsWith(name + ":") ? ex.detail() : name + ": " + ex.detail();
				throw new RegoException(ex.code(), c.location(), detail);
			}
			throw ex;
		}
	}

	/** The number of arguments a call's function takes, or -1 when unknown. */
	int arity(Call c, Scope scope) {
		List<String> path = functionPath(c.operator(), scope);
		RuleNode node = (path != null) ? this.ev.documents.node(path) : null;
		List<RuleEntry> functions = (node != null) ? functions(node) : null;
		if (functions != null) {
			return functions.get(0).rule().head().args().size();
		}
		Functions.Builtin builtin = Functions.get(c.name());
		return (builtin != null) ? builtin.arity() : -1;
	}

	/** A context in which replaced functions are the originals again. */
	private static Context unmocked(Context ctx) {
		return new Context(ctx.input, ctx.data, ctx.overrides, java.util.Map.of());
	}

	/**
	 * The key under which {@code with} replaces a function: {@code data.pkg.f} for a user
	 * function, the name for a builtin; {@code null} when the target is a document.
	 */
	String functionKey(String head, List<String> path) {
		if ("data".equals(head)) {
			RuleNode node = this.ev.documents.node(path);
			return (node != null && functions(node) != null) ? "data." + String.join(".", path) : null;
		}
		return "input".equals(head) ? null : head;
	}

	/** The function a {@code with} value names, or {@code null} when it is a value. */
	Mock replacement(Term value, Scope scope) {
		Ref ref = (value instanceof Ref r) ? r : (value instanceof Var v) ? new Ref(v.location(), List.of(v)) : null;
		if (ref == null) {
			return null;
		}
		List<String> path = functionPath(ref, scope);
		RuleNode node = (path != null) ? this.ev.documents.node(path) : null;
		if (node != null && functions(node) != null) {
			return new Mock.UserFunction(functions(node));
		}
		String name = ref.name();
		if (path == null && name != null && Functions.get(name) != null) {
			return new Mock.Builtin(name, Functions.get(name));
		}
		return null;
	}

	private List<String> functionPath(Ref operator, Scope scope) {
		if (!(operator.head() instanceof Var head)) {
			return null;
		}
		List<String> resolved = this.ev.documents.resolve(head.name(), scope);
		if (resolved == null || !"data".equals(resolved.get(0))) {
			return null;
		}
		List<String> path = new ArrayList<>(resolved.subList(1, resolved.size()));
		for (Term t : operator.terms().subList(1, operator.terms().size())) {
			if (!(t instanceof StringTerm s)) {
				return null;
			}
			path.add(s.value());
		}
		return path;
	}

	private static List<RuleEntry> functions(RuleNode node) {
		List<RuleEntry> functions = node.rules()
			.stream()
			.filter((r) -> r.rule().head().kind() == dev.cairn.rego.ast.RuleHead.Kind.FUNCTION)
			.toList();
		return functions.isEmpty() ? null : functions;
	}

	/**
	 * Evaluates call arguments, bare variables last: in {@code x == a[x]} the ref binds
	 * {@code x}. The values come back in argument order.
	 */
	private void argsInOrder(List<Term> ts, Context ctx, Scope scope, Env env, BiConsumer<Value[], Env> k) {
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < ts.size(); i++) {
			if (!(ts.get(i) instanceof Var)) {
				order.add(i);
			}
		}
		for (int i = 0; i < ts.size(); i++) {
			if (ts.get(i) instanceof Var) {
				order.add(i);
			}
		}
		List<Term> reordered = order.stream().map(ts::get).toList();
		this.ev.terms.list(reordered, 0, new Value[ts.size()], ctx, scope, env, (vs, e) -> {
			Value[] out = new Value[vs.length];
			for (int i = 0; i < vs.length; i++) {
				out[order.get(i)] = vs[i];
			}
			k.accept(out, e);
		});
	}

}
