package dev.cairn.rego;

/**
 * Receives what policies {@code print}: one call per line, with the position of the
 * {@code print} call. The default discards the output, as OPA does unless printing is
 * enabled; the policy test runner collects it per test.
 */
@FunctionalInterface
public interface PrintHook {

	/** Discards everything. */
	PrintHook DISCARD = (location, message) -> {
	};

	/**
	 * One printed line.
	 * @param location where the {@code print} call is
	 * @param message the operands, space-separated; strings as written, other values in
	 * Rego syntax, an undefined operand as {@code <undefined>}
	 */
	void print(Location location, String message);

}
