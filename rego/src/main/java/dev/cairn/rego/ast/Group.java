package dev.cairn.rego.ast;

import java.util.Objects;

import dev.cairn.rego.Location;

/**
 * An explicit body used as one literal, {@code { a; b }}, as an operand of {@code and} or
 * {@code or}, or after {@code not}. Only with the experimental keywords imported. Its
 * variables are local to it.
 *
 * @param location the opening brace
 * @param body the grouped query
 */
public record Group(Location location, Body body) implements Expr.Form {

	public Group {
		Objects.requireNonNull(location, "location");
		Objects.requireNonNull(body, "body");
	}

}
