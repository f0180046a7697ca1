package dev.cairn.rego.test;

import java.util.List;

import dev.cairn.rego.ast.ArrayComprehension;
import dev.cairn.rego.ast.ArrayTerm;
import dev.cairn.rego.ast.Body;
import dev.cairn.rego.ast.Call;
import dev.cairn.rego.ast.Every;
import dev.cairn.rego.ast.Expr;
import dev.cairn.rego.ast.Group;
import dev.cairn.rego.ast.LogicalExpr;
import dev.cairn.rego.ast.Module;
import dev.cairn.rego.ast.ObjectComprehension;
import dev.cairn.rego.ast.ObjectTerm;
import dev.cairn.rego.ast.Ref;
import dev.cairn.rego.ast.Rule;
import dev.cairn.rego.ast.RuleHead;
import dev.cairn.rego.ast.SetComprehension;
import dev.cairn.rego.ast.SetTerm;
import dev.cairn.rego.ast.SomeDecl;
import dev.cairn.rego.ast.SomeIn;
import dev.cairn.rego.ast.TemplateString;
import dev.cairn.rego.ast.Term;
import dev.cairn.rego.ast.With;

/**
 * The lines coverage counts, as OPA's report walks them: every rule head (including
 * {@code else} branches) and every expression, nested ones in comprehensions and
 * {@code every} bodies included, except {@code some} declarations.
 */
final class CoverableLines {

	private final LineSink sink;

	private CoverableLines(LineSink sink) {
		this.sink = sink;
	}

	/**
	 * Calls {@code sink} with each coverable line of {@code module}: the line whose being
	 * hit makes it covered, and the line to report when it was not.
	 */
	static void of(Module module, LineSink sink) {
		CoverableLines walker = new CoverableLines(sink);
		for (Rule rule : module.rules()) {
			for (Rule branch = rule; branch != null; branch = branch.elseRule()) {
				walker.rule(branch);
			}
		}
	}

	private void rule(Rule rule) {
		// OPA checks the rule's own line and reports the head's; they differ only when
		// a head is written on another line than the rule's start.
		this.sink.line(rule.location().row(), rule.head().location().row());
		RuleHead head = rule.head();
		term(head.ref());
		head.args().forEach(this::term);
		if (head.key() != null) {
			term(head.key());
		}
		if (head.value() != null) {
			term(head.value());
		}
		body(rule.body());
	}

	private void body(Body body) {
		body.exprs().forEach(this::expr);
	}

	private void expr(Expr expr) {
		if (!(expr.form() instanceof SomeDecl)) {
			int row = expr.location().row();
			this.sink.line(row, row);
		}
		form(expr.form());
		for (With with : expr.withs()) {
			term(with.target());
			term(with.value());
		}
	}

	private void form(Expr.Form form) {
		if (form instanceof Term t) {
			term(t);
		}
		else if (form instanceof SomeIn s) {
			if (s.key() != null) {
				term(s.key());
			}
			term(s.value());
			term(s.collection());
		}
		else if (form instanceof Every e) {
			term(e.domain());
			body(e.body());
		}
		else if (form instanceof LogicalExpr l) {
			expr(l.left());
			expr(l.right());
		}
		else if (form instanceof Group g) {
			body(g.body());
		}
	}

	private void term(Term term) {
		if (term instanceof Ref r) {
			terms(r.terms());
		}
		else if (term instanceof Call c) {
			terms(c.args());
		}
		else if (term instanceof ArrayTerm a) {
			terms(a.elements());
		}
		else if (term instanceof SetTerm s) {
			terms(s.elements());
		}
		else if (term instanceof ObjectTerm o) {
			o.entries().forEach((e) -> {
				term(e.key());
				term(e.value());
			});
		}
		else if (term instanceof ArrayComprehension c) {
			term(c.head());
			body(c.body());
		}
		else if (term instanceof SetComprehension c) {
			term(c.head());
			body(c.body());
		}
		else if (term instanceof ObjectComprehension c) {
			term(c.key());
			term(c.value());
			body(c.body());
		}
		else if (term instanceof TemplateString t) {
			// The interpolated expressions are evaluated as terms, not traced as
			// expressions, so only what they nest counts.
			for (TemplateString.Part part : t.parts()) {
				if (part instanceof TemplateString.Interpolation i) {
					form(i.expr().form());
				}
			}
		}
	}

	private void terms(List<Term> terms) {
		terms.forEach(this::term);
	}

	/** Receives one coverable line. */
	@FunctionalInterface
	interface LineSink {

		void line(int checkedRow, int reportedRow);

	}

}
