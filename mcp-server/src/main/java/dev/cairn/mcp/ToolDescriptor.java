package dev.cairn.mcp;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a client sees of a tool besides its schema. Hints are always explicit: a read-only
 * tool says so, and nothing is destructive or open-world by accident.
 *
 * @param name snake_case {@code <feature>_<verb>[_<object>]}, at most 64 characters
 * @param title a short human title
 * @param description written for an agent: what it returns, when to use it, what bounds
 * the output
 * @param readOnly whether the tool changes nothing
 * @param destructive whether the tool may delete or overwrite
 * @param idempotent whether repeating a call has no further effect
 * @param openWorld whether the tool reaches systems outside the platform's own model
 */
public record ToolDescriptor(String name, String title, String description, boolean readOnly, boolean destructive,
		boolean idempotent, boolean openWorld) {

	private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)+");

	public ToolDescriptor {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(title, "title");
		Objects.requireNonNull(description, "description");
		if (name.length() > 64 || !NAME.matcher(name).matches()) {
			throw new IllegalArgumentException(
					"tool name '" + name + "' must be snake_case <feature>_<verb>[_<object>], at most 64 characters");
		}
		if (readOnly && destructive) {
			throw new IllegalArgumentException("tool '" + name + "' cannot be both read-only and destructive");
		}
	}

	/** A descriptor for a tool that only reads the platform's own model. */
	public static ToolDescriptor readOnly(String name, String title, String description) {
		return new ToolDescriptor(name, title, description, true, false, true, false);
	}

}
