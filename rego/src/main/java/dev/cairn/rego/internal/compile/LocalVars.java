package dev.cairn.rego.internal.compile;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.cairn.rego.ErrorCode;
import dev.cairn.rego.ast.ArrayComprehension;
import dev.cairn.rego.ast.ArrayTerm;
import dev.cairn.rego.ast.Call;
import dev.cairn.rego.ast.Every;
import dev.cairn.rego.ast.Expr;
import dev.cairn.rego.ast.Group;
import dev.cairn.rego.ast.ObjectComprehension;
import dev.cairn.rego.ast.ObjectTerm;
import dev.cairn.rego.ast.Ref;
import dev.cairn.rego.ast.Rule;
import dev.cairn.rego.ast.SetComprehension;
import dev.cairn.rego.ast.SetTerm;
import dev.cairn.rego.ast.SomeDecl;
import dev.cairn.rego.ast.SomeIn;
import dev.cairn.rego.ast.TemplateString;
import dev.cairn.rego.ast.Term;
import dev.cairn.rego.ast.Var;
import dev.cairn.rego.ast.With;

/**
 * Checks declarations of local variables as OPA's compiler does when it renames them: in
 * one body, a variable is declared ({@code :=}, {@code some}) at most once and before any
 * other use, and never over a function argument. Comprehensions and {@code every} bodies
 * are scopes of their own, which may shadow outer variables.
 */
final class LocalVars {

	private enum Occurrence {

		SEEN, ASSIGNED, DECLARED, ARG

	}

	private final Problems problems;

	private final Deque<Map<String, Occurrence>> scopes = new ArrayDeque<>();

	LocalVars(Problems problems) {
		this.problems = problems;
	}

	void rule(Rule rule) {
		for (Rule branch = rule; branch != null; branch = branch.elseRule()) {
			this.scopes.push(new HashMap<>());
			for (Term arg : branch.head().args()) {
				if (!(arg instanceof TemplateString)) {
					args(arg);
				}
			}
			body(branch.body().exprs());
			this.scopes.pop();
		}
	}

	void query(List<Expr> exprs) {
		this.scopes.push(new HashMap<>());
		body(exprs);
		this.scopes.pop();
	}

	private void args(Term t) {
		if (t instanceof Var v && !v.isWildcard()) {
			this.scopes.peek().put(v.name(), Occurrence.ARG);
		}
		else if (t instanceof ArrayTerm a) {
			a.elements().forEach(this::args);
		}
		else if (t instanceof ObjectTerm o) {
			o.entries().forEach((e) -> args(e.value()));
		}
	}

	private void body(List<Expr> exprs) {
		exprs.forEach(this::expr);
	}

	private void scoped(Runnable r) {
		this.scopes.push(new HashMap<>());
		try {
			r.run();
		}
		finally {
			this.scopes.pop();
		}
	}

	private void expr(Expr e) {
		for (With w : e.withs()) {
			term(w.value());
		}
		if (e.form() instanceof Call c && "assign".equals(c.name()) && c.args().size() == 2) {
			term(c.args().get(1));
			declare(c.args().get(0), Occurrence.ASSIGNED);
		}
		else if (e.form() instanceof Term t) {
			term(t);
		}
		else if (e.form() instanceof SomeDecl s) {
			s.vars().forEach((v) -> declare(v, Occurrence.DECLARED));
		}
		else if (e.form() instanceof SomeIn s) {
			term(s.collection());
			if (s.key() != null) {
				declare(s.key(), Occurrence.DECLARED);
			}
			declare(s.value(), Occurrence.DECLARED);
		}
		else if (e.form() instanceof Every ev) {
			term(ev.domain());
			scoped(() -> {
				if (ev.key() != null) {
					declare(ev.key(), Occurrence.DECLARED);
				}
				declare(ev.value(), Occurrence.DECLARED);
				body(ev.body().exprs());
			});
		}
		else if (e.form() instanceof Group g) {
			scoped(() -> body(g.body().exprs()));
		}
		// Experimental and/or operands are not checked: their scoping is still in flux.
	}

	private void term(Term t) {
		if (t instanceof Var v) {
			seen(v.name());
		}
		else if (t instanceof Ref r) {
			r.terms().forEach(this::term);
		}
		else if (t instanceof ArrayTerm a) {
			a.elements().forEach(this::term);
		}
		else if (t instanceof SetTerm s) {
			s.elements().forEach(this::term);
		}
		else if (t instanceof ObjectTerm o) {
			o.entries().forEach((x) -> {
				term(x.key());
				term(x.value());
			});
		}
		else if (t instanceof Call c) {
			c.args().forEach(this::term);
		}
		else if (t instanceof TemplateString ts) {
			for (TemplateString.Part part : ts.parts()) {
				if (part instanceof TemplateString.Interpolation i) {
					expr(i.expr());
				}
			}
		}
		else if (t instanceof ArrayComprehension c) {
			scoped(() -> {
				body(c.body().exprs());
				term(c.head());
			});
		}
		else if (t instanceof SetComprehension c) {
			scoped(() -> {
				body(c.body().exprs());
				term(c.head());
			});
		}
		else if (t instanceof ObjectComprehension c) {
			scoped(() -> {
				body(c.body().exprs());
				term(c.key());
				term(c.value());
			});
		}
	}

	private void seen(String name) {
		if (Var.WILDCARD.equals(name) || name.startsWith("$")) {
			return;
		}
		for (Map<String, Occurrence> scope : this.scopes) {
			Occurrence o = scope.get(name);
			if (o != null && o != Occurrence.SEEN) {
				return;
			}
		}
		this.scopes.peek().putIfAbsent(name, Occurrence.SEEN);
	}

	private void declare(Term lhs, Occurrence occurrence) {
		if (lhs instanceof Var v) {
			if (v.isWildcard()) {
				return;
			}
			Occurrence before = this.scopes.peek().get(v.name());
			if (before == null) {
				this.scopes.peek().put(v.name(), occurrence);
				return;
			}
			String detail = switch (before) {
				case SEEN -> "var " + v.name() + " referenced above";
				case ASSIGNED -> "var " + v.name() + " assigned above";
				case DECLARED -> "var " + v.name() + " declared above";
				case ARG -> "arg " + v.name() + " redeclared";
			};
			this.problems.add(ErrorCode.COMPILE_ERROR, v.location(), detail);
		}
		else if (lhs instanceof ArrayTerm a) {
			a.elements().forEach((x) -> declare(x, occurrence));
		}
		else if (lhs instanceof ObjectTerm o) {
			o.entries().forEach((x) -> {
				term(x.key());
				declare(x.value(), occurrence);
			});
		}
		else if (lhs instanceof Ref r && r.terms().size() == 1 && r.head() instanceof Var v
				&& ("input".equals(v.name()) || "data".equals(v.name()))) {
			// Reported as shadowing a root document, in an earlier stage.
		}
		else if (occurrence == Occurrence.ASSIGNED) {
			this.problems.add(ErrorCode.COMPILE_ERROR, lhs.location(), "cannot assign to " + lhs.typeName());
		}
		else {
			term(lhs);
		}
	}

}
