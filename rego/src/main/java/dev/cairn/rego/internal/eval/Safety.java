package dev.cairn.rego.internal.eval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

import dev.cairn.rego.ast.ArrayComprehension;
import dev.cairn.rego.ast.ArrayTerm;
import dev.cairn.rego.ast.Call;
import dev.cairn.rego.ast.Every;
import dev.cairn.rego.ast.Expr;
import dev.cairn.rego.ast.Group;
import dev.cairn.rego.ast.LogicalExpr;
import dev.cairn.rego.ast.ObjectComprehension;
import dev.cairn.rego.ast.ObjectTerm;
import dev.cairn.rego.ast.Ref;
import dev.cairn.rego.ast.SetComprehension;
import dev.cairn.rego.ast.SetTerm;
import dev.cairn.rego.ast.SomeIn;
import dev.cairn.rego.ast.TemplateString;
import dev.cairn.rego.ast.Term;
import dev.cairn.rego.ast.Var;

/**
 * Orders a body so that every expression comes after those binding the variables it
 * reads, as OPA's compiler does: Rego bodies are conjunctions, so the order written is
 * not the order evaluated. Expressions keep their written order where they can.
 */
final class Safety {

	private Safety() {
	}

	/**
	 * @param isVar whether a name is a variable not yet bound (rather than a bound one, a
	 * rule or a root document)
	 */
	static List<Expr> reorder(List<Expr> exprs, Predicate<String> isVar, ToIntFunction<Call> arity) {
		if (exprs.size() < 2) {
			return exprs;
		}
		List<Set<String>> outputs = new ArrayList<>();
		Set<String> produced = new HashSet<>();
		for (Expr e : exprs) {
			Set<String> out = new HashSet<>();
			outputs(e, out, arity);
			out.removeIf(isVar.negate());
			out.remove(Var.WILDCARD);
			outputs.add(out);
			produced.addAll(out);
		}
		List<Set<String>> needs = new ArrayList<>();
		for (int i = 0; i < exprs.size(); i++) {
			Set<String> all = new HashSet<>();
			all(exprs.get(i), all);
			all.removeAll(outputs.get(i));
			all.remove(Var.WILDCARD);
			all.retainAll(produced);
			needs.add(all);
		}
		List<Expr> ordered = new ArrayList<>();
		boolean[] done = new boolean[exprs.size()];
		Set<String> safe = new HashSet<>();
		while (ordered.size() < exprs.size()) {
			int pick = -1;
			for (int i = 0; i < exprs.size() && pick < 0; i++) {
				if (!done[i] && safe.containsAll(needs.get(i))) {
					pick = i;
				}
			}
			if (pick < 0) {
				// Nothing is safe: keep the written order and let evaluation report it.
				for (int i = 0; i < exprs.size(); i++) {
					if (!done[i]) {
						ordered.add(exprs.get(i));
					}
				}
				break;
			}
			done[pick] = true;
			ordered.add(exprs.get(pick));
			safe.addAll(outputs.get(pick));
		}
		return ordered;
	}

	private static void outputs(Expr e, Set<String> out, ToIntFunction<Call> arity) {
		if (e.negated()) {
			return;
		}
		if (e.form() instanceof Call c && "eq".equals(c.name()) && c.args().size() == 2) {
			c.args().forEach((t) -> pattern(t, out));
		}
		else if (e.form() instanceof Call c && "assign".equals(c.name()) && c.args().size() == 2) {
			pattern(c.args().get(0), out);
			refVars(c.args().get(1), out);
		}
		else if (e.form() instanceof Call c) {
			c.args().forEach((t) -> refVars(t, out));
			int n = arity.applyAsInt(c);
			// An unknown function goes early, so that evaluation reports it by name.
			if (!c.args().isEmpty() && (c.args().size() == n + 1 || n < 0)) {
				pattern(c.args().get(c.args().size() - 1), out);
			}
		}
		else if (e.form() instanceof Term t) {
			refVars(t, out);
		}
		else if (e.form() instanceof SomeIn s) {
			if (s.key() != null) {
				pattern(s.key(), out);
			}
			pattern(s.value(), out);
			refVars(s.collection(), out);
		}
	}

	private static void pattern(Term t, Set<String> out) {
		if (t instanceof Var v) {
			out.add(v.name());
		}
		else if (t instanceof ArrayTerm a) {
			a.elements().forEach((x) -> pattern(x, out));
		}
		else if (t instanceof ObjectTerm o) {
			o.entries().forEach((x) -> pattern(x.value(), out));
		}
		else {
			refVars(t, out);
		}
	}

	private static void refVars(Term t, Set<String> out) {
		if (t instanceof Ref r) {
			if (!(r.head() instanceof Var)) {
				refVars(r.head(), out);
			}
			r.terms().stream().skip(1).forEach((x) -> pattern(x, out));
		}
		else if (t instanceof ArrayTerm a) {
			a.elements().forEach((x) -> refVars(x, out));
		}
		else if (t instanceof SetTerm s) {
			s.elements().forEach((x) -> refVars(x, out));
		}
		else if (t instanceof ObjectTerm o) {
			o.entries().forEach((x) -> {
				refVars(x.key(), out);
				refVars(x.value(), out);
			});
		}
		else if (t instanceof Call c) {
			c.args().forEach((x) -> refVars(x, out));
		}
	}

	/** Every variable of an expression, nested bodies included. */
	private static void all(Expr e, Set<String> out) {
		e.withs().forEach((w) -> all(w.value(), out));
		if (e.form() instanceof Term t) {
			all(t, out);
		}
		else if (e.form() instanceof SomeIn s) {
			if (s.key() != null) {
				all(s.key(), out);
			}
			all(s.value(), out);
			all(s.collection(), out);
		}
		else if (e.form() instanceof Every ev) {
			all(ev.domain(), out);
			Set<String> inner = new LinkedHashSet<>();
			ev.body().exprs().forEach((x) -> all(x, inner));
			inner.remove(ev.value().name());
			if (ev.key() != null) {
				inner.remove(ev.key().name());
			}
			out.addAll(inner);
		}
		else if (e.form() instanceof Group g) {
			g.body().exprs().forEach((x) -> all(x, out));
		}
		else if (e.form() instanceof LogicalExpr l) {
			all(l.left(), out);
			all(l.right(), out);
		}
	}

	private static void all(Term t, Set<String> out) {
		if (t instanceof Var v) {
			out.add(v.name());
		}
		else if (t instanceof Ref r) {
			r.terms().forEach((x) -> all(x, out));
		}
		else if (t instanceof ArrayTerm a) {
			a.elements().forEach((x) -> all(x, out));
		}
		else if (t instanceof SetTerm s) {
			s.elements().forEach((x) -> all(x, out));
		}
		else if (t instanceof ObjectTerm o) {
			o.entries().forEach((x) -> {
				all(x.key(), out);
				all(x.value(), out);
			});
		}
		else if (t instanceof Call c) {
			c.args().forEach((x) -> all(x, out));
		}
		else if (t instanceof ArrayComprehension c) {
			all(c.head(), out);
			c.body().exprs().forEach((x) -> all(x, out));
		}
		else if (t instanceof SetComprehension c) {
			all(c.head(), out);
			c.body().exprs().forEach((x) -> all(x, out));
		}
		else if (t instanceof ObjectComprehension c) {
			all(c.key(), out);
			all(c.value(), out);
			c.body().exprs().forEach((x) -> all(x, out));
		}
		else if (t instanceof TemplateString) {
			// Interpolations are read, never bound; their variables are not tracked yet.
		}
	}

}
