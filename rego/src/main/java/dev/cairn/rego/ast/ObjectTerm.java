package dev.cairn.rego.ast;

import java.util.List;
import java.util.Objects;

import dev.cairn.rego.Location;

/**
 * An object literal {@code {k: v, ...}}. Keys may be any term; entries are kept as
 * written, duplicates included.
 *
 * @param location the opening brace
 * @param entries the entries in source order
 */
public record ObjectTerm(Location location, List<Entry> entries) implements Term {

	public ObjectTerm {
		Objects.requireNonNull(location, "location");
		entries = List.copyOf(entries);
	}

	@Override
	public String typeName() {
		return "object";
	}

	/**
	 * One {@code key: value} pair.
	 *
	 * @param key the key term
	 * @param value the value term
	 */
	public record Entry(Term key, Term value) {

		public Entry {
			Objects.requireNonNull(key, "key");
			Objects.requireNonNull(value, "value");
		}

	}

}
