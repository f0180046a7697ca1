package dev.cairn.rego.ast;

import java.util.List;
import java.util.Objects;

import dev.cairn.rego.Location;

/**
 * An array literal {@code [a, b]}.
 *
 * @param location the opening bracket
 * @param elements the elements in order
 */
public record ArrayTerm(Location location, List<Term> elements) implements Term {

	public ArrayTerm {
		Objects.requireNonNull(location, "location");
		elements = List.copyOf(elements);
	}

	@Override
	public String typeName() {
		return "array";
	}

}
