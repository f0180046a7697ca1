package dev.cairn.rego.ast;

import java.util.Objects;

import dev.cairn.rego.Location;

/** The literal {@code true} or {@code false}. */
public record BooleanTerm(Location location, boolean value) implements Scalar {

	public BooleanTerm {
		Objects.requireNonNull(location, "location");
	}

	@Override
	public String typeName() {
		return "boolean";
	}

}
