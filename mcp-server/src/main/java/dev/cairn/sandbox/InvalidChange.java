package dev.cairn.sandbox;

/**
 * A change the sandbox cannot make: an unknown service, environment, failure or
 * dependency. The message names what there is; the field names the argument (or the part
 * of a setting) at fault.
 */
public class InvalidChange extends IllegalArgumentException {

	private final String field;

	public InvalidChange(String field, String message) {
		super(message);
		this.field = field;
	}

	/** {@code service}, {@code environment}, {@code failure}, {@code dependency}, ... */
	public String field() {
		return this.field;
	}

}
