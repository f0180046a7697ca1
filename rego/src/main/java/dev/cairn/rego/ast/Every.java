package dev.cairn.rego.ast;

import java.util.Objects;

import dev.cairn.rego.Location;

/**
 * {@code every [key,] value in domain { body }}: true when the body holds for every
 * element of the domain (and for an empty domain).
 *
 * @param location the {@code every} keyword
 * @param key the key variable, or {@code null}
 * @param value the value variable
 * @param domain the collection
 * @param body the query checked for each element
 */
public record Every(Location location, Var key, Var value, Term domain, Body body) implements Expr.Form {

	public Every {
		Objects.requireNonNull(location, "location");
		Objects.requireNonNull(value, "value");
		Objects.requireNonNull(domain, "domain");
		Objects.requireNonNull(body, "body");
	}

}
