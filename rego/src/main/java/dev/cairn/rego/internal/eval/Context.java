package dev.cairn.rego.internal.eval;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

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

	/** Marks a node whose value is being computed, to find recursion. */
	static final Object IN_PROGRESS = new Object();

	/** Marks a node whose value is undefined. */
	static final Object UNDEFINED = new Object();

	/**
	 * Values of rule nodes ({@link #IN_PROGRESS}, {@link #UNDEFINED} or a value), each
	 * node standing for its one path.
	 */
	final Map<RuleNode, Object> cache = new IdentityHashMap<>(32);

	Context(Value input, ObjectValue data, Map<List<String>, Value> overrides, Map<String, Mock> functionMocks) {
		this.input = input;
		this.data = data;
		this.overrides = overrides;
		this.functionMocks = functionMocks;
	}

}
