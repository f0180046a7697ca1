package dev.cairn.telemetry;

/**
 * A backend could not answer: unreachable, refused, timed out, or answered something that
 * cannot be read. The message names the backend and what failed, in words an agent can
 * pass on ("Prometheus at http://prometheus:9090 did not answer within 5s"); it never
 * carries credentials.
 */
public class BackendException extends RuntimeException {

	private final String backend;

	/**
	 * @param backend which backend, for example {@code Prometheus (production)}
	 * @param message what failed
	 */
	public BackendException(String backend, String message) {
		super(backend + ": " + message);
		this.backend = backend;
	}

	public BackendException(String backend, String message, Throwable cause) {
		super(backend + ": " + message, cause);
		this.backend = backend;
	}

	public String backend() {
		return this.backend;
	}

}
