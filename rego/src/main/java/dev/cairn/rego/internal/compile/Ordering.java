package dev.cairn.rego.internal.compile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

import dev.cairn.rego.Location;
import dev.cairn.rego.ast.ArrayComprehension;
import dev.cairn.rego.ast.ArrayTerm;
import dev.cairn.rego.ast.Body;
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
import dev.cairn.rego.ast.With;

/**
 * Orders bodies for safety, as OPA's compiler does: Rego bodies are conjunctions, so the
 * order written is not the order evaluated, and each expression must come after those
 * binding the variables it reads. Expressions keep their written order where they can.
 * Nested bodies (comprehensions, {@code every}, groups) are ordered too, knowing which
 * variables the enclosing body has bound by then. Variables that nothing binds are
 * recorded as unsafe, one per name at the first expression using it.
 */
final class Ordering {

	private final Predicate<String> isDocument;

	private final ToIntFunction<Call> arity;

	private final Predicate<String> isFunction;

	/** Unsafe variables found so far, with where they are first used. */
	private final Map<String, Location> unsafe;

	/** Where the expression being ordered starts. */
	private Location current;

	/** Nesting depth in experimental groups, whose scoping is not checked. */
	private int quiet;

	Ordering(Predicate<String> isDocument, ToIntFunction<Call> arity, Predicate<String> isFunction,
			Map<String, Location> unsafe) {
		this.isDocument = isDocument;
		this.arity = arity;
		this.isFunction = isFunction;
		this.unsafe = unsafe;
	}

	/** A body in evaluation order, and the variables bound once it holds. */
	record Ordered(Body body, Set<String> safe) {

	}

	Ordered body(Body body, Set<String> bound) {
		Predicate<String> isVar = (name) -> !bound.contains(name) && !this.isDocument.test(name);
		List<Expr> exprs = reorder(body.exprs(), isVar);
		Set<String> safe = new HashSet<>(bound);
		List<Expr> out = new ArrayList<>(exprs.size());
		Location outer = this.current;
		for (Expr e : exprs) {
			Set<String> own = VarSets.outputs(e, this.arity);
			own.removeIf(isVar.negate());
			own.remove(Var.WILDCARD);
			Set<String> needs = new LinkedHashSet<>();
			VarSets.shallow(e, needs);
			needs.removeAll(own);
			needs.removeAll(safe);
			needs.removeIf(isVar.negate());
			for (With w : e.withs()) {
				// A function replacing another is not a variable.
				if (w.value() instanceof Var v && this.isFunction.test(v.name())) {
					needs.remove(v.name());
				}
				else if (w.value() instanceof Ref r && r.name() != null && this.isFunction.test(r.name())
						&& r.head() instanceof Var v) {
					needs.remove(v.name());
				}
			}
			for (String name : needs) {
				report(name, e.location());
			}
			Set<String> inner = new HashSet<>(safe);
			inner.addAll(own);
			this.current = e.location();
			out.add(expr(e, inner));
			safe.addAll(own);
		}
		this.current = outer;
		return new Ordered(new Body(body.location(), out), safe);
	}

	/**
	 * Rewrites the nested bodies of a term; {@code bound}: the variables bound by then.
	 */
	Term term(Term t, Set<String> bound, Location at) {
		Location outer = this.current;
		this.current = at;
		try {
			return term(t, bound);
		}
		finally {
			this.current = outer;
		}
	}

	/** Variables of a term (a head, say) that are neither bound nor documents. */
	Set<String> unbound(Term t, Set<String> bound) {
		Set<String> vars = new LinkedHashSet<>();
		VarSets.shallow(t, vars);
		vars.removeAll(bound);
		vars.remove(Var.WILDCARD);
		vars.removeIf(this.isDocument);
		return vars;
	}

	private void report(String name, Location at) {
		if (this.quiet > 0 || Var.WILDCARD.equals(name) || name.startsWith("$")) {
			return;
		}
		this.unsafe.merge(name, at, (a, b) -> (Problems.BY_POSITION.compare(a, b) <= 0) ? a : b);
	}

	private Expr expr(Expr e, Set<String> bound) {
		List<With> withs = e.withs().isEmpty() ? e.withs()
				: e.withs().stream().map((w) -> new With(w.location(), w.target(), term(w.value(), bound))).toList();
		Expr.Form form = e.form();
		if (form instanceof Term t) {
			form = term(t, bound);
		}
		else if (form instanceof SomeIn s) {
			form = new SomeIn(s.location(), (s.key() != null) ? term(s.key(), bound) : null, term(s.value(), bound),
					term(s.collection(), bound));
		}
		else if (form instanceof Every ev) {
			Set<String> inner = new HashSet<>(bound);
			inner.add(ev.value().name());
			if (ev.key() != null) {
				inner.add(ev.key().name());
			}
			form = new Every(ev.location(), ev.key(), ev.value(), term(ev.domain(), bound),
					body(ev.body(), inner).body());
		}
		else if (form instanceof Group g) {
			this.quiet++;
			try {
				form = new Group(g.location(), body(g.body(), bound).body());
			}
			finally {
				this.quiet--;
			}
		}
		else if (form instanceof LogicalExpr l) {
			this.quiet++;
			try {
				form = new LogicalExpr(l.location(), l.operator(), expr(l.left(), bound), expr(l.right(), bound));
			}
			finally {
				this.quiet--;
			}
		}
		return new Expr(e.location(), e.negated(), form, withs);
	}

	private Term term(Term t, Set<String> bound) {
		if (t instanceof Ref r) {
			return new Ref(r.location(), terms(r.terms(), bound));
		}
		if (t instanceof ArrayTerm a) {
			return new ArrayTerm(a.location(), terms(a.elements(), bound));
		}
		if (t instanceof SetTerm s) {
			return new SetTerm(s.location(), terms(s.elements(), bound));
		}
		if (t instanceof ObjectTerm o) {
			return new ObjectTerm(o.location(),
					o.entries()
						.stream()
						.map((x) -> new ObjectTerm.Entry(term(x.key(), bound), term(x.value(), bound)))
						.toList());
		}
		if (t instanceof Call c) {
			return new Call(c.location(), c.operator(), terms(c.args(), bound));
		}
		if (t instanceof TemplateString ts) {
			List<TemplateString.Part> parts = new ArrayList<>();
			for (TemplateString.Part part : ts.parts()) {
				parts.add((part instanceof TemplateString.Interpolation i)
						? new TemplateString.Interpolation(expr(i.expr(), bound)) : part);
			}
			return new TemplateString(ts.location(), ts.multiLine(), parts);
		}
		if (t instanceof ArrayComprehension c) {
			Ordered o = body(c.body(), bound);
			return new ArrayComprehension(c.location(), head(c.head(), o.safe()), o.body());
		}
		if (t instanceof SetComprehension c) {
			Ordered o = body(c.body(), bound);
			return new SetComprehension(c.location(), head(c.head(), o.safe()), o.body());
		}
		if (t instanceof ObjectComprehension c) {
			Ordered o = body(c.body(), bound);
			return new ObjectComprehension(c.location(), head(c.key(), o.safe()), head(c.value(), o.safe()), o.body());
		}
		return t;
	}

	/** A comprehension's head: its variables must be bound by its body. */
	private Term head(Term head, Set<String> safe) {
		for (String name : unbound(head, safe)) {
			report(name, this.current);
		}
		return term(head, safe);
	}

	private List<Term> terms(List<Term> ts, Set<String> bound) {
		List<Term> out = new ArrayList<>(ts.size());
		for (Term t : ts) {
			out.add(term(t, bound));
		}
		return out;
	}

	private List<Expr> reorder(List<Expr> exprs, Predicate<String> isVar) {
		if (exprs.size() < 2) {
			return exprs;
		}
		List<Set<String>> outputs = new ArrayList<>();
		Set<String> produced = new HashSet<>();
		for (Expr e : exprs) {
			Set<String> out = VarSets.outputs(e, this.arity);
			out.removeIf(isVar.negate());
			out.remove(Var.WILDCARD);
			outputs.add(out);
			produced.addAll(out);
		}
		List<Set<String>> needs = new ArrayList<>();
		for (int i = 0; i < exprs.size(); i++) {
			Set<String> all = new HashSet<>();
			VarSets.all(exprs.get(i), all);
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
				// Nothing can go next safely: keep the written order; the unsafe
				// variables are reported.
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

}
