package dev.cairn.telemetry;

import java.time.Instant;
import java.util.Objects;

/**
 * A log query for one service in one environment.
 *
 * @param target the service and environment
 * @param from the start of the time range (inclusive)
 * @param to the end of the time range (exclusive)
 * @param level the lowest level wanted (debug, info, warn, error), or {@code null} for
 * all
 * @param text a substring the line must contain, or {@code null}
 * @param logql a LogQL query that replaces the selector and filters the adapter would
 * build; only for backends that speak LogQL, and only where policy allows; or
 * {@code null}
 * @param limit at most this many lines
 * @param maxBytes at most this many bytes of line text in all, lines cut beyond it
 */
public record LogQuery(ServiceTarget target, Instant from, Instant to, String level, String text, String logql,
		int limit, int maxBytes) {

	public LogQuery {
		Objects.requireNonNull(target, "target");
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(to, "to");
		if (!from.isBefore(to)) {
			throw new IllegalArgumentException("the time range is empty: from " + from + " is not before to " + to);
		}
		if (limit < 1) {
			throw new IllegalArgumentException("limit must be at least 1, got " + limit);
		}
		if (maxBytes < 1) {
			throw new IllegalArgumentException("maxBytes must be at least 1, got " + maxBytes);
		}
	}

}
