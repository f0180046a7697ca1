package dev.cairn.rego.ast;

import java.util.List;
import java.util.Objects;

import dev.cairn.rego.Location;

/**
 * A query: literals that must all hold, in order.
 *
 * @param location where the first literal starts
 * @param exprs the literals; never empty
 */
public record Body(Location location, List<Expr> exprs) implements Node {

	public Body {
		Objects.requireNonNull(location, "location");
		exprs = List.copyOf(exprs);
	}

}
