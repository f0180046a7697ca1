package dev.cairn.telemetry.kubernetes;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import io.fabric8.kubernetes.api.model.MicroTime;

/**
 * The API's timestamps (RFC 3339 strings, seconds or microseconds, always UTC from a real
 * API server) as instants.
 */
final class KubeTimes {

	private KubeTimes() {
	}

	/** The instant, or {@code null} when the value is absent or unreadable. */
	static Instant parse(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			try {
				return OffsetDateTime.parse(value).toInstant();
			}
			catch (DateTimeParseException again) {
				return null;
			}
		}
	}

	static Instant parse(MicroTime value) {
		return (value != null) ? parse(value.getTime()) : null;
	}

	/** The first of the values that is present. */
	static Instant firstOf(Instant... values) {
		for (Instant value : values) {
			if (value != null) {
				return value;
			}
		}
		return null;
	}

}
