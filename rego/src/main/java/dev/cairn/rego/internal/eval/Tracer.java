package dev.cairn.rego.internal.eval;

import dev.cairn.rego.ast.Expr;
import dev.cairn.rego.ast.Rule;

/**
 * Observes an evaluation, for coverage. The evaluator calls it only when one is given, so
 * an evaluation without a tracer pays one null check per expression and per rule
 * solution. Called on the evaluating thread; an implementation shared between evaluations
 * running at once must be thread-safe.
 */
public interface Tracer {

	/** An expression is about to be evaluated (before its {@code with} modifiers). */
	void expr(Expr expr);

	/**
	 * A rule's body (or one {@code else} branch's) was satisfied: the rule produced a
	 * value, or a set element or object entry, for one solution.
	 */
	void ruleExit(Rule rule);

}
