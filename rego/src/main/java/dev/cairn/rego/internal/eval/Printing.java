package dev.cairn.rego.internal.eval;

import java.util.ArrayList;
import java.util.List;

import dev.cairn.rego.ast.Call;
import dev.cairn.rego.ast.Term;
import dev.cairn.rego.value.BoolValue;
import dev.cairn.rego.value.StringValue;
import dev.cairn.rego.value.Value;

/**
 * {@code print(...)}: takes any number of operands and never fails. Each operand stands
 * for all its values (none is printed as {@code <undefined>}), and one line is printed
 * for each combination, as OPA prints.
 */
final class Printing {

	static final String NAME = "print";

	private Printing() {
	}

	static void print(Evaluator ev, Call c, Context ctx, Scope scope, Env env, Evaluator.Values k) {
		List<List<String>> operands = new ArrayList<>();
		for (Term arg : c.args()) {
			List<String> values = new ArrayList<>();
			ev.terms.eval(arg, ctx, scope, env, (v, e) -> {
				String text = text(v);
				if (!values.contains(text)) {
					values.add(text);
				}
			});
			operands.add(values.isEmpty() ? List.of("<undefined>") : values);
		}
		lines(operands, 0, new String[operands.size()], ev, c);
		k.accept(BoolValue.TRUE, env);
	}

	private static void lines(List<List<String>> operands, int i, String[] line, Evaluator ev, Call c) {
		if (i == operands.size()) {
			ev.host.print(c.location(), String.join(" ", line));
			return;
		}
		for (String v : operands.get(i)) {
			line[i] = v;
			lines(operands, i + 1, line, ev, c);
		}
	}

	private static String text(Value v) {
		return (v instanceof StringValue s) ? s.value() : v.toString();
	}

}
