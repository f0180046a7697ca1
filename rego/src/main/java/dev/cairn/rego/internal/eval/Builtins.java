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
		if (Printing.NAME.equals(c.name()) && !ctx.functionMocks.containsKey(Printing.NAME)) {
			Printing.print(this.ev, c, ctx, scope, env, k);
			return;
		}
		// What the operator names is the same in every evaluation: resolved once.
		Target target = target(c, scope);
		if (target.error() != null) {
			throw new RegoException(ErrorCode.TYPE_ERROR, c.location(), target.error());
		}
		String name = target.name();
		List<RuleEntry> functions = target.functions();
		Mock mock = ctx.functionMocks.isEmpty() ? null : ctx.functionMocks.get(target.mockKey());
		Term output = target.output();
		Functions.Builtin resolved = target.builtin();
		argsInOrder(target, ctx, scope, env, (args, e) -> {
			Value result;
			if (mock instanceof Mock.Constant m) {
				result = m.value();
			}
			else if (mock instanceof Mock.UserFunction m) {
				result = this.ev.rules.call(m.rules(), List.of(args), unmocked(ctx));
			}
			else if (mock instanceof Mock.Builtin m) {
				result = apply(m.builtin(), m.name(), args, c, scope);
			}
			else if (functions != null) {
				result = this.ev.rules.call(functions, List.of(args), ctx);
			}
			else {
				result = apply(resolved, name, args, c, scope);
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

	private Value apply(Functions.Builtin builtin, String name, Value[] args, Call c, Scope scope) {
		Evaluator ev = this.ev;
		OutputBounds.Bound bound = OutputBounds.get(name);
		if (bound != null && bound.estimate(args, ev.maxOutput) > ev.maxOutput) {
			throw ev.outputExceeded("the result of " + name);
		}
		try {
			Value result;
			if (builtin.hosted() != null) {
				result = builtin.hosted().apply(this.ev, scope, args);
			}
			else if (builtin.random()) {
				List<Value> key = new ArrayList<>(List.of(args));
				key.add(0, dev.cairn.rego.value.StringValue.of(name));
				result = this.ev.randomResults.computeIfAbsent(key, (k) -> builtin.impl().apply(args));
			}
			else {
				result = builtin.impl().apply(args);
			}
			if (result != null && OutputBounds.size(result) > this.ev.maxOutput) {
				throw this.ev.outputExceeded("the result of " + name);
			}
			return result;
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
	private void argsInOrder(Target target, Context ctx, Scope scope, Env env, BiConsumer<Value[], Env> k) {
		int[] order = target.order();
		this.ev.terms.list(target.ordered(), 0, new Value[order.length], ctx, scope, env, (vs, e) -> {
			Value[] out = new Value[vs.length];
			for (int i = 0; i < vs.length; i++) {
				out[order[i]] = vs[i];
			}
			k.accept(out, e);
		});
	}

	/** What a call resolves to: worked out once per call site. */
	Target target(Call c, Scope scope) {
		Target target = this.ev.memo.get(c);
		return (target != null) ? target : this.ev.memo.get(c, (x) -> resolve(c, scope));
	}

	/**
	 * The value of a call as {@link #call} would give it, when it has one value at most
	 * and binds nothing; see {@link Terms#direct}.
	 */
	Value direct(Call c, Context ctx, Scope scope, Env env) {
		Target target = target(c, scope);
		if (target.error() != null || target.output() != null || !ctx.functionMocks.isEmpty()
				|| (target.builtin() != null && target.builtin().relation())) {
			return Terms.NOT_SIMPLE;
		}
		int[] order = target.order();
		Value[] args = new Value[order.length];
		for (int i = 0; i < order.length; i++) {
			Value v = this.ev.terms.direct(target.ordered().get(i), ctx, scope, env);
			if (v == null || v == Terms.NOT_SIMPLE) {
				return v;
			}
			args[order[i]] = v;
		}
		return (target.functions() != null) ? this.ev.rules.call(target.functions(), List.of(args), ctx)
				: apply(target.builtin(), target.name(), args, c, scope);
	}

	private Target resolve(Call c, Scope scope) {
		String name = c.name();
		List<String> path = functionPath(c.operator(), scope);
		RuleNode node = (path != null) ? this.ev.documents.node(path) : null;
		List<RuleEntry> functions = (node != null) ? functions(node) : null;
		String mockKey = (functions != null) ? "data." + String.join(".", path) : name;
		int arity;
		Functions.Builtin builtin = null;
		if (functions != null) {
			arity = functions.get(0).rule().head().args().size();
		}
		else {
			builtin = Functions.get(name);
			if (builtin == null) {
				return Target.error("undefined function " + name);
			}
			arity = builtin.arity();
		}
		if (c.args().size() != arity && c.args().size() != arity + 1) {
			return Target.error(name + ": arity mismatch: expected " + arity + " arguments, got " + c.args().size());
		}
		List<Term> inputs = c.args().subList(0, arity);
		Term output = (c.args().size() > arity) ? c.args().get(arity) : null;
		int[] order = new int[inputs.size()];
		int n = 0;
		for (int i = 0; i < inputs.size(); i++) {
			if (!(inputs.get(i) instanceof Var)) {
				order[n++] = i;
			}
		}
		for (int i = 0; i < inputs.size(); i++) {
			if (inputs.get(i) instanceof Var) {
				order[n++] = i;
			}
		}
		List<Term> ordered = new ArrayList<>();
		for (int i : order) {
			ordered.add(inputs.get(i));
		}
		return new Target(null, name, mockKey, functions, builtin, List.copyOf(ordered), order, output);
	}

	/**
	 * What a call's operator resolves to, and how to evaluate its arguments.
	 *
	 * @param error why the call cannot be made, or {@code null}
	 * @param name the operator's name
	 * @param mockKey the key under which {@code with} replaces it
	 * @param functions the user function's rules, or {@code null} for a builtin
	 * @param builtin the builtin, or {@code null} for a user function
	 * @param ordered the input arguments in evaluation order
	 * @param order the position of each of {@code ordered} among the arguments
	 * @param output the extra last argument unified with the result, or {@code null}
	 */
	record Target(String error, String name, String mockKey, List<RuleEntry> functions, Functions.Builtin builtin,
			List<Term> ordered, int[] order, Term output) {

		static Target error(String error) {
			return new Target(error, null, null, null, null, null, null, null);
		}

	}

}
