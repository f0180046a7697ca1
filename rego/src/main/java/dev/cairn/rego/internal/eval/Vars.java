package dev.cairn.rego.internal.eval;

import java.util.Set;

import dev.cairn.rego.ast.ArrayTerm;
import dev.cairn.rego.ast.Call;
import dev.cairn.rego.ast.Expr;
import dev.cairn.rego.ast.ObjectTerm;
import dev.cairn.rego.ast.Ref;
import dev.cairn.rego.ast.SetTerm;
import dev.cairn.rego.ast.SomeDecl;
import dev.cairn.rego.ast.SomeIn;
import dev.cairn.rego.ast.Term;
import dev.cairn.rego.ast.Var;

/**
 * The variables a query reports: those named outside comprehensions and nested bodies.
 */
final class Vars {

	private Vars() {
	}

	static void collect(Expr expr, Set<String> names) {
		if (expr.negated()) {
			return;
		}
		if (expr.form() instanceof Term t) {
			collect(t, names);
		}
		else if (expr.form() instanceof SomeDecl s) {
			s.vars().forEach((v) -> collect(v, names));
		}
		else if (expr.form() instanceof SomeIn s) {
			if (s.key() != null) {
				collect(s.key(), names);
			}
			collect(s.value(), names);
			collect(s.collection(), names);
		}
	}

	/** Collects the variables of a term, outside comprehensions, without wildcards. */
	static void collect(Term term, Set<String> names) {
		if (term instanceof Var v) {
			if (!v.isWildcard() && !v.name().startsWith("$")) {
				names.add(v.name());
			}
		}
		else if (term instanceof Ref r) {
			if (r.head() instanceof Var v && ("data".equals(v.name()) || "input".equals(v.name()))) {
				r.terms().stream().skip(1).forEach((t) -> collect(t, names));
			}
			else {
				r.terms().forEach((t) -> collect(t, names));
			}
		}
		else if (term instanceof ArrayTerm a) {
			a.elements().forEach((t) -> collect(t, names));
		}
		else if (term instanceof SetTerm s) {
			s.elements().forEach((t) -> collect(t, names));
		}
		else if (term instanceof ObjectTerm o) {
			o.entries().forEach((e) -> {
				collect(e.key(), names);
				collect(e.value(), names);
			});
		}
		else if (term instanceof Call c) {
			c.args().forEach((t) -> collect(t, names));
		}
	}

}
