package dev.cairn.rego.internal.parser;

import dev.cairn.rego.Location;

/**
 * A syntax error inside the parser. Cheap to throw (no stack trace) because the parser
 * backtracks on some of them, as OPA's does; the entry points turn the one that escapes
 * into a {@link dev.cairn.rego.RegoException}.
 */
final class ParseFailure extends RuntimeException {

	private final transient Location location;

	/**
	 * Index of the token the parser was at: when alternatives fail, the furthest wins.
	 */
	private final int tokenIndex;

	ParseFailure(Location location, int tokenIndex, String message) {
		super(message, null, false, false);
		this.location = location;
		this.tokenIndex = tokenIndex;
	}

	Location location() {
		return this.location;
	}

	int tokenIndex() {
		return this.tokenIndex;
	}

}
