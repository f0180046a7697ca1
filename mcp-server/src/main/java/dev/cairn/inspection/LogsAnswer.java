package dev.cairn.inspection;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import dev.cairn.telemetry.LogLine;
import dev.cairn.telemetry.LogPage;
import dev.cairn.telemetry.ServiceTarget;

/**
 * What {@code logs_query} answers: the lines, newest first, held to the line and byte
 * limits whatever the backend sent, and whether more matched.
 *
 * @param service the service
 * @param environment the environment
 * @param from the range's start
 * @param until the range's end
 * @param source which log store answered, for example {@code Loki (production)}
 * @param query the query sent to it, in its own language, to refine; may be {@code null}
 * @param limit the most lines this answer could hold
 * @param count how many lines it holds
 * @param lines the lines, newest first
 * @param truncated what to do about the lines left out, or {@code null} when none were
 * @param notes anything else the reader should know, or {@code null}
 */
record LogsAnswer(String service, String environment, Instant from, Instant until, String source, String query,
		int limit, int count, List<Line> lines, String truncated, List<String> notes) {

	static final String TRUNCATED = "truncated: more lines matched; narrow the time range or add text/level";

	static final String CUT_MARK = " ... [cut]";

	/** One line; {@code level}, {@code pod} and {@code container} may be {@code null}. */
	record Line(Instant time, String level, String pod, String container, String message) {

		String toText() {
			StringBuilder text = new StringBuilder(this.time.toString()).append(' ')
				.append((this.level != null) ? this.level.toUpperCase(Locale.ROOT) : "-");
			if (this.pod != null || this.container != null) {
				text.append(' ')
					.append((this.pod != null) ? this.pod : "-")
					.append((this.container != null) ? "/" + this.container : "");
			}
			return text.append(": ").append(this.message.replace("\n", "\n    ")).toString();
		}

	}

	/**
	 * The page held to {@code limit} lines and {@code maxBytes} bytes of message text.
	 * @param asked how many lines the caller asked for, to say when the policy allowed
	 * fewer
	 */
	static LogsAnswer of(ServiceTarget target, TimeWindow window, LogPage page, int limit, int asked, int maxBytes) {
		List<LogLine> newestFirst = new ArrayList<>(page.lines());
		newestFirst.sort(Comparator.comparing(LogLine::time).reversed());
		List<Line> lines = new ArrayList<>();
		boolean cut = page.truncated();
		int bytes = 0;
		for (LogLine line : newestFirst) {
			if (lines.size() == limit) {
				cut = true;
				break;
			}
			String message = line.message();
			int size = message.getBytes(StandardCharsets.UTF_8).length;
			if (bytes + size > maxBytes) {
				int room = maxBytes - bytes - CUT_MARK.length();
				if (room > 0) {
					lines.add(new Line(line.time(), line.level(), line.pod(), line.container(),
							prefix(message, room) + CUT_MARK));
				}
				cut = true;
				break;
			}
			bytes += size;
			lines.add(new Line(line.time(), line.level(), line.pod(), line.container(), message));
		}
		List<String> notes = new ArrayList<>();
		if (limit < asked) {
			notes.add("the policy allows this caller at most " + limit + " lines per answer");
		}
		return new LogsAnswer(target.service(), target.environment(), window.from(), window.until(), page.source(),
				page.query(), limit, lines.size(), lines, cut ? TRUNCATED : null, notes.isEmpty() ? null : notes);
	}

	/** At most {@code maxBytes} bytes of the text in UTF-8, whole characters only. */
	static String prefix(String text, int maxBytes) {
		int bytes = 0;
		int end = 0;
		while (end < text.length()) {
			int codePoint = text.codePointAt(end);
			int size = (codePoint < 0x80) ? 1 : (codePoint < 0x800) ? 2 : (codePoint < 0x10000) ? 3 : 4;
			if (bytes + size > maxBytes) {
				break;
			}
			bytes += size;
			end += Character.charCount(codePoint);
		}
		return text.substring(0, end);
	}

	String toText() {
		StringBuilder text = new StringBuilder();
		String about = this.service + " in " + this.environment;
		String range = this.from + " to " + this.until;
		String from = (this.source != null) ? " from " + this.source : "";
		if (this.lines.isEmpty()) {
			text.append("No log lines of ").append(about).append(" matched").append(from).append(", ").append(range);
			text.append(". Widen the time range or drop filters.");
		}
		else {
			text.append((this.truncated != null) ? "The newest " : "")
				.append(this.count)
				.append((this.count == 1) ? " log line of " : " log lines of ")
				.append(about)
				.append(from)
				.append(", newest first, ")
				.append(range)
				.append(':');
		}
		if (this.query != null) {
			text.append("\nquery: ").append(this.query);
		}
		for (Line line : this.lines) {
			text.append('\n').append(line.toText());
		}
		if (this.truncated != null) {
			text.append('\n').append(this.truncated);
		}
		if (this.notes != null) {
			this.notes.forEach((note) -> text.append("\nNote: ").append(note));
		}
		return text.toString();
	}

}
