package dev.cairn.rego.internal.eval;

import dev.cairn.rego.value.Value;

/**
 * Variable bindings as an immutable linked list, so that backtracking is just returning
 * to an older list. A {@code null} value marks a variable declared ({@code some},
 * {@code :=}) but not yet bound: it shadows rule names of the same name.
 */
record Env(String name, Value value, Env parent) {

	static final Env EMPTY = new Env(null, null, null);

	Env bind(String var, Value v) {
		return new Env(var, v, this);
	}

	Env declare(String var) {
		return new Env(var, null, this);
	}

	/** The variable's value, or {@code null} when unbound or unknown. */
	Value get(String var) {
		for (Env e = this; e.name != null; e = e.parent) {
			if (e.name.equals(var)) {
				return e.value;
			}
		}
		return null;
	}

	/**
	 * The innermost entry for the variable, or {@code null} when it is neither declared
	 * nor bound: one walk answers both {@link #knows} and {@link #get}.
	 */
	Env find(String var) {
		for (Env e = this; e.name != null; e = e.parent) {
			if (e.name.equals(var)) {
				return e;
			}
		}
		return null;
	}

	/** Whether the variable is declared or bound here. */
	boolean knows(String var) {
		for (Env e = this; e.name != null; e = e.parent) {
			if (e.name.equals(var)) {
				return true;
			}
		}
		return false;
	}

}
