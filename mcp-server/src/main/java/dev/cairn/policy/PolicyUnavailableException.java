package dev.cairn.policy;

/**
 * An engine could not decide. Never reaches a caller of {@link PolicyService}: it becomes
 * a {@value Decision#POLICY_UNAVAILABLE} denial.
 */
class PolicyUnavailableException extends RuntimeException {

	private final String revision;

	PolicyUnavailableException(String message, String revision) {
		this(message, revision, null);
	}

	PolicyUnavailableException(String message, String revision, Throwable cause) {
		super(message, cause);
		this.revision = revision;
	}

	String revision() {
		return this.revision;
	}

}
