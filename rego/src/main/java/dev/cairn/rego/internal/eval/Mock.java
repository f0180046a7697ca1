package dev.cairn.rego.internal.eval;

import java.util.List;

import dev.cairn.rego.internal.compile.RuleEntry;
import dev.cairn.rego.value.Value;

/** What {@code with} put in place of a function or builtin. */
sealed interface Mock {

	/**
	 * Every call returns this value.
	 *
	 * @param value the value
	 */
	record Constant(Value value) implements Mock {
	}

	/**
	 * Calls go to another user function.
	 *
	 * @param rules its rules
	 */
	record UserFunction(List<RuleEntry> rules) implements Mock {
	}

	/**
	 * Calls go to a builtin.
	 *
	 * @param name its name
	 * @param builtin the builtin
	 */
	record Builtin(String name, Functions.Builtin builtin) implements Mock {
	}

}
