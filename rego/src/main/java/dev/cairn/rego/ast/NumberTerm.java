package dev.cairn.rego.ast;

import java.util.Objects;

import dev.cairn.rego.Location;

/**
 * A number literal. {@code text} is the literal as written with its sign, for example
 * {@code -1.5e3} or {@code .5}; it is valid input for
 * {@link java.math.BigDecimal#BigDecimal(String)}, whose exponent is within OPA's bounds.
 */
public record NumberTerm(Location location, String text) implements Scalar {

	public NumberTerm {
		Objects.requireNonNull(location, "location");
	}

	@Override
	public String typeName() {
		return "number";
	}

}
