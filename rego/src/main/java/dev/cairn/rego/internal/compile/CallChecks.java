package dev.cairn.rego.internal.compile;

import java.util.List;

import dev.cairn.rego.ErrorCode;
import dev.cairn.rego.ast.Call;
import dev.cairn.rego.ast.Term;

/**
 * Checks that every call names a function that exists and passes it as many arguments as
 * it takes: one more is allowed where the call is an expression of its own (the extra one
 * receives the result), not where it is nested in a term.
 */
final class CallChecks {

	private CallChecks() {
	}

	static Walk walker(Calls calls, Names names, Problems problems) {
		return new Walk() {
			@Override
			void term(Term t, boolean form) {
				if (t instanceof Call c) {
					check(c, form, calls, names, problems);
				}
			}
		};
	}

	private static void check(Call c, boolean form, Calls calls, Names names, Problems problems) {
		String name = c.name();
		int given = c.args().size();
		if (("eq".equals(name) || "assign".equals(name)) && given == 2 || "print".equals(name)) {
			// print takes any number of operands.
			return;
		}
		List<RuleEntry> functions = calls.userFunction(c.operator(), names);
		if (functions != null) {
			int arity = functions.get(0).rule().head().args().size();
			if (given != arity && !(form && given == arity + 1)) {
				List<String> path = Calls.dataPath(c.operator(), names);
				problems.add(ErrorCode.TYPE_ERROR, c.location(), "function data." + String.join(".", path)
						+ " has arity " + arity + ", got " + given + " argument" + ((given != 1) ? "s" : ""));
			}
			return;
		}
		int arity = calls.builtinArity().applyAsInt(name);
		if (arity < 0) {
			problems.add(ErrorCode.TYPE_ERROR, c.location(), "undefined function " + name);
		}
		else if (given != arity && !(form && given == arity + 1)) {
			problems.add(ErrorCode.TYPE_ERROR, c.location(), name + ": arity mismatch");
		}
	}

}
