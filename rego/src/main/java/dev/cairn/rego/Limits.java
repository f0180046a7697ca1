package dev.cairn.rego;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds on one evaluation. An evaluation that reaches one stops with a
 * {@link RegoException} of code {@link ErrorCode#EVAL_CANCEL_ERROR} whose message names
 * the limit and its value, for example
 * {@code eval_cancel_error: step limit exceeded: more than 1000 steps (Limits.maxSteps)}.
 * Set them for all queries with {@link Rego.Builder#limits(Limits)}, for one prepared
 * query with {@link PreparedQuery#withLimits(Limits)}, or for one evaluation with
 * {@link PreparedQuery#evaluate(dev.cairn.rego.value.Value, Limits)}.
 *
 * <pre>{@code
 * Limits tight = Limits.DEFAULT.withTimeout(Duration.ofMillis(100)).withMaxSteps(100_000);
 * }</pre>
 *
 * @param timeout wall-clock time an evaluation may take; {@link Duration#ZERO} for no
 * limit. It is checked every few hundred steps, so a single slow builtin call can overrun
 * it by that call's duration.
 * @param maxSteps how many evaluation steps an evaluation may take: expressions
 * evaluated, rule and function bodies entered, and values iterated over. This bound is
 * deterministic, unlike the timeout.
 * @param maxDepth how deeply evaluation may nest: each expression whose solutions are
 * still being explored counts one, as does each rule, function or comprehension body
 * being evaluated. Recursion through functions and very long bodies reach it. An
 * evaluation that nests deeper than a few dozen levels continues on a thread of its own
 * with a stack sized for this limit (about 16 KiB a level), so that no depth up to it
 * overflows the caller's stack.
 * @param maxOutputSize the largest value evaluation may build, counted in elements for
 * arrays, sets and objects and in characters for strings: comprehension results, partial
 * rules, builtin results (such as {@code concat}, {@code sprintf}, {@code json.marshal}
 * or {@code numbers.range}, checked before they are built where that can be estimated)
 * and the number of result rows
 */
public record Limits(Duration timeout, long maxSteps, int maxDepth, long maxOutputSize) {

	/**
	 * The limits unless configured otherwise: a 10 s timeout, 100 million steps, depth
	 * 1000 and values of up to 10 million elements or characters. No policy meant to
	 * answer a request comes near them; with them, evaluation builds no values of
	 * gigabytes and its stack needs at most about 24 MiB (on a thread of its own, see
	 * {@link #maxDepth()}).
	 */
	public static final Limits DEFAULT = new Limits(Duration.ofSeconds(10), 100_000_000L, 1000, 10_000_000L);

	public Limits {
		Objects.requireNonNull(timeout, "timeout");
		if (timeout.isNegative()) {
			throw new IllegalArgumentException("timeout must not be negative, got " + timeout);
		}
		if (maxSteps <= 0 || maxDepth <= 0 || maxOutputSize <= 0) {
			throw new IllegalArgumentException("maxSteps, maxDepth and maxOutputSize must be positive, got " + maxSteps
					+ ", " + maxDepth + ", " + maxOutputSize);
		}
	}

	/** These limits with another timeout ({@link Duration#ZERO}: none). */
	public Limits withTimeout(Duration timeout) {
		return new Limits(timeout, this.maxSteps, this.maxDepth, this.maxOutputSize);
	}

	/**
	 * These limits with another step limit ({@link Long#MAX_VALUE}: practically none).
	 */
	public Limits withMaxSteps(long maxSteps) {
		return new Limits(this.timeout, maxSteps, this.maxDepth, this.maxOutputSize);
	}

	/** These limits with another depth limit. */
	public Limits withMaxDepth(int maxDepth) {
		return new Limits(this.timeout, this.maxSteps, maxDepth, this.maxOutputSize);
	}

	/** These limits with another output size limit. */
	public Limits withMaxOutputSize(long maxOutputSize) {
		return new Limits(this.timeout, this.maxSteps, this.maxDepth, maxOutputSize);
	}

}
