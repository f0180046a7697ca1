package dev.cairn.telemetry;

/**
 * A log store for the service's logs (Loki, or the sandbox's), queried by time range,
 * level and text.
 */
public interface Logs {

	/**
	 * The matching lines, newest first, within the query's limits; the page says when the
	 * limits cut it.
	 * @throws BackendException when the backend cannot answer
	 * @throws IllegalArgumentException when the backend rejects the query itself (a LogQL
	 * syntax error, say), with the backend's words
	 */
	LogPage query(LogQuery query);

}
