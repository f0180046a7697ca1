package dev.cairn.rego.ast;

import java.util.Objects;

import dev.cairn.rego.Location;

/**
 * {@code some value in collection} or {@code some key, value in collection}: iterates,
 * binding (or unifying) key and value; the variables in them are local. OPA represents it
 * as a declaration of {@code internal.member_2/3}.
 *
 * @param location the {@code some} keyword
 * @param key the key term, or {@code null} in the one-variable form
 * @param value the value term
 * @param collection the collection iterated over
 */
public record SomeIn(Location location, Term key, Term value, Term collection) implements Expr.Form {

	public SomeIn {
		Objects.requireNonNull(location, "location");
		Objects.requireNonNull(value, "value");
		Objects.requireNonNull(collection, "collection");
	}

}
