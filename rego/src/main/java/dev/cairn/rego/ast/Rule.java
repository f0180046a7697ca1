package dev.cairn.rego.ast;

import java.util.List;
import java.util.Objects;

import dev.cairn.rego.Location;

/**
 * A rule. Rules with several bodies ({@code p if { a } { b }}) are parsed as several
 * rules with the same head; a function with several definitions is several rules too.
 *
 * @param location where the rule starts ({@code default} included)
 * @param isDefault whether declared with {@code default}; its value is then ground and
 * its body the generated {@code true}
 * @param head the head
 * @param body the body; {@code true} when the source has none (see {@code bodyGenerated})
 * @param elseRule the next {@code else} branch, or {@code null}; it has the same path and
 * arguments, its own value and body, and may have its own {@code else}
 * @param bodyGenerated whether the body was not written in the source
 * @param annotations the {@code # METADATA} annotations that apply to this rule:
 * rule-scoped ones written right before it, and document-scoped ones for its path in the
 * same module
 */
public record Rule(Location location, boolean isDefault, RuleHead head, Body body, Rule elseRule, boolean bodyGenerated,
		List<Annotation> annotations) implements Node {

	public Rule {
		Objects.requireNonNull(location, "location");
		Objects.requireNonNull(head, "head");
		Objects.requireNonNull(body, "body");
		annotations = List.copyOf(annotations);
	}

	/** A copy with the given annotations. */
	public Rule withAnnotations(List<Annotation> annotations) {
		return new Rule(this.location, this.isDefault, this.head, this.body, this.elseRule, this.bodyGenerated,
				annotations);
	}

}
