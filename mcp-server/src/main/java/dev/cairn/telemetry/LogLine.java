package dev.cairn.telemetry;

import java.time.Instant;
import java.util.Objects;

/**
 * One log line.
 *
 * @param time when it was written
 * @param level its level (debug, info, warn, error), or {@code null} when the line has
 * none
 * @param pod the pod that wrote it, or {@code null}
 * @param container the container that wrote it, or {@code null}
 * @param message the line's text (not yet redacted: the tool that returns it redacts)
 */
public record LogLine(Instant time, String level, String pod, String container, String message) {

	public LogLine {
		Objects.requireNonNull(time, "time");
		Objects.requireNonNull(message, "message");
	}

}
