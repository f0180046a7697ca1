package dev.cairn.audit;

/**
 * The audit trail could not be written (the database is unreachable, say). A call whose
 * decision cannot be recorded must not run.
 */
public class AuditUnavailableException extends RuntimeException {

	public AuditUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
