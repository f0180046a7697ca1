package dev.cairn.rego;

import java.util.List;
import java.util.Objects;

/**
 * The one exception the engine throws: an OPA error code, an optional position, and a
 * message. Its text is OPA's format,
 * {@code file:row:col: rego_parse_error: unexpected token}.
 */
public class RegoException extends RuntimeException {

	private final ErrorCode code;

	private final Location location;

	private final String detail;

	private final List<RegoException> errors;

	public RegoException(ErrorCode code, Location location, String detail) {
		this(code, location, detail, null);
	}

	public RegoException(ErrorCode code, Location location, String detail, Throwable cause) {
		super(format(code, location, detail), cause);
		this.code = Objects.requireNonNull(code, "code");
		this.location = location;
		this.detail = Objects.requireNonNull(detail, "detail");
		this.errors = List.of(this);
	}

	/**
	 * Several errors found together, as a compiler stage reports them; code, position and
	 * detail are the first one's, and the message lists them all as OPA does
	 * ({@code 2 errors occurred:} then one error a line).
	 */
	public RegoException(List<RegoException> errors) {
		super(format(errors));
		RegoException first = errors.get(0);
		this.code = first.code;
		this.location = first.location;
		this.detail = first.detail;
		this.errors = List.copyOf(errors);
	}

	public ErrorCode code() {
		return this.code;
	}

	/** Where the error is, or {@code null} when it has no single position. */
	public Location location() {
		return this.location;
	}

	/** The message without code and position. */
	public String detail() {
		return this.detail;
	}

	/** Every error reported together; just this one unless several were. */
	public List<RegoException> errors() {
		return this.errors;
	}

	private static String format(List<RegoException> errors) {
		if (errors.size() == 1) {
			return errors.get(0).getMessage();
		}
		StringBuilder sb = new StringBuilder().append(errors.size()).append(" errors occurred:");
		errors.forEach((e) -> sb.append('\n').append(e.getMessage()));
		return sb.toString();
	}

	private static String format(ErrorCode code, Location location, String detail) {
		return ((location != null) ? location + ": " : "") + code.code() + ": " + detail;
	}

}
