package dev.cairn.rego.ast;

import java.util.List;
import java.util.Objects;

import dev.cairn.rego.Location;

/**
 * A rule's head: the path it defines, and what it produces there.
 * <ul>
 * <li>{@link Kind#SINGLE_VALUE}: {@code p := v}, {@code p = v}, {@code p} (value
 * {@code true}), and ref heads such as {@code a.b[x] := v} whose components may hold
 * variables (OPA's partial objects).</li>
 * <li>{@link Kind#MULTI_VALUE}: {@code p contains key}, adding {@code key} to the set at
 * {@code p}.</li>
 * <li>{@link Kind#FUNCTION}: {@code f(args) := v}, {@code f(args)} (value
 * {@code true}).</li>
 * </ul>
 *
 * @param location where the head starts
 * @param ref the path, relative to the package: {@code [p]}, {@code [a, "b", x]}; the
 * head is always a {@link Var}
 * @param args function arguments (patterns), empty unless a function
 * @param key the element of a multi-value rule, otherwise {@code null}
 * @param value the value, {@code null} only for multi-value rules
 * @param assign whether the value was written with {@code :=} rather than {@code =}
 * @param valueGenerated whether the value is an implied {@code true} not written in the
 * source
 */
public record RuleHead(Location location, Ref ref, List<Term> args, Term key, Term value, boolean assign,
		boolean valueGenerated) implements Node {

	public RuleHead {
		Objects.requireNonNull(location, "location");
		Objects.requireNonNull(ref, "ref");
		args = List.copyOf(args);
		if ((key == null) == (value == null)) {
			throw new IllegalArgumentException("a head has either a key (contains) or a value");
		}
	}

	/** The rule kinds. */
	public enum Kind {

		/**
		 * One value at the path (possibly one of many paths, for ref heads with
		 * variables).
		 */
		SINGLE_VALUE,

		/** A set built from all the rule's definitions ({@code contains}). */
		MULTI_VALUE,

		/** A function. */
		FUNCTION

	}

	/** What kind of rule this head defines. */
	public Kind kind() {
		if (!this.args.isEmpty()) {
			return Kind.FUNCTION;
		}
		return (this.key != null) ? Kind.MULTI_VALUE : Kind.SINGLE_VALUE;
	}

	/** The first name of the path, for example {@code p} in {@code p.q[x]}. */
	public String name() {
		return ((Var) this.ref.head()).name();
	}

	/** A copy with another value, as an {@code else} branch has. */
	public RuleHead withValue(Location location, Term value, boolean assign, boolean valueGenerated) {
		return new RuleHead(location, this.ref, this.args, null, value, assign, valueGenerated);
	}

}
