package dev.cairn.rego.ast;

import java.util.Objects;

import dev.cairn.rego.Location;

/** The literal {@code null}. */
public record NullTerm(Location location) implements Scalar {

	public NullTerm {
		Objects.requireNonNull(location, "location");
	}

	@Override
	public String typeName() {
		return "null";
	}

}
