package dev.cairn.identity;

/**
 * Raised when a request carries no identity Cairn can accept. Its message says what the
 * caller can do.
 */
public class UnauthenticatedException extends RuntimeException {

	public UnauthenticatedException(String message) {
		super(message);
	}

}
