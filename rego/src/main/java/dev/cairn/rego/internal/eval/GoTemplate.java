package dev.cairn.rego.internal.eval;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.cairn.rego.value.ArrayValue;
import dev.cairn.rego.value.BoolValue;
import dev.cairn.rego.value.NullValue;
import dev.cairn.rego.value.NumberValue;
import dev.cairn.rego.value.ObjectValue;
import dev.cairn.rego.value.SetValue;
import dev.cairn.rego.value.StringValue;
import dev.cairn.rego.value.Value;

/**
 * {@code strings.render_template}: runs a Go {@code text/template} over a Rego object.
 * Values print as Go prints them ({@code [a b]}, {@code map[k:v]}); a key the data lacks
 * prints {@code <undefined>}, as in OPA. Output is bounded so that a template cannot
 * expand without limit.
 */
final class GoTemplate {

	/** A key the data does not have: falsy, and printed as OPA prints it. */
	static final Value MISSING = StringValue.of("<undefined>");

	private static final int MAX_OUTPUT = 1 << 20;

	private static final int MAX_DEPTH = 100;

	private final Map<String, List<Node>> defined = new HashMap<>();

	private final StringBuilder out = new StringBuilder();

	private final List<Object[]> vars = new ArrayList<>();

	private int depth;

	private GoTemplate() {
	}

	static void registerAll() {
		Functions.register("strings.render_template", 2, (a) -> {
			String source = Functions.string(a[0], 1);
			ObjectValue data = StringBuiltins.object(a[1], 2);
			return StringValue.of(render(source, data));
		});
	}

	static String render(String source, Value data) {
		GoTemplate t = new GoTemplate();
		List<Node> nodes = GoTemplateParser.parse(source, t.defined);
		t.vars.add(new Object[] { "$", data });
		t.run(nodes, data);
		return t.out.toString();
	}

	private void run(List<Node> nodes, Value dot) {
		int mark = this.vars.size();
		try {
			for (Node n : nodes) {
				node(n, dot);
			}
		}
		finally {
			while (this.vars.size() > mark) {
				this.vars.remove(this.vars.size() - 1);
			}
		}
	}

	private void node(Node n, Value dot) {
		if (n instanceof Text t) {
			write(t.text());
		}
		else if (n instanceof Action a) {
			Value v = pipeline(a.pipeline(), dot);
			if (a.pipeline().vars().isEmpty()) {
				write(print(v));
			}
		}
		else if (n instanceof If i) {
			run(truthy(pipeline(i.condition(), dot)) ? i.then() : i.otherwise(), dot);
		}
		else if (n instanceof With w) {
			int mark = this.vars.size();
			Value v = pipeline(w.condition(), dot);
			if (truthy(v)) {
				run(w.then(), v);
			}
			else {
				run(w.otherwise(), dot);
			}
			truncateVars(mark);
		}
		else if (n instanceof Range r) {
			range(r, dot);
		}
		else if (n instanceof Invoke t) {
			invoke(t, dot);
		}
		else {
			throw new LoopSignal(n instanceof Break);
		}
	}

	private void invoke(Invoke t, Value dot) {
		List<Node> body = this.defined.get(t.name());
		if (body == null) {
			throw GoTemplateParser.error("no such template \"" + t.name() + "\"");
		}
		if (++this.depth > MAX_DEPTH) {
			throw GoTemplateParser.error("exceeded maximum template depth (" + MAX_DEPTH + ")");
		}
		Value arg = (t.argument() == null) ? NullValue.NULL : pipeline(t.argument(), dot);
		int mark = this.vars.size();
		this.vars.add(new Object[] { "$", arg });
		run(body, arg);
		truncateVars(mark);
		this.depth--;
	}

	private void range(Range r, Value dot) {
		int mark = this.vars.size();
		Value over = pipeline(new Pipeline(List.of(), false, r.condition().commands()), dot);
		List<String> names = r.condition().vars();
		List<Value[]> items = new ArrayList<>();
		if (over instanceof ArrayValue a) {
			for (int i = 0; i < a.size(); i++) {
				items.add(new Value[] { NumberValue.of(i), a.get(i) });
			}
		}
		else if (over instanceof SetValue s) {
			int i = 0;
			for (Value v : s.elements()) {
				items.add(new Value[] { NumberValue.of(i++), v });
			}
		}
		else if (over instanceof ObjectValue o) {
			for (int i = 0; i < o.size(); i++) {
				items.add(new Value[] { o.key(i), o.value(i) });
			}
		}
		else if (over instanceof NumberValue n && n.isInteger()) {
			long count = n.asBigInteger().min(java.math.BigInteger.valueOf(MAX_OUTPUT)).longValue();
			for (long i = 0; i < count; i++) {
				items.add(new Value[] { NumberValue.of(i), NumberValue.of(i) });
			}
		}
		else if (over != NullValue.NULL && over != MISSING) {
			throw GoTemplateParser.error("range can't iterate over " + print(over));
		}
		if (items.isEmpty()) {
			run(r.otherwise(), dot);
			return;
		}
		for (Value[] item : items) {
			int inner = this.vars.size();
			if (names.size() == 1) {
				this.vars.add(new Object[] { names.get(0), item[1] });
			}
			else if (names.size() == 2) {
				this.vars.add(new Object[] { names.get(0), item[0] });
				this.vars.add(new Object[] { names.get(1), item[1] });
			}
			try {
				run(r.then(), item[1]);
			}
			catch (LoopSignal signal) {
				if (signal.stop) {
					truncateVars(inner);
					break;
				}
			}
			truncateVars(inner);
		}
		truncateVars(mark);
	}

	private Value pipeline(Pipeline p, Value dot) {
		Value result = null;
		for (Command c : p.commands()) {
			result = command(c, dot, result);
		}
		if (!p.vars().isEmpty()) {
			if (p.assign()) {
				assign(p.vars().get(0), result);
			}
			else if (p.vars().size() == 1) {
				this.vars.add(new Object[] { p.vars().get(0), result });
			}
		}
		return result;
	}

	private Value command(Command c, Value dot, Value piped) {
		Arg first = c.args().get(0);
		if (first instanceof Function f) {
			List<Value> args = new ArrayList<>();
			for (Arg a : c.args().subList(1, c.args().size())) {
				args.add(arg(a, dot));
			}
			if (piped != null) {
				args.add(piped);
			}
			return GoTemplateFunctions.call(f.name(), args);
		}
		if (c.args().size() > 1 || piped != null) {
			throw GoTemplateParser.error("can't give argument to non-function " + describe(first));
		}
		return arg(first, dot);
	}

	private Value arg(Arg a, Value dot) {
		if (a instanceof Dot) {
			return dot;
		}
		if (a instanceof Literal l) {
			return l.value();
		}
		if (a instanceof Variable v) {
			return lookup(v.name());
		}
		if (a instanceof Sub s) {
			return pipeline(s.pipeline(), dot);
		}
		if (a instanceof Chain c) {
			Value v = arg(c.base(), dot);
			for (String field : c.fields()) {
				v = field(v, field);
			}
			return v;
		}
		return GoTemplateFunctions.call(((Function) a).name(), List.of());
	}

	private static Value field(Value v, String name) {
		if (v instanceof ObjectValue o) {
			Value found = o.get(name);
			return (found != null) ? found : MISSING;
		}
		if (v == NullValue.NULL || v == MISSING) {
			return MISSING;
		}
		throw GoTemplateParser.error("can't evaluate field " + name + " in type " + goType(v));
	}

	private Value lookup(String name) {
		for (int i = this.vars.size() - 1; i >= 0; i--) {
			if (this.vars.get(i)[0].equals(name)) {
				return (Value) this.vars.get(i)[1];
			}
		}
		throw GoTemplateParser.error("undefined variable \"" + name + "\"");
	}

	private void assign(String name, Value value) {
		for (int i = this.vars.size() - 1; i >= 0; i--) {
			if (this.vars.get(i)[0].equals(name)) {
				this.vars.get(i)[1] = value;
				return;
			}
		}
		throw GoTemplateParser.error("undefined variable \"" + name + "\"");
	}

	private void truncateVars(int mark) {
		while (this.vars.size() > mark) {
			this.vars.remove(this.vars.size() - 1);
		}
	}

	private void write(String text) {
		if (this.out.length() + text.length() > MAX_OUTPUT) {
			throw GoTemplateParser.error("output exceeds " + MAX_OUTPUT + " characters");
		}
		this.out.append(text);
	}

	/** Go's notion of truth: false, 0, nil and empty values are false. */
	static boolean truthy(Value v) {
		if (v instanceof BoolValue b) {
			return b.value();
		}
		if (v instanceof NumberValue n) {
			return n.signum() != 0;
		}
		if (v instanceof StringValue s) {
			return v != MISSING && !s.value().isEmpty();
		}
		if (v instanceof ArrayValue a) {
			return a.size() > 0;
		}
		if (v instanceof SetValue s) {
			return s.size() > 0;
		}
		return v instanceof ObjectValue o && o.size() > 0;
	}

	/** A value as Go's {@code %v} prints the JSON form of it. */
	static String print(Value v) {
		if (v instanceof StringValue s) {
			return s.value();
		}
		if (v instanceof NullValue) {
			return "<nil>";
		}
		if (v instanceof ArrayValue a) {
			return "[" + String.join(" ", a.elements().stream().map(GoTemplate::print).toList()) + "]";
		}
		if (v instanceof SetValue s) {
			return "[" + String.join(" ", s.elements().stream().map(GoTemplate::print).toList()) + "]";
		}
		if (v instanceof ObjectValue o) {
			List<String> parts = new ArrayList<>();
			for (int i = 0; i < o.size(); i++) {
				parts.add(print(o.key(i)) + ":" + print(o.value(i)));
			}
			return "map[" + String.join(" ", parts) + "]";
		}
		return v.toString();
	}

	static String goType(Value v) {
		if (v instanceof StringValue) {
			return "string";
		}
		if (v instanceof NumberValue) {
			return "json.Number";
		}
		if (v instanceof BoolValue) {
			return "bool";
		}
		if (v instanceof ArrayValue || v instanceof SetValue) {
			return "[]interface {}";
		}
		return (v instanceof ObjectValue) ? "map[string]interface {}" : "<nil>";
	}

	private static String describe(Arg a) {
		return (a instanceof Literal l) ? print(l.value()) : a.toString();
	}

	static int byteLength(String s) {
		return s.getBytes(StandardCharsets.UTF_8).length;
	}

	/** Ends the current iteration of a range: {@code break} or {@code continue}. */
	private static final class LoopSignal extends RuntimeException {

		final boolean stop;

		LoopSignal(boolean stop) {
			super(null, null, false, false);
			this.stop = stop;
		}

	}

	sealed interface Node permits Text, Action, If, With, Range, Invoke, Break, Continue {

	}

	record Text(String text) implements Node {
	}

	record Action(Pipeline pipeline) implements Node {
	}

	record If(Pipeline condition, List<Node> then, List<Node> otherwise) implements Node {
	}

	record With(Pipeline condition, List<Node> then, List<Node> otherwise) implements Node {
	}

	record Range(Pipeline condition, List<Node> then, List<Node> otherwise) implements Node {
	}

	record Invoke(String name, Pipeline argument) implements Node {
	}

	record Break() implements Node {
	}

	record Continue() implements Node {
	}

	/**
	 * Commands joined by {@code |}, optionally declaring ({@code :=}) or assigning
	 * variables.
	 */
	record Pipeline(List<String> vars, boolean assign, List<Command> commands) {
	}

	record Command(List<Arg> args) {
	}

	sealed interface Arg permits Dot, Literal, Variable, Sub, Chain, Function {

	}

	record Dot() implements Arg {
	}

	record Literal(Value value) implements Arg {
	}

	record Variable(String name) implements Arg {
	}

	record Sub(Pipeline pipeline) implements Arg {
	}

	record Chain(Arg base, List<String> fields) implements Arg {
	}

	record Function(String name) implements Arg {
	}

}
