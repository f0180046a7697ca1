package dev.cairn.rego.ast;

import java.util.Objects;

import dev.cairn.rego.Location;

/**
 * {@code import path [as alias]}. The path starts with {@code data}, {@code input},
 * {@code future} ({@code future.keywords...}, which changes parsing only) or {@code rego}
 * ({@code rego.v1}, a no-op in v1).
 *
 * @param location the {@code import} keyword
 * @param path the imported ref, components after the head all strings
 * @param alias the alias, or {@code null}
 */
public record Import(Location location, Ref path, String alias) implements Node {

	public Import {
		Objects.requireNonNull(location, "location");
		Objects.requireNonNull(path, "path");
	}

	/**
	 * The name the import binds in the module: the alias, else the last component
	 * ({@code x} for {@code data.a.x}, {@code input} for {@code input}).
	 */
	public String name() {
		if (this.alias != null) {
			return this.alias;
		}
		Term last = this.path.terms().get(this.path.terms().size() - 1);
		return (last instanceof StringTerm s) ? s.value() : ((Var) last).name();
	}

}
