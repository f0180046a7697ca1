package dev.cairn.rego.ast;

import java.util.List;
import java.util.Objects;

import dev.cairn.rego.Location;

/**
 * A reference: a head followed by zero or more path components. The head is a {@link Var}
 * (including {@code data} and {@code input}), a collection, a comprehension or a
 * {@link Call}; {@code a.b} and {@code a["b"]} both give a {@link StringTerm} component,
 * {@code a[x]} gives whatever term is in the brackets. A ref's operators for calls are
 * refs too: {@code count} is the ref {@code [count]}, {@code time.now_ns} is
 * {@code [time, "now_ns"]}.
 *
 * @param location where the head starts
 * @param terms head first, then the components; never empty
 */
public record Ref(Location location, List<Term> terms) implements Term {

	public Ref {
		Objects.requireNonNull(location, "location");
		terms = List.copyOf(terms);
		if (terms.isEmpty()) {
			throw new IllegalArgumentException("a ref has at least a head");
		}
	}

	/** The first term. */
	public Term head() {
		return this.terms.get(0);
	}

	/**
	 * The dotted name when the head is a variable and every component a string that is a
	 * valid name, for example {@code internal.member_2}; otherwise {@code null}.
	 */
	public String name() {
		if (!(head() instanceof Var v)) {
			return null;
		}
		if (this.terms.size() == 1) {
			return v.name();
		}
		StringBuilder sb = new StringBuilder(v.name());
		for (int i = 1; i < this.terms.size(); i++) {
			if (!(this.terms.get(i) instanceof StringTerm s)) {
				return null;
			}
			sb.append('.').append(s.value());
		}
		return sb.toString();
	}

	@Override
	public String typeName() {
		return "ref";
	}

}
