package dev.cairn.rego.ast;

import java.util.Objects;

import dev.cairn.rego.Location;

/**
 * {@code with target as value}: replaces part of {@code input} or {@code data}, or a
 * function, while the literal is evaluated.
 *
 * @param location the {@code with} keyword
 * @param target a {@link Ref} (for {@code input}, {@code data} and functions) or a
 * {@link Var}
 * @param value the replacement
 */
public record With(Location location, Term target, Term value) implements Node {

	public With {
		Objects.requireNonNull(location, "location");
		Objects.requireNonNull(target, "target");
		Objects.requireNonNull(value, "value");
	}

}
