package dev.cairn.rego;

/**
 * OPA's error codes, as they appear in messages and in conformance cases
 * ({@code want_error_code}).
 */
public enum ErrorCode {

	/** The source text is not valid Rego. */
	PARSE_ERROR("rego_parse_error"),

	/** The modules parse but cannot be compiled (conflicting rules, bad imports, ...). */
	COMPILE_ERROR("rego_compile_error"),

	/**
	 * A type check failed at compile time, for example a builtin called with the wrong
	 * argument types.
	 */
	TYPE_ERROR("rego_type_error"),

	/** A variable is not bound by any positive expression. */
	UNSAFE_VAR_ERROR("rego_unsafe_var_error"),

	/** Rules depend on themselves. */
	RECURSION_ERROR("rego_recursion_error"),

	/** A value had the wrong type during evaluation. */
	EVAL_TYPE_ERROR("eval_type_error"),

	/** A builtin failed during evaluation. */
	EVAL_BUILTIN_ERROR("eval_builtin_error"),

	/** A complete rule or function produced more than one value. */
	EVAL_CONFLICT_ERROR("eval_conflict_error"),

	/**
	 * An evaluation limit (time, steps, depth, output size) was reached, or evaluation
	 * was cancelled.
	 */
	EVAL_CANCEL_ERROR("eval_cancel_error"),

	/** Anything else that went wrong while evaluating. */
	EVAL_INTERNAL_ERROR("eval_internal_error");

	private final String code;

	ErrorCode(String code) {
		this.code = code;
	}

	/** The code as OPA writes it, for example {@code rego_parse_error}. */
	public String code() {
		return this.code;
	}

	@Override
	public String toString() {
		return this.code;
	}

}
