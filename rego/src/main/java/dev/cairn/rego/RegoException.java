package dev.cairn.rego;

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

	public RegoException(ErrorCode code, Location location, String detail) {
		this(code, location, detail, null);
	}

	public RegoException(ErrorCode code, Location location, String detail, Throwable cause) {
		super(format(code, location, detail), cause);
		this.code = Objects.requireNonNull(code, "code");
		this.location = location;
		this.detail = Objects.requireNonNull(detail, "detail");
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

	private static String format(ErrorCode code, Location location, String detail) {
		return ((location != null) ? location + ": " : "") + code.code() + ": " + detail;
	}

}
