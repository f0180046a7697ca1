package dev.cairn.rego.ast;

import java.util.List;
import java.util.Objects;

import dev.cairn.rego.Location;

/**
 * A set literal {@code {a, b}}, or {@code set()} for the empty set ({@code {}} is the
 * empty object). Elements are kept as written, duplicates included.
 *
 * @param location the opening brace, or {@code set}
 * @param elements the elements in source order
 */
public record SetTerm(Location location, List<Term> elements) implements Term {

	public SetTerm {
		Objects.requireNonNull(location, "location");
		elements = List.copyOf(elements);
	}

	@Override
	public String typeName() {
		return "set";
	}

}
