package dev.cairn.rego.internal.eval;

import java.util.ArrayList;
import java.util.List;

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
		Value mock = ctx.functionMocks.get(name);
		List<RuleEntry> functions = userFunction(c.operator(), scope);
		int arity;
		Functions.Builtin builtin = null;
		if (functions != null) {
			arity = functions.get(0).rule().head().args().size();
		}
		else {
			builtin = Functions.get(name);
			if (builtin == null) {
				if (mock == null) {
					throw new RegoException(ErrorCode.TYPE_ERROR, c.location(), "undefined function " + name);
				}
				arity = c.args().size();
			}
			else {
				arity = builtin.arity();
			}
		}
		if (c.args().size() != arity && c.args().size() != arity + 1) {
			throw new RegoException(ErrorCode.TYPE_ERROR, c.location(),
					name + ": arity mismatch: expected " + arity + " arguments, got " + c.args().size());
		}
		List<Term> inputs = c.args().subList(0, arity);
		Term output = (c.args().size() > arity) ? c.args().get(arity) : null;
		Functions.Builtin resolved = builtin;
		this.ev.terms.list(inputs, 0, new Value[arity], ctx, scope, env, (args, e) -> {
			Value result;
			if (mock != null) {
				result = mock;
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
			if (output == null) {
				k.accept(result, e);
			}
			else {
				this.ev.terms.unifyValue(output, result, ctx, scope, e, (e2) -> k.accept(BoolValue.TRUE, e2));
			}
		});
	}

	private Value apply(Functions.Builtin builtin, String name, Value[] args, Call c) {
		try {
			return builtin.impl().apply(args);
		}
		catch (RegoException ex) {
			if (ex.code() == ErrorCode.EVAL_BUILTIN_ERROR || ex.code() == ErrorCode.EVAL_TYPE_ERROR) {
				if (!this.ev.strict && ex.code() == ErrorCode.EVAL_BUILTIN_ERROR) {
					return null;
				}
				String detail = ex.detail().startsWith(name + ":") ? ex.detail() : name + ": " + ex.detail();
				throw new RegoException(ex.code(), c.location(), detail);
			}
			throw ex;
		}
	}

	/** The rules of the user function a call names, or {@code null} for a builtin. */
	private List<RuleEntry> userFunction(Ref operator, Scope scope) {
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
		RuleNode node = this.ev.documents.node(path);
		if (node == null) {
			return null;
		}
		List<RuleEntry> functions = node.rules()
			.stream()
			.filter((r) -> r.rule().head().kind() == dev.cairn.rego.ast.RuleHead.Kind.FUNCTION)
			.toList();
		return functions.isEmpty() ? null : functions;
	}

}
