package dev.cairn.rego.ast;

import java.util.Objects;

import dev.cairn.rego.Location;

/**
 * {@code [term | body]}.
 *
 * @param location the opening bracket
 * @param head the term collected for each solution of the body
 * @param body the query
 */
public record ArrayComprehension(Location location, Term head, Body body) implements Term {

	public ArrayComprehension {
		Objects.requireNonNull(location, "location");
		Objects.requireNonNull(head, "head");
		Objects.requireNonNull(body, "body");
	}

	@Override
	public String typeName() {
		return "arraycomprehension";
	}

}
