package dev.cairn.policy;

import java.util.Objects;

/**
 * What the policy needs to know about a tool, taken from its descriptor.
 *
 * @param name the tool's name
 * @param readOnly its read-only hint
 * @param destructive its destructive hint
 */
public record ToolFacts(String name, boolean readOnly, boolean destructive) {

	public ToolFacts {
		Objects.requireNonNull(name, "name");
	}

}
