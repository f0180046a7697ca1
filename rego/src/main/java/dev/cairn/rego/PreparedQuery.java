package dev.cairn.rego;

import dev.cairn.rego.ast.Body;
import dev.cairn.rego.internal.compile.CompiledPolicy;
import dev.cairn.rego.internal.eval.Evaluator;
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

	/** Body orders and name resolutions, worked out by the first evaluations. */
	private final Memo memo = new Memo();

	PreparedQuery(CompiledPolicy policy, Body query, Rego.Options options) {
		this.policy = policy;
		this.query = query;
		this.options = options;
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
		long deadline = (this.options.timeoutMillis() > 0)
				? System.nanoTime() + this.options.timeoutMillis() * 1_000_000 : Long.MAX_VALUE;
		Evaluator evaluator = new Evaluator(this.policy, this.memo, input, this.options.strictBuiltinErrors(),
				deadline);
		try {
			return new QueryResult(evaluator.query(this.query));
		}
		catch (RegoException ex) {
			throw ex;
		}
		catch (StackOverflowError ex) {
			// Deeply recursive policies must fail like any other evaluation error, not
			// take the caller's thread down.
			throw new RegoException(ErrorCode.EVAL_CANCEL_ERROR, null, "evaluation recursed too deeply");
		}
		catch (RuntimeException ex) {
			throw new RegoException(ErrorCode.EVAL_INTERNAL_ERROR, null, "internal evaluation error: " + ex, ex);
		}
	}

}
