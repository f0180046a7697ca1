package dev.cairn.rego.internal.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.cairn.rego.ErrorCode;
import dev.cairn.rego.RegoException;
import dev.cairn.rego.ast.Body;
import dev.cairn.rego.ast.Expr;
import dev.cairn.rego.ast.Term;
import dev.cairn.rego.internal.compile.CompiledPolicy;
import dev.cairn.rego.value.Value;

/**
 * Evaluates queries against a compiled policy; one instance per evaluation, never shared
 * between threads. Solutions are passed to continuations rather than collected, so that
 * backtracking over bindings costs no copying.
 */
public final class Evaluator {

	final CompiledPolicy policy;

	final boolean strict;

	private final long deadline;

	private final Context root;

	private int steps;

	final Exprs exprs;

	final Terms terms;

	final Documents documents;

	final Builtins builtins;

	final Rules rules;

	private Value now;

	/** What this evaluation shares with others of the same prepared query. */
	final Memo memo;

	public Evaluator(CompiledPolicy policy, Value input, boolean strict, long deadline) {
		this(policy, new Memo(), input, strict, deadline);
	}

	/**
	 * @param memo what earlier evaluations of the same query worked out; shared between
	 * evaluations, also concurrent ones
	 */
	public Evaluator(CompiledPolicy policy, Memo memo, Value input, boolean strict, long deadline) {
		this.policy = policy;
		this.memo = memo;
		this.strict = strict;
		this.deadline = deadline;
		this.root = new Context(input, policy.data(), Map.of(), Map.of());
		this.exprs = new Exprs(this);
		this.terms = new Terms(this);
		this.documents = new Documents(this);
		this.builtins = new Builtins(this);
		this.rules = new Rules(this);
	}

	/** {@code time.now_ns} for this evaluation: read once, on first use. */
	Value now() {
		if (this.now == null) {
			java.time.Instant start = java.time.Instant.now();
			this.now = dev.cairn.rego.value.NumberValue.of(java.math.BigInteger.valueOf(start.getEpochSecond())
				.multiply(java.math.BigInteger.valueOf(1_000_000_000L))
				.add(java.math.BigInteger.valueOf(start.getNano())));
		}
		return this.now;
	}

	/** The rows of the query: bindings of its named variables, one row per solution. */
	public List<Map<String, Value>> query(Body query) {
		List<String> names = this.memo.get(query, (q) -> {
			Set<String> collected = new LinkedHashSet<>();
			for (Expr e : q.exprs()) {
				Vars.collect(e, collected);
			}
			return List.copyOf(collected);
		});
		List<Map<String, Value>> rows = new ArrayList<>();
		Scope scope = Scope.QUERY;
		this.exprs.body(query.exprs(), 0, this.root, scope, Env.EMPTY, (env) -> {
			Map<String, Value> row = new HashMap<>(4);
			for (String name : names) {
				Value v = env.get(name);
				if (v != null) {
					row.put(name, v);
				}
			}
			rows.add(row);
		});
		return rows;
	}

	/** The value of a term without variables, such as an {@code input_term}. */
	public static Value constant(Term term) {
		Evaluator evaluator = new Evaluator(CompiledPolicy.empty(), null, true, Long.MAX_VALUE);
		List<Value> values = new ArrayList<>();
		evaluator.terms.eval(term, evaluator.root, Scope.QUERY, Env.EMPTY, (v, env) -> values.add(v));
		if (values.isEmpty()) {
			throw new RegoException(ErrorCode.EVAL_INTERNAL_ERROR, term.location(), "term is undefined");
		}
		return values.get(0);
	}

	/** Called once per expression: enforces the time limit and cancellation. */
	void step() {
		if ((++this.steps & 0xff) == 0
				&& (System.nanoTime() > this.deadline || Thread.currentThread().isInterrupted())) {
			throw new RegoException(ErrorCode.EVAL_CANCEL_ERROR, null, "evaluation timed out or was cancelled");
		}
	}

	/** Receives each solution of a body or expression. */
	@FunctionalInterface
	interface Solutions {

		void accept(Env env);

	}

	/** Receives each value of a term, with the bindings that produced it. */
	@FunctionalInterface
	interface Values {

		void accept(Value value, Env env);

	}

}
