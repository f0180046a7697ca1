package dev.cairn.rego.ast;

import java.util.Objects;

import dev.cairn.rego.Location;

/**
 * {@code left and right} or {@code left or right}, only with the experimental keywords
 * imported ({@code import future.keywords.and}, {@code ... .or}). {@code not} binds
 * tighter than {@code and}, which binds tighter than {@code or}; both associate to the
 * left. Operands are literals, and {@code { ... }} or parentheses group.
 *
 * @param location where the left operand starts
 * @param operator which connective
 * @param left the left operand
 * @param right the right operand
 */
public record LogicalExpr(Location location, Operator operator, Expr left, Expr right) implements Expr.Form {

	public LogicalExpr {
		Objects.requireNonNull(location, "location");
		Objects.requireNonNull(operator, "operator");
		Objects.requireNonNull(left, "left");
		Objects.requireNonNull(right, "right");
	}

	/** The connectives. */
	public enum Operator {

		/** Both operands hold. */
		AND,

		/**
		 * At least one operand holds; the right one is only evaluated when the left
		 * fails.
		 */
		OR

	}

}
