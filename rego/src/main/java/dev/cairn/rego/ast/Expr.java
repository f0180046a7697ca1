package dev.cairn.rego.ast;

import java.util.List;
import java.util.Objects;

import dev.cairn.rego.Location;

/**
 * One literal of a query or rule body: an expression form, possibly negated with
 * {@code not}, with any number of {@code with} modifiers.
 *
 * @param location where the literal starts ({@code not} included)
 * @param negated whether written with {@code not}
 * @param form what the literal is
 * @param withs the {@code with} modifiers in order
 */
public record Expr(Location location, boolean negated, Form form, List<With> withs) implements Node {

	public Expr {
		Objects.requireNonNull(location, "location");
		Objects.requireNonNull(form, "form");
		withs = List.copyOf(withs);
	}

	/**
	 * Whether this is {@code a := b}.
	 */
	public boolean isAssignment() {
		return isCallOf("assign");
	}

	/**
	 * Whether this is {@code a = b}.
	 */
	public boolean isUnification() {
		return isCallOf("eq");
	}

	private boolean isCallOf(String name) {
		return this.form instanceof Call c && name.equals(c.operator().name()) && c.args().size() == 2;
	}

	/**
	 * What a literal can be. A {@link Term} (a {@link Call} for calls, infix operators,
	 * {@code =} and {@code :=}), a {@code some} declaration, {@code every}, or, with the
	 * experimental {@code and}/{@code or} keywords imported, a logical combination or an
	 * explicit body group.
	 */
	public sealed interface Form extends Node permits Term, SomeDecl, SomeIn, Every, LogicalExpr, Group {

	}

}
