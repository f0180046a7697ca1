package dev.cairn.rego.internal.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.cairn.rego.ErrorCode;
import dev.cairn.rego.Limits;
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

	/** Steps between looks at the clock. */
	private static final int CHECK_INTERVAL = 256;

	/**
	 * How deeply evaluation nests on the caller's thread. Each level takes up to about 8
	 * KiB of stack, and a single expression's nested terms up to about 300 KiB more, so
	 * this fits a 1 MiB stack (the JVM's default) with room for the caller's frames.
	 */
	static final int CALLER_DEPTH = 48;

	final CompiledPolicy policy;

	final boolean strict;

	private final Limits limits;

	/** {@code System.nanoTime()} at the start, for the timeout. */
	private final long start;

	/** The timeout in nanoseconds; 0 for none. */
	private final long timeoutNanos;

	private final long maxSteps;

	private final int maxDepth;

	/** The output size limit, for {@link #checkOutput}. */
	final long maxOutput;

	private final Context root;

	private long steps;

	/** The step count at which {@link #step()} next looks at the clock and the limit. */
	private long nextCheck;

	private int depth;

	final Exprs exprs;

	final Terms terms;

	final Documents documents;

	final Builtins builtins;

	final Rules rules;

	private Value now;

	/** What this evaluation shares with others of the same prepared query. */
	final Memo memo;

	/** The embedding application's grants and this evaluation's network memory. */
	final Host host;

	/** Observes evaluation for coverage; {@code null}, the usual case, for none. */
	final Tracer tracer;

	/**
	 * Results of random builtins by name and arguments: the same within one evaluation.
	 */
	final Map<List<Value>, Value> randomResults;

	/**
	 * An evaluator within {@code limits}, on the caller's stack: prefer
	 * {@link #evaluate}, which moves deep evaluations to a stack that fits them.
	 * @param memo what earlier evaluations of the same query worked out (see
	 * {@link Memo}); shared between evaluations, also concurrent ones
	 * @param host what the embedding application grants
	 * @param tracer observes evaluation for coverage; {@code null} for none
	 */
	public Evaluator(CompiledPolicy policy, Value input, boolean strict, Limits limits, Host host, Tracer tracer) {
		this(policy, new Memo(), input, strict, limits, host, tracer, System.nanoTime(), null, 0, limits.maxDepth(),
				new HashMap<>());
	}

	private Evaluator(CompiledPolicy policy, Memo memo, Value input, boolean strict, Limits limits, Host host,
			Tracer tracer, long start, Value now, long steps, int depthLimit, Map<List<Value>, Value> randomResults) {
		this.policy = policy;
		this.memo = memo;
		this.strict = strict;
		this.limits = limits;
		this.host = host;
		this.tracer = tracer;
		this.randomResults = randomResults;
		this.start = start;
		this.timeoutNanos = limits.timeout().isZero() ? 0 : saturatedNanos(limits.timeout());
		this.maxSteps = limits.maxSteps();
		this.maxDepth = depthLimit;
		this.maxOutput = limits.maxOutputSize();
		this.steps = steps;
		this.nextCheck = Math.min(steps + CHECK_INTERVAL, saturatedIncrement(this.maxSteps));
		this.root = new Context(input, policy.data(), Map.of(), Map.of());
		this.exprs = new Exprs(this);
		this.terms = new Terms(this);
		this.documents = new Documents(this);
		this.builtins = new Builtins(this);
		this.rules = new Rules(this);
		this.now = now;
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

	/**
	 * Evaluates a query within {@code limits}. Evaluation starts on the caller's thread;
	 * one that nests deeper than {@value #CALLER_DEPTH} levels, which any thread's stack
	 * holds, starts again on a thread of its own whose stack holds {@code maxDepth}
	 * levels, keeping its clock, its {@code time.now_ns} and the steps already taken.
	 * Most evaluations never nest that deep, and pay nothing for this.
	 * @return the rows, as {@link #query}
	 * @throws RegoException for evaluation errors, including limits reached
	 */
	public static List<Map<String, Value>> evaluate(CompiledPolicy policy, Memo memo, Body query, Value input,
			boolean strict, Limits limits, Host host, Tracer tracer) {
		Evaluator shallow = new Evaluator(policy, memo, input, strict, limits, host, tracer, System.nanoTime(), null, 0,
				Math.min(limits.maxDepth(), CALLER_DEPTH), new HashMap<>());
		try {
			return shallow.query(query);
		}
		catch (DeeperStackNeeded | StackOverflowError ex) {
			// Started again below, on a deeper stack.
		}
		// The same host and random results: answers already fetched or drawn stay the
		// same.
		Evaluator deep = new Evaluator(policy, memo, input, strict, limits, host, tracer, shallow.start, shallow.now(),
				shallow.steps, limits.maxDepth(), shallow.randomResults);
		return DeepStack.run(() -> {
			try {
				return deep.query(query);
			}
			catch (StackOverflowError ex) {
				throw limitExceeded("depth limit exceeded: the stack ran out at depth " + deep.depth
						+ " (Limits.maxDepth is " + limits.maxDepth() + ")");
			}
		}, DeepStack.bytesFor(limits.maxDepth()));
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
			checkOutput(rows.size(), "the query's result rows");
		});
		return rows;
	}

	/** The value of a term without variables, such as an {@code input_term}. */
	public static Value constant(Term term) {
		CompiledPolicy empty = CompiledPolicy.empty(Evaluator::builtinArity);
		Evaluator evaluator = new Evaluator(empty, null, true, Limits.DEFAULT, Host.isolated(), null);
		List<Value> values = new ArrayList<>();
		evaluator.terms.eval(empty.prepare(term), evaluator.root, Scope.QUERY, Env.EMPTY, (v, env) -> values.add(v));
		if (values.isEmpty()) {
			throw new RegoException(ErrorCode.EVAL_INTERNAL_ERROR, term.location(), "term is undefined");
		}
		return values.get(0);
	}

	/**
	 * The builtin functions policies can call by name, sorted; operators such as
	 * {@code plus} and internal helpers are left out.
	 */
	public static List<String> builtinNames() {
		return Functions.names().stream().filter((n) -> !n.startsWith("internal.") && !OPERATORS.contains(n)).toList();
	}

	private static final Set<String> OPERATORS = Set.of("plus", "minus", "mul", "div", "rem", "and", "or", "equal",
			"neq", "lt", "lte", "gt", "gte");

	/**
	 * The number of arguments the builtin of that name takes, or -1 when there is none.
	 */
	public static int builtinArity(String name) {
		Functions.Builtin builtin = Functions.get(name);
		return (builtin != null) ? builtin.arity() : -1;
	}

	/**
	 * Counts one step: called per expression, rule body and iterated value. Only every
	 * {@value #CHECK_INTERVAL} steps, and at the step limit, does it look further.
	 */
	void step() {
		if (++this.steps >= this.nextCheck) {
			checkpoint();
		}
	}

	private void checkpoint() {
		if (this.steps > this.maxSteps) {
			throw limitExceeded("step limit exceeded: more than " + this.maxSteps + " steps (Limits.maxSteps)");
		}
		if (this.timeoutNanos > 0 && System.nanoTime() - this.start > this.timeoutNanos) {
			throw limitExceeded("time limit exceeded: evaluation took longer than " + describe(this.limits.timeout())
					+ " (Limits.timeout)");
		}
		if (Thread.currentThread().isInterrupted()) {
			throw limitExceeded("evaluation cancelled: the thread was interrupted");
		}
		this.nextCheck = Math.min(this.steps + CHECK_INTERVAL, saturatedIncrement(this.maxSteps));
	}

	/** Enters one level of nesting; pair with {@link #leave()}. */
	void enter() {
		if (++this.depth > this.maxDepth) {
			throw depthExceeded();
		}
	}

	private RuntimeException depthExceeded() {
		if (this.maxDepth < this.limits.maxDepth()) {
			return DeeperStackNeeded.INSTANCE;
		}
		return limitExceeded("depth limit exceeded: evaluation nested more than " + this.maxDepth
				+ " levels deep (Limits.maxDepth)");
	}

	void leave() {
		this.depth--;
	}

	/** The current nesting depth. */
	public int depth() {
		return this.depth;
	}

	/**
	 * Fails when a value of {@code size} elements or characters exceeds the output limit.
	 * @param what what built the value, for the message
	 */
	void checkOutput(long size, String what) {
		if (size > this.maxOutput) {
			throw outputExceeded(what);
		}
	}

	RegoException outputExceeded(String what) {
		return limitExceeded("output size limit exceeded: " + what + " would have more than " + this.maxOutput
				+ " elements or characters (Limits.maxOutputSize)");
	}

	private static RegoException limitExceeded(String detail) {
		return new RegoException(ErrorCode.EVAL_CANCEL_ERROR, null, detail);
	}

	private static String describe(java.time.Duration d) {
		return (d.toNanos() % 1_000_000 == 0) ? d.toMillis() + " ms" : d.toNanos() / 1000 + " µs";
	}

	private static long saturatedNanos(java.time.Duration d) {
		return (d.compareTo(java.time.Duration.ofDays(365 * 100)) > 0) ? Long.MAX_VALUE : d.toNanos();
	}

	private static long saturatedIncrement(long n) {
		return (n == Long.MAX_VALUE) ? n : n + 1;
	}

	/**
	 * Thrown, without a stack trace, when evaluation on the caller's thread nests deeper
	 * than {@link #CALLER_DEPTH}, so that it starts again on a deeper stack.
	 */
	private static final class DeeperStackNeeded extends RuntimeException {

		static final DeeperStackNeeded INSTANCE = new DeeperStackNeeded();

		private DeeperStackNeeded() {
			super("evaluation needs a deeper stack", null, false, false);
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
