package dev.cairn.rego.ast;

import java.util.Objects;

import dev.cairn.rego.Location;

/**
 * A string literal; {@code value} is decoded (escapes resolved, raw strings as written).
 * Refs written with dots ({@code a.b}) hold their components as string terms too.
 */
public record StringTerm(Location location, String value) implements Scalar {

	public StringTerm {
		Objects.requireNonNull(location, "location");
	}

	@Override
	public String typeName() {
		return "string";
	}

}
