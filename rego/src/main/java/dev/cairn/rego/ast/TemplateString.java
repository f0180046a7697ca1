package dev.cairn.rego.ast;

import java.util.List;
import java.util.Objects;

import dev.cairn.rego.Location;

/**
 * A template string, {@code $"text {expr} text"} or the raw, multi-line {@code $`text
 * {expr}`}. {@code \{} writes a literal brace. Each interpolated expression is a literal
 * that is neither negated, nor {@code =}, {@code :=}, {@code some} or {@code every}. When
 * evaluated, a string value is inserted as is, other values as Rego text, and an
 * undefined expression as {@code <undefined>}.
 *
 * @param location the {@code $}
 *
 * @param multiLine whether written with backticks
 * @param parts text and expressions in order; empty text is left out
 */
public record TemplateString(Location location, boolean multiLine, List<Part> parts) implements Term {

	public TemplateString {
		Objects.requireNonNull(location, "location");
		parts = List.copyOf(parts);
	}

	@Override
	public String typeName() {
		return "templatestring";
	}

	/** Either literal text or an interpolated expression. */
	public sealed interface Part permits Text, Interpolation {

	}

	/**
	 * Literal text, decoded.
	 *
	 * @param location where it starts
	 * @param text the text
	 */
	public record Text(Location location, String text) implements Part {

	}

	/**
	 * An expression between braces.
	 *
	 * @param expr the expression
	 */
	public record Interpolation(Expr expr) implements Part {

	}

}
