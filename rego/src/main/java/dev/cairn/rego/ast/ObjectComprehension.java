package dev.cairn.rego.ast;

import java.util.Objects;

import dev.cairn.rego.Location;

/**
 * {@code {key: value | body}}.
 *
 * @param location the opening brace
 * @param key the key collected for each solution of the body
 * @param value the value collected with it
 * @param body the query
 */
public record ObjectComprehension(Location location, Term key, Term value, Body body) implements Term {

	public ObjectComprehension {
		Objects.requireNonNull(location, "location");
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(value, "value");
		Objects.requireNonNull(body, "body");
	}

	@Override
	public String typeName() {
		return "objectcomprehension";
	}

}
