package dev.cairn.rego.internal.eval;

import java.util.ArrayList;
import java.util.List;

import dev.cairn.rego.RegoException;
import dev.cairn.rego.ast.Annotation;
import dev.cairn.rego.ast.ArrayComprehension;
import dev.cairn.rego.ast.ArrayTerm;
import dev.cairn.rego.ast.Body;
import dev.cairn.rego.ast.BooleanTerm;
import dev.cairn.rego.ast.Call;
import dev.cairn.rego.ast.Every;
import dev.cairn.rego.ast.Expr;
import dev.cairn.rego.ast.Group;
import dev.cairn.rego.ast.Import;
import dev.cairn.rego.ast.LogicalExpr;
import dev.cairn.rego.ast.Module;
import dev.cairn.rego.ast.NullTerm;
import dev.cairn.rego.ast.NumberTerm;
import dev.cairn.rego.ast.ObjectComprehension;
import dev.cairn.rego.ast.ObjectTerm;
import dev.cairn.rego.ast.Ref;
import dev.cairn.rego.ast.Rule;
import dev.cairn.rego.ast.RuleHead;
import dev.cairn.rego.ast.SetComprehension;
import dev.cairn.rego.ast.SetTerm;
import dev.cairn.rego.ast.SomeDecl;
import dev.cairn.rego.ast.SomeIn;
import dev.cairn.rego.ast.StringTerm;
import dev.cairn.rego.ast.TemplateString;
import dev.cairn.rego.ast.Term;
import dev.cairn.rego.ast.Var;
import dev.cairn.rego.ast.With;
import dev.cairn.rego.internal.compile.CompiledPolicy;
import dev.cairn.rego.internal.parser.RegoParser;
import dev.cairn.rego.value.ArrayValue;
import dev.cairn.rego.value.BoolValue;
import dev.cairn.rego.value.NullValue;
import dev.cairn.rego.value.NumberValue;
import dev.cairn.rego.value.ObjectValue;
import dev.cairn.rego.value.StringValue;
import dev.cairn.rego.value.Value;

/**
 * {@code rego.parse_module}: a module as the JSON form of OPA's AST (without locations):
 * {@code package.path}, {@code imports}, {@code rules} with {@code head} and
 * {@code body}, each term as {@code {"type": ..., "value": ...}}, each expression with
 * its {@code index} and {@code terms}.
 */
final class AstJson {

	private AstJson() {
	}

	static void registerAll() {
		Functions.register("rego.parse_module", 2, (a) -> {
			String file = Functions.string(a[0], 1);
			String source = Functions.string(a[1], 2);
			try {
				return module(RegoParser.parseModule(file, source, false));
			}
			catch (RegoException ex) {
				throw Functions.builtinError(ex.getMessage());
			}
		});
	}

	static Value module(Module m) {
		List<Value> path = new ArrayList<>();
		path.add(term("var", StringValue.of("data")));
		for (String part : CompiledPolicy.packagePath(m)) {
			path.add(term("string", StringValue.of(part)));
		}
		ObjectValue.Builder out = ObjectValue.builder()
			.put(key("package"), ObjectValue.of(key("path"), ArrayValue.of(path)));
		if (!m.imports().isEmpty()) {
			List<Value> imports = new ArrayList<>();
			for (Import i : m.imports()) {
				ObjectValue.Builder imp = ObjectValue.builder().put(key("path"), term(i.path()));
				if (i.alias() != null) {
					imp.put(key("alias"), StringValue.of(i.alias()));
				}
				imports.add(imp.build());
			}
			out.put(key("imports"), ArrayValue.of(imports));
		}
		if (!m.rules().isEmpty()) {
			out.put(key("rules"), ArrayValue.of(m.rules().stream().map(AstJson::rule).toList()));
		}
		if (!m.annotations().isEmpty()) {
			out.put(key("annotations"), ArrayValue.of(m.annotations().stream().map(AstJson::annotation).toList()));
		}
		return out.build();
	}

	private static Value annotation(Annotation a) {
		return MetadataBuiltins.json(a);
	}

	private static Value rule(Rule r) {
		ObjectValue.Builder out = ObjectValue.builder();
		if (r.isDefault()) {
			out.put(key("default"), BoolValue.TRUE);
		}
		RuleHead h = r.head();
		ObjectValue.Builder head = ObjectValue.builder();
		if (h.ref().terms().size() == 1 && h.ref().head() instanceof Var v) {
			head.put(key("name"), StringValue.of(v.name()));
		}
		head.put(key("ref"), ArrayValue.of(h.ref().terms().stream().map(AstJson::term).toList()));
		if (!h.args().isEmpty()) {
			head.put(key("args"), ArrayValue.of(h.args().stream().map(AstJson::term).toList()));
		}
		if (h.key() != null) {
			head.put(key("key"), term(h.key()));
		}
		if (h.value() != null) {
			head.put(key("value"), term(h.value()));
		}
		if (h.assign()) {
			head.put(key("assign"), BoolValue.TRUE);
		}
		out.put(key("head"), head.build());
		out.put(key("body"), body(r.body()));
		if (r.elseRule() != null) {
			out.put(key("else"), rule(r.elseRule()));
		}
		return out.build();
	}

	private static Value body(Body b) {
		List<Value> exprs = new ArrayList<>();
		for (int i = 0; i < b.exprs().size(); i++) {
			exprs.add(expr(b.exprs().get(i), i));
		}
		return ArrayValue.of(exprs);
	}

	private static Value expr(Expr e, int index) {
		ObjectValue.Builder out = ObjectValue.builder().put(key("index"), NumberValue.of(index));
		if (e.negated()) {
			out.put(key("negated"), BoolValue.TRUE);
		}
		Expr.Form form = e.form();
		if (form instanceof Call c) {
			List<Value> terms = new ArrayList<>();
			terms.add(term(c.operator()));
			c.args().forEach((t) -> terms.add(term(t)));
			out.put(key("terms"), ArrayValue.of(terms));
		}
		else if (form instanceof Term t) {
			out.put(key("terms"), term(t));
		}
		else if (form instanceof SomeDecl s) {
			out.put(key("terms"),
					ObjectValue.of(key("symbols"), ArrayValue.of(s.vars().stream().map(AstJson::term).toList())));
		}
		else if (form instanceof SomeIn s) {
			List<Value> args = new ArrayList<>();
			if (s.key() != null) {
				args.add(term(s.key()));
			}
			args.add(term(s.value()));
			args.add(term(s.collection()));
			String member = (s.key() != null) ? "internal.member_3" : "internal.member_2";
			Value call = term("call", ArrayValue.of(prepend(ref(member), args)));
			out.put(key("terms"), ObjectValue.of(key("symbols"), ArrayValue.of(call)));
		}
		else if (form instanceof Every ev) {
			ObjectValue.Builder every = ObjectValue.builder();
			if (ev.key() != null) {
				every.put(key("key"), term(ev.key()));
			}
			every.put(key("value"), term(ev.value()))
				.put(key("domain"), term(ev.domain()))
				.put(key("body"), body(ev.body()));
			out.put(key("terms"), every.build());
		}
		else if (form instanceof LogicalExpr l) {
			String op = (l.operator() == LogicalExpr.Operator.AND) ? "and" : "or";
			out.put(key("terms"),
					term("logical",
							ObjectValue.builder()
								.put(key("operator"), StringValue.of(op))
								.put(key("left"), expr(l.left(), 0))
								.put(key("right"), expr(l.right(), 1))
								.build()));
		}
		else if (form instanceof Group g) {
			out.put(key("terms"), term("group", body(g.body())));
		}
		if (!e.withs().isEmpty()) {
			List<Value> withs = new ArrayList<>();
			for (With w : e.withs()) {
				withs.add(ObjectValue.builder()
					.put(key("target"), term(w.target()))
					.put(key("value"), term(w.value()))
					.build());
			}
			out.put(key("with"), ArrayValue.of(withs));
		}
		return out.build();
	}

	static Value term(Term t) {
		if (t instanceof Var v) {
			return term("var", StringValue.of(v.name()));
		}
		if (t instanceof StringTerm s) {
			return term("string", StringValue.of(s.value()));
		}
		if (t instanceof NumberTerm n) {
			return term("number", NumberValue.parse(n.text()));
		}
		if (t instanceof BooleanTerm b) {
			return term("boolean", BoolValue.of(b.value()));
		}
		if (t instanceof NullTerm) {
			return term("null", NullValue.NULL);
		}
		if (t instanceof Ref r) {
			return term("ref", ArrayValue.of(r.terms().stream().map(AstJson::term).toList()));
		}
		if (t instanceof ArrayTerm a) {
			return term("array", ArrayValue.of(a.elements().stream().map(AstJson::term).toList()));
		}
		if (t instanceof SetTerm s) {
			return term("set", ArrayValue.of(s.elements().stream().map(AstJson::term).toList()));
		}
		if (t instanceof ObjectTerm o) {
			return term("object", ArrayValue
				.of(o.entries().stream().map((e) -> (Value) ArrayValue.of(term(e.key()), term(e.value()))).toList()));
		}
		if (t instanceof Call c) {
			return term("call",
					ArrayValue.of(prepend(term(c.operator()), c.args().stream().map(AstJson::term).toList())));
		}
		if (t instanceof ArrayComprehension c) {
			return term("arraycomprehension",
					ObjectValue.builder().put(key("term"), term(c.head())).put(key("body"), body(c.body())).build());
		}
		if (t instanceof SetComprehension c) {
			return term("setcomprehension",
					ObjectValue.builder().put(key("term"), term(c.head())).put(key("body"), body(c.body())).build());
		}
		if (t instanceof ObjectComprehension c) {
			return term("objectcomprehension",
					ObjectValue.builder()
						.put(key("key"), term(c.key()))
						.put(key("value"), term(c.value()))
						.put(key("body"), body(c.body()))
						.build());
		}
		TemplateString ts = (TemplateString) t;
		List<Value> parts = new ArrayList<>();
		for (TemplateString.Part p : ts.parts()) {
			parts.add((p instanceof TemplateString.Text text) ? term("string", StringValue.of(text.text()))
					: expr(((TemplateString.Interpolation) p).expr(), parts.size()));
		}
		return term("templatestring", ArrayValue.of(parts));
	}

	private static Value ref(String dotted) {
		List<Value> terms = new ArrayList<>();
		String[] parts = dotted.split("\\.");
		terms.add(term("var", StringValue.of(parts[0])));
		for (int i = 1; i < parts.length; i++) {
			terms.add(term("string", StringValue.of(parts[i])));
		}
		return term("ref", ArrayValue.of(terms));
	}

	private static List<Value> prepend(Value first, List<Value> rest) {
		List<Value> all = new ArrayList<>();
		all.add(first);
		all.addAll(rest);
		return all;
	}

	private static Value term(String type, Value value) {
		return ObjectValue.builder().put(key("type"), StringValue.of(type)).put(key("value"), value).build();
	}

	private static StringValue key(String k) {
		return StringValue.of(k);
	}

}
