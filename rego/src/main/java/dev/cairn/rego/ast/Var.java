package dev.cairn.rego.ast;

import java.util.Objects;

import dev.cairn.rego.Location;

/**
 * A variable. {@code _} is the wildcard: every occurrence is a distinct, unnamed
 * variable, which the compiler must rename apart (OPA names them {@code $0}, {@code $1},
 * ...). A bare {@code input} or {@code data} is not a variable: the parser makes it a
 * one-element {@link Ref}.
 *
 * @param location where it is written
 * @param name the name
 */
public record Var(Location location, String name) implements Term {

	/** The wildcard's name. */
	public static final String WILDCARD = "_";

	public Var {
		Objects.requireNonNull(location, "location");
		Objects.requireNonNull(name, "name");
	}

	/** Whether this is {@code _}. */
	public boolean isWildcard() {
		return WILDCARD.equals(this.name);
	}

	@Override
	public String typeName() {
		return "var";
	}

}
