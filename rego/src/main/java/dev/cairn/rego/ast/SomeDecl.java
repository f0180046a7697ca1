package dev.cairn.rego.ast;

import java.util.List;
import java.util.Objects;

import dev.cairn.rego.Location;

/**
 * {@code some x, y}: declares local variables.
 *
 * @param location the {@code some} keyword
 * @param vars the declared variables
 */
public record SomeDecl(Location location, List<Var> vars) implements Expr.Form {

	public SomeDecl {
		Objects.requireNonNull(location, "location");
		vars = List.copyOf(vars);
	}

}
