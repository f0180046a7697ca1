package dev.cairn.telemetry;

import java.util.List;

/**
 * The lines a log query returned.
 *
 * @param lines newest first
 * @param truncated whether more lines matched than the limits let through
 * @param query what was asked of the backend, in its own language (the LogQL sent to
 * Loki), for the reader to refine; may be {@code null}
 * @param source which backend answered, for example {@code Loki (production)}
 */
public record LogPage(List<LogLine> lines, boolean truncated, String query, String source) {

	public LogPage {
		lines = (lines != null) ? List.copyOf(lines) : List.of();
	}

}
