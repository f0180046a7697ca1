package dev.cairn.rego.test;

import java.util.List;

import dev.cairn.rego.ErrorCode;
import dev.cairn.rego.RegoException;

/**
 * The policy files could not be loaded: Rego that does not parse or compile, data files
 * that are not valid JSON or YAML or that overlap, or paths that cannot be read. The
 * message lists every problem as OPA does: {@code 1 error occurred: x.rego:3:5:
 * rego_parse_error: ...}, or {@code 2 errors occurred:} followed by one per line.
 */
public final class PolicyLoadException extends RegoException {

	private final List<String> problems;

	PolicyLoadException(ErrorCode code, List<String> errors) {
		super(code, null, summary(errors));
		this.problems = List.copyOf(errors);
	}

	/** Each problem, in the order found: {@code file:row:col: code: message}. */
	public List<String> problems() {
		return this.problems;
	}

	private static String summary(List<String> errors) {
		if (errors.size() == 1) {
			return "1 error occurred: " + errors.get(0);
		}
		return errors.size() + " errors occurred:\n" + String.join("\n", errors);
	}

	/** The message without the error code that {@link RegoException} puts in front. */
	@Override
	public String getMessage() {
		return detail();
	}

}
