package dev.cairn.inspection;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import dev.cairn.mcp.ToolInputException;

/**
 * The time range a call asks about, from its {@code since} and {@code until} arguments:
 * each an ISO-8601 duration back from now ({@code PT15M}, {@code P1D}) or an RFC 3339
 * instant ({@code 2026-11-21T09:00:00Z}). Mistakes name the argument.
 *
 * @param from the start, inclusive
 * @param until the end, exclusive
 */
record TimeWindow(Instant from, Instant until) {

	static final String FORMS = "an ISO-8601 duration back from now such as PT15M, PT1H or P1D, "
			+ "or an RFC 3339 instant such as 2026-11-21T09:00:00Z";

	/**
	 * The range asked for; {@code since} defaults to {@code length} before {@code until},
	 * and {@code until} to now.
	 * @throws ToolInputException naming the argument that does not parse, or
	 * {@code since} when the range is empty
	 */
	static TimeWindow of(String since, String until, Duration length, Instant now) {
		Instant end = (present(until)) ? point("until", until, now) : now;
		Instant start = (present(since)) ? point("since", since, now) : end.minus(length);
		if (!start.isBefore(end)) {
			throw new ToolInputException("since",
					"the range is empty: since (" + start + ") must be before until (" + end + ")");
		}
		return new TimeWindow(start, end);
	}

	/** One point in time, as {@link #FORMS} says. */
	static Instant point(String field, String value, Instant now) {
		String text = value.trim();
		if (text.startsWith("P") || text.startsWith("p") || text.startsWith("-P") || text.startsWith("-p")) {
			return now.minus(duration(field, text));
		}
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new ToolInputException(field, "must be " + FORMS + ", got \"" + value + "\"");
		}
	}

	/** A positive ISO-8601 duration. */
	static Duration duration(String field, String value) {
		Duration duration;
		try {
			duration = Duration.parse(value.trim());
		}
		catch (DateTimeParseException ex) {
			throw new ToolInputException(field,
					"must be an ISO-8601 duration such as PT30S, PT15M, PT1H or P1D, got \"" + value + "\"");
		}
		if (duration.isNegative() || duration.isZero()) {
			throw new ToolInputException(field, "must be a positive duration, got \"" + value + "\"");
		}
		return duration;
	}

	static boolean present(String value) {
		return value != null && !value.isBlank();
	}

	/** The range's length. */
	Duration length() {
		return Duration.between(this.from, this.until);
	}

}
