package dev.cairn.rego.internal.compile;

import java.util.List;

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
import dev.cairn.rego.ast.Rule;
import dev.cairn.rego.ast.SetComprehension;
import dev.cairn.rego.ast.SetTerm;
import dev.cairn.rego.ast.SomeIn;
import dev.cairn.rego.ast.TemplateString;
import dev.cairn.rego.ast.Term;
import dev.cairn.rego.ast.With;

/**
 * Visits every expression and term of rules and queries, nested bodies included, in
 * source order.
 */
abstract class Walk {

	/** Called for each expression before its parts. */
	void expr(Expr e) {
	}

	/**
	 * Called for each term before its parts; {@code form} tells whether the term is an
	 * expression by itself (a call written as a literal).
	 */
	void term(Term t, boolean form) {
	}

	/** Called for each {@code with} target (not a document read). */
	void withTarget(Term target) {
	}

	final void rule(Rule rule) {
		for (Rule branch = rule; branch != null; branch = branch.elseRule()) {
			branch.head().ref().terms().stream().skip(1).forEach(this::walk);
			branch.head().args().forEach(this::walk);
			if (branch.head().key() != null) {
				walk(branch.head().key());
			}
			if (branch.head().value() != null) {
				walk(branch.head().value());
			}
			body(branch.body().exprs());
		}
	}

	final void body(List<Expr> exprs) {
		exprs.forEach(this::walk);
	}

	final void walk(Expr e) {
		expr(e);
		for (With w : e.withs()) {
			withTarget(w.target());
			walk(w.value());
		}
		if (e.form() instanceof Term t) {
			term(t, true);
			parts(t);
		}
		else if (e.form() instanceof SomeIn s) {
			if (s.key() != null) {
				walk(s.key());
			}
			walk(s.value());
			walk(s.collection());
		}
		else if (e.form() instanceof Every ev) {
			walk(ev.domain());
			body(ev.body().exprs());
		}
		else if (e.form() instanceof Group g) {
			body(g.body().exprs());
		}
		else if (e.form() instanceof LogicalExpr l) {
			walk(l.left());
			walk(l.right());
		}
	}

	final void walk(Term t) {
		term(t, false);
		parts(t);
	}

	private void parts(Term t) {
		if (t instanceof Ref r) {
			// A variable heading a ref is read through the ref, not on its own.
			r.terms().stream().skip((r.head() instanceof dev.cairn.rego.ast.Var) ? 1 : 0).forEach(this::walk);
		}
		else if (t instanceof ArrayTerm a) {
			a.elements().forEach(this::walk);
		}
		else if (t instanceof SetTerm s) {
			s.elements().forEach(this::walk);
		}
		else if (t instanceof ObjectTerm o) {
			o.entries().forEach((x) -> {
				walk(x.key());
				walk(x.value());
			});
		}
		else if (t instanceof Call c) {
			c.args().forEach(this::walk);
		}
		else if (t instanceof TemplateString ts) {
			for (TemplateString.Part part : ts.parts()) {
				if (part instanceof TemplateString.Interpolation i) {
					walk(i.expr());
				}
			}
		}
		else if (t instanceof ArrayComprehension c) {
			walk(c.head());
			body(c.body().exprs());
		}
		else if (t instanceof SetComprehension c) {
			walk(c.head());
			body(c.body().exprs());
		}
		else if (t instanceof ObjectComprehension c) {
			walk(c.key());
			walk(c.value());
			body(c.body().exprs());
		}
	}

}
