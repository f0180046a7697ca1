package dev.cairn.rego;

import java.util.Objects;

import dev.cairn.rego.ast.Body;
import dev.cairn.rego.internal.compile.CompiledPolicy;
import dev.cairn.rego.internal.eval.Evaluator;
import dev.cairn.rego.internal.eval.Host;
import dev.cairn.rego.internal.eval.Memo;
import dev.cairn.rego.value.Value;

/**
 * A query parsed once against compiled modules, to evaluate many times with different
 * inputs. Immutable and safe to use from many threads at once.
 */
public final class PreparedQuery {

	private final CompiledPolicy policy;

	private final Body query;

	private final Rego.Options options;

	private final Limits limits;

	/** Name resolutions and call targets, worked out by the first evaluations. */
	private final Memo memo;

	PreparedQuery(CompiledPolicy policy, Body query, Rego.Options options, Limits limits) {
		this(policy, query, options, limits, new Memo());
	}

	private PreparedQuery(CompiledPolicy policy, Body query, Rego.Options options, Limits limits, Memo memo) {
		this.policy = policy;
		this.query = query;
		this.options = options;
		this.limits = limits;
		this.memo = memo;
	}

	/** The bounds of each evaluation of this query. */
	public Limits limits() {
		return this.limits;
	}

	/** This query with other bounds for each evaluation. */
	public PreparedQuery withLimits(Limits limits) {
		return new PreparedQuery(this.policy, this.query, this.options, Objects.requireNonNull(limits, "limits"),
				this.memo);
	}

	/** Evaluates without an input document. */
	public QueryResult evaluate() {
		return evaluate(null);
	}

	/**
	 * Evaluates with {@code input} as the input document ({@code null}: no input, so refs
	 * to {@code input} are undefined).
	 * @throws RegoException for evaluation errors (conflicts, type errors, limits)
	 */
	public QueryResult evaluate(Value input) {
		return evaluate(input, this.limits);
	}

	/**
	 * Evaluates with {@code input} as the input document, within {@code limits} instead
	 * of this query's own.
	 * @throws RegoException for evaluation errors; {@link ErrorCode#EVAL_CANCEL_ERROR}
	 * when a limit is reached or the thread is interrupted
	 */
	public QueryResult evaluate(Value input, Limits limits) {
		try {
			Host host = new Host(this.options.network(), this.options.runtime(), this.options.printHook());
			return new QueryResult(Evaluator.evaluate(this.policy, this.memo, this.query, input,
					this.options.strictBuiltinErrors(), Objects.requireNonNull(limits, "limits"), host, null));
		}
		catch (RegoException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new RegoException(ErrorCode.EVAL_INTERNAL_ERROR, null, "internal evaluation error: " + ex, ex);
		}
	}

}
