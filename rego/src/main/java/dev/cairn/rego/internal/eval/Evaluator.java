package dev.cairn.rego.internal.eval;

import java.util.List;
import java.util.Map;

import dev.cairn.rego.ErrorCode;
import dev.cairn.rego.RegoException;
import dev.cairn.rego.ast.Body;
import dev.cairn.rego.ast.Term;
import dev.cairn.rego.internal.compile.CompiledPolicy;
import dev.cairn.rego.value.Value;

/** Evaluates queries against a compiled policy; one instance per evaluation. */
public final class Evaluator {

	public Evaluator(CompiledPolicy policy, Value input, boolean strict, long deadline) {
	}

	/** The rows of the query. */
	public List<Map<String, Value>> query(Body query) {
		throw new RegoException(ErrorCode.EVAL_INTERNAL_ERROR, null, "evaluation is not implemented yet");
	}

	/** The value of a term without variables. */
	public static Value constant(Term term) {
		throw new RegoException(ErrorCode.EVAL_INTERNAL_ERROR, null, "evaluation is not implemented yet");
	}

}
