package dev.cairn.rego.internal.compile;

import java.util.LinkedHashSet;
import java.util.Set;
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
 * The variables of expressions, by role: those an expression can bind (its outputs), and
 * those it reads, with or without the ones of nested bodies.
 */
final class VarSets {

	private VarSets() {
	}

	/**
	 * The variables an expression binds when its inputs are bound: both sides of
	 * {@code =}, the left of {@code :=}, an extra last argument of a call, iterated ref
	 * components, and the key and value of {@code some ... in}.
	 */
	static Set<String> outputs(Expr e, ToIntFunction<Call> arity) {
		Set<String> out = new LinkedHashSet<>();
		if (e.negated()) {
			return out;
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
			if (c.args().size() == n + 1 || (n < 0 && !c.args().isEmpty())) {
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
		return out;
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

	/**
	 * Every variable an expression mentions, nested bodies included (less the variables
	 * {@code every} declares), for ordering: a comprehension waits for the variables it
	 * shares with the enclosing body.
	 */
	static void all(Expr e, Set<String> out) {
		vars(e, out, true);
	}

	/**
	 * The variables an expression itself mentions, without nested bodies and
	 * comprehensions (checked on their own) and without {@code some} declarations.
	 */
	static void shallow(Expr e, Set<String> out) {
		vars(e, out, false);
	}

	/** The variables of a term outside comprehensions. */
	static void shallow(Term t, Set<String> out) {
		vars(t, out, false);
	}

	private static void vars(Expr e, Set<String> out, boolean deep) {
		e.withs().forEach((w) -> vars(w.value(), out, deep));
		if (e.form() instanceof Term t) {
			vars(t, out, deep);
		}
		else if (e.form() instanceof SomeIn s) {
			if (s.key() != null) {
				vars(s.key(), out, deep);
			}
			vars(s.value(), out, deep);
			vars(s.collection(), out, deep);
		}
		else if (e.form() instanceof Every ev) {
			vars(ev.domain(), out, deep);
			if (deep) {
				Set<String> inner = new LinkedHashSet<>();
				ev.body().exprs().forEach((x) -> vars(x, inner, true));
				inner.remove(ev.value().name());
				if (ev.key() != null) {
					inner.remove(ev.key().name());
				}
				out.addAll(inner);
			}
		}
		else if (deep && e.form() instanceof Group g) {
			g.body().exprs().forEach((x) -> vars(x, out, true));
		}
		else if (deep && e.form() instanceof LogicalExpr l) {
			vars(l.left(), out, true);
			vars(l.right(), out, true);
		}
	}

	private static void vars(Term t, Set<String> out, boolean deep) {
		if (t instanceof Var v) {
			out.add(v.name());
		}
		else if (t instanceof Ref r) {
			r.terms().forEach((x) -> vars(x, out, deep));
		}
		else if (t instanceof ArrayTerm a) {
			a.elements().forEach((x) -> vars(x, out, deep));
		}
		else if (t instanceof SetTerm s) {
			s.elements().forEach((x) -> vars(x, out, deep));
		}
		else if (t instanceof ObjectTerm o) {
			o.entries().forEach((x) -> {
				vars(x.key(), out, deep);
				vars(x.value(), out, deep);
			});
		}
		else if (t instanceof Call c) {
			c.args().forEach((x) -> vars(x, out, deep));
		}
		else if (t instanceof TemplateString ts) {
			for (TemplateString.Part part : ts.parts()) {
				if (part instanceof TemplateString.Interpolation i) {
					vars(i.expr(), out, deep);
				}
			}
		}
		else if (deep && t instanceof ArrayComprehension c) {
			vars(c.head(), out, true);
			c.body().exprs().forEach((x) -> vars(x, out, true));
		}
		else if (deep && t instanceof SetComprehension c) {
			vars(c.head(), out, true);
			c.body().exprs().forEach((x) -> vars(x, out, true));
		}
		else if (deep && t instanceof ObjectComprehension c) {
			vars(c.key(), out, true);
			vars(c.value(), out, true);
			c.body().exprs().forEach((x) -> vars(x, out, true));
		}
	}

}
