package dev.cairn.rego.ast;

import java.util.Objects;

import dev.cairn.rego.Location;

/**
 * A {@code #} comment.
 *
 * @param location the {@code #}
 * @param text the text after {@code #}
 */
public record Comment(Location location, String text) implements Node {

	public Comment {
		Objects.requireNonNull(location, "location");
		Objects.requireNonNull(text, "text");
	}

}
