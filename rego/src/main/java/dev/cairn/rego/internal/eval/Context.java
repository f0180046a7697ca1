package dev.cairn.rego.internal.eval;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.cairn.rego.internal.compile.RuleNode;
import dev.cairn.rego.value.ObjectValue;
import dev.cairn.rego.value.Value;

/**
 * The documents an evaluation sees: input, base data, and what {@code with} replaced.
 * Each {@code with} makes a new context with its own cache of rule values, since the
 * replaced documents can change any rule.
 */
final class Context {

	final Value input;

	final ObjectValue data;

	/** Paths under {@code data} whose value {@code with} replaced. */
	final Map<List<String>, Value> overrides;

	/** Functions and builtins {@code with} replaced, by name. */
	final Map<String, Mock> functionMocks;

	/** Values of rule nodes, each standing for its one path. */
	final Map<RuleNode, Optional<Value>> cache = new HashMap<>(64);

	final Set<RuleNode> inProgress = new HashSet<>();

	Context(Value input, ObjectValue data, Map<List<String>, Value> overrides, Map<String, Mock> functionMocks) {
		this.input = input;
		this.data = data;
		this.overrides = overrides;
		this.functionMocks = functionMocks;
	}

}
