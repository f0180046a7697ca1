package dev.cairn.rego.ast;

import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Writes syntax trees back as Rego v1 text that parses to the same tree (locations
 * aside). Infix operators are written as operators and parenthesized whenever nested, so
 * the output shows how an expression was grouped: {@code x := a + b * c} prints as
 * {@code x := (a + (b * c))}.
 */
public final class Printer {

	private static final Map<String, String> INFIX = Map.ofEntries(Map.entry("plus", "+"), Map.entry("minus", "-"),
			Map.entry("mul", "*"), Map.entry("div", "/"), Map.entry("rem", "%"), Map.entry("and", "&"),
			Map.entry("or", "|"), Map.entry("equal", "=="), Map.entry("neq", "!="), Map.entry("lt", "<"),
			Map.entry("lte", "<="), Map.entry("gt", ">"), Map.entry("gte", ">="), Map.entry("eq", "="),
			Map.entry("assign", ":="), Map.entry("internal.member_2", "in"));

	private final StringBuilder out = new StringBuilder();

	private Printer() {
	}

	/** A module: package, imports and rules, one statement a line. */
	public static String print(Module module) {
		Printer p = new Printer();
		p.out.append("package ").append(p.packagePath(module.pkg().path())).append('\n');
		for (Import imp : module.imports()) {
			p.out.append("\nimport ").append(p.term(imp.path(), true));
			if (imp.alias() != null) {
				p.out.append(" as ").append(imp.alias());
			}
		}
		if (!module.imports().isEmpty()) {
			p.out.append('\n');
		}
		for (Rule rule : module.rules()) {
			p.out.append('\n');
			p.rule(rule);
			p.out.append('\n');
		}
		return p.out.toString();
	}

	/** A rule with its {@code else} branches. */
	public static String print(Rule rule) {
		Printer p = new Printer();
		p.rule(rule);
		return p.out.toString();
	}

	/** A query, literals separated by {@code ;}. */
	public static String print(Body body) {
		return new Printer().body(body);
	}

	/** One literal. */
	public static String print(Expr expr) {
		return new Printer().expr(expr);
	}

	/** One term. */
	public static String print(Term term) {
		return new Printer().term(term, true);
	}

	private String packagePath(Ref path) {
		StringBuilder sb = new StringBuilder(((StringTerm) path.terms().get(1)).value());
		for (Term t : path.terms().subList(2, path.terms().size())) {
			sb.append(component(t));
		}
		return sb.toString();
	}

	private void rule(Rule rule) {
		if (rule.isDefault()) {
			this.out.append("default ");
		}
		RuleHead head = rule.head();
		this.out.append(term(head.ref(), true));
		if (!head.args().isEmpty()) {
			this.out.append('(').append(list(head.args())).append(')');
		}
		if (head.key() != null) {
			this.out.append(" contains ").append(term(head.key(), true));
		}
		else if (!head.valueGenerated()) {
			this.out.append(head.assign() ? " := " : " = ").append(term(head.value(), true));
		}
		ruleBody(rule);
		for (Rule branch = rule.elseRule(); branch != null; branch = branch.elseRule()) {
			this.out.append(" else");
			if (!branch.head().valueGenerated()) {
				this.out.append(branch.head().assign() ? " := " : " = ").append(term(branch.head().value(), true));
			}
			ruleBody(branch);
		}
	}

	private void ruleBody(Rule rule) {
		if (rule.bodyGenerated()) {
			return;
		}
		this.out.append(" if {");
		for (Expr e : rule.body().exprs()) {
			this.out.append("\n\t").append(expr(e));
		}
		this.out.append("\n}");
	}

	private String body(Body body) {
		StringJoiner joiner = new StringJoiner("; ");
		body.exprs().forEach((e) -> joiner.add(expr(e)));
		return joiner.toString();
	}

	private String expr(Expr expr) {
		StringBuilder sb = new StringBuilder();
		if (expr.negated()) {
			sb.append("not ");
		}
		sb.append(form(expr.form(), expr.negated()));
		for (With w : expr.withs()) {
			sb.append(" with ").append(term(w.target(), true)).append(" as ").append(term(w.value(), true));
		}
		return sb.toString();
	}

	private String form(Expr.Form form, boolean negated) {
		if (form instanceof Term t) {
			return term(t, true);
		}
		if (form instanceof SomeDecl s) {
			StringJoiner vars = new StringJoiner(", ", "some ", "");
			s.vars().forEach((v) -> vars.add(v.name()));
			return vars.toString();
		}
		if (form instanceof SomeIn s) {
			String key = (s.key() != null) ? term(s.key(), false) + ", " : "";
			return "some " + key + term(s.value(), false) + " in " + term(s.collection(), false);
		}
		if (form instanceof Every e) {
			String key = (e.key() != null) ? e.key().name() + ", " : "";
			return "every " + key + e.value().name() + " in " + term(e.domain(), false) + " { " + body(e.body()) + " }";
		}
		if (form instanceof Group g) {
			return "{ " + body(g.body()) + " }";
		}
		LogicalExpr l = (LogicalExpr) form;
		String text = operand(l.left()) + ((l.operator() == LogicalExpr.Operator.AND) ? " and " : " or ")
				+ operand(l.right());
		return negated ? "(" + text + ")" : text;
	}

	private String operand(Expr e) {
		boolean group = (e.form() instanceof LogicalExpr && !e.negated()) || !e.withs().isEmpty();
		return group ? "(" + expr(e) + ")" : expr(e);
	}

	private String term(Term term, boolean top) {
		if (term instanceof NullTerm) {
			return "null";
		}
		if (term instanceof BooleanTerm b) {
			return String.valueOf(b.value());
		}
		if (term instanceof NumberTerm n) {
			return n.text();
		}
		if (term instanceof StringTerm s) {
			return quote(s.value(), false);
		}
		if (term instanceof Var v) {
			return v.name();
		}
		if (term instanceof Ref r) {
			StringBuilder sb = new StringBuilder(term(r.head(), false));
			r.terms().subList(1, r.terms().size()).forEach((t) -> sb.append(component(t)));
			return sb.toString();
		}
		if (term instanceof ArrayTerm a) {
			return "[" + list(a.elements()) + "]";
		}
		if (term instanceof SetTerm s) {
			return s.elements().isEmpty() ? "set()" : "{" + list(s.elements()) + "}";
		}
		if (term instanceof ObjectTerm o) {
			StringJoiner entries = new StringJoiner(", ", "{", "}");
			o.entries().forEach((e) -> entries.add(term(e.key(), true) + ": " + term(e.value(), true)));
			return entries.toString();
		}
		if (term instanceof ArrayComprehension c) {
			return "[" + term(c.head(), false) + " | " + body(c.body()) + "]";
		}
		if (term instanceof SetComprehension c) {
			return "{" + term(c.head(), false) + " | " + body(c.body()) + "}";
		}
		if (term instanceof ObjectComprehension c) {
			return "{" + term(c.key(), false) + ": " + term(c.value(), false) + " | " + body(c.body()) + "}";
		}
		if (term instanceof Call c) {
			return call(c, top);
		}
		return template((TemplateString) term);
	}

	private String call(Call c, boolean top) {
		String name = c.operator().name();
		String op = (name != null) ? INFIX.get(name) : null;
		String text;
		if (op != null && c.args().size() == 2) {
			text = term(c.args().get(0), false) + " " + op + " " + term(c.args().get(1), false);
		}
		else if ("internal.member_3".equals(name) && c.args().size() == 3) {
			text = term(c.args().get(0), false) + ", " + term(c.args().get(1), false) + " in "
					+ term(c.args().get(2), false);
			top = false;
		}
		else {
			return term(c.operator(), false) + "(" + list(c.args()) + ")";
		}
		return top ? text : "(" + text + ")";
	}

	private String list(List<Term> terms) {
		StringJoiner joiner = new StringJoiner(", ");
		terms.forEach((t) -> joiner.add(term(t, true)));
		return joiner.toString();
	}

	private String component(Term t) {
		if (t instanceof StringTerm s && s.value().matches("[A-Za-z_][A-Za-z0-9_]*")) {
			return "." + s.value();
		}
		return "[" + term(t, true) + "]";
	}

	private String template(TemplateString t) {
		StringBuilder sb = new StringBuilder(t.multiLine() ? "$`" : "$\"");
		for (TemplateString.Part part : t.parts()) {
			if (part instanceof TemplateString.Text text) {
				sb.append(t.multiLine() ? text.text().replace("{", "\\{") : quote(text.text(), true));
			}
			else {
				sb.append('{').append(expr(((TemplateString.Interpolation) part).expr())).append('}');
			}
		}
		return sb.append(t.multiLine() ? '`' : '"').toString();
	}

	/**
	 * JSON-style quoting; inside template strings without the quotes, and braces escaped.
	 */
	private static String quote(String s, boolean template) {
		StringBuilder sb = new StringBuilder(template ? "" : "\"");
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
				case '"' -> sb.append("\\\"");
				case '\\' -> sb.append("\\\\");
				case '\n' -> sb.append("\\n");
				case '\r' -> sb.append("\\r");
				case '\t' -> sb.append("\\t");
				case '\b' -> sb.append("\\b");
				case '\f' -> sb.append("\\f");
				case '{' -> sb.append(template ? "\\{" : "{");
				default -> {
					if (c < 0x20) {
						sb.append(String.format("\\u%04x", (int) c));
					}
					else {
						sb.append(c);
					}
				}
			}
		}
		return sb.append(template ? "" : "\"").toString();
	}

}
