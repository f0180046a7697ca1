package dev.cairn.telemetry.kubernetes;

import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;

import dev.cairn.telemetry.LogLine;

/**
 * Reads the text of a container log stream ({@code GET .../pods/<pod>/log} with
 * {@code timestamps=true}) into log lines, newest first, holding no more than the limits
 * at any time: the oldest lines are dropped as newer ones arrive, a line longer than
 * {@link #MAX_LINE_CHARS} is cut, and reading stops after {@code readCap} characters.
 */
final class ContainerLogReader {

	static final int MAX_LINE_CHARS = 16 * 1024;

	static final String CUT_MARK = " [line cut]";

	private final int maxLines;

	private final int maxBytes;

	private final long readCap;

	/**
	 * @param maxLines at most this many lines, the newest
	 * @param maxBytes at most this many bytes of text (UTF-8) in all, the newest lines
	 * @param readCap stop reading after this many characters
	 */
	ContainerLogReader(int maxLines, int maxBytes, long readCap) {
		this.maxLines = maxLines;
		this.maxBytes = maxBytes;
		this.readCap = readCap;
	}

	/** What was read: lines newest first, and whether a limit left any out or cut one. */
	record Result(List<LogLine> lines, boolean truncated) {

	}

	Result read(Reader in, String pod, String container, Instant fallbackTime) throws IOException {
		Window window = new Window();
		long read = 0;
		int lineLimit = Math.min(MAX_LINE_CHARS, this.maxBytes);
		StringBuilder line = new StringBuilder();
		boolean cut = false;
		char[] buffer = new char[8192];
		int n;
		while (read < this.readCap && (n = in.read(buffer)) != -1) {
			for (int i = 0; i < n; i++) {
				char c = buffer[i];
				if (c == '\n') {
					window.add(finish(line, cut), cut);
					line.setLength(0);
					cut = false;
				}
				else if (line.length() < lineLimit) {
					line.append(c);
				}
				else {
					cut = true;
				}
			}
			read += n;
		}
		if (read >= this.readCap) {
			// The newest lines were not read: say so rather than pass older lines as the
			// end.
			window.truncated = true;
		}
		else if (line.length() > 0) {
			window.add(finish(line, cut), cut);
		}
		return new Result(parse(window.lines, pod, container, fallbackTime), window.truncated);
	}

	/** The newest lines read so far, within the line and byte limits. */
	private final class Window {

		final Deque<Stamped> lines = new ArrayDeque<>();

		long bytes;

		boolean truncated;

		void add(String raw, boolean cut) {
			Stamped line = Stamped.of(raw);
			this.lines.addLast(line);
			this.bytes += utf8Length(line.message());
			this.truncated |= cut;
			while (this.lines.size() > ContainerLogReader.this.maxLines
					|| (this.bytes > ContainerLogReader.this.maxBytes && this.lines.size() > 1)) {
				this.bytes -= utf8Length(this.lines.removeFirst().message());
				this.truncated = true;
			}
		}

	}

	/** A line split into the kubelet's timestamp (when it has one) and the text. */
	private record Stamped(Instant time, String message) {

		static Stamped of(String raw) {
			int space = raw.indexOf(' ');
			Instant time = (space > 0 && Character.isDigit(raw.charAt(0))) ? KubeTimes.parse(raw.substring(0, space))
					: null;
			return (time != null) ? new Stamped(time, raw.substring(space + 1)) : new Stamped(null, raw);
		}

	}

	private static String finish(StringBuilder line, boolean cut) {
		int end = line.length();
		if (end > 0 && line.charAt(end - 1) == '\r') {
			end--;
		}
		return line.substring(0, end) + (cut ? CUT_MARK : "");
	}

	private static List<LogLine> parse(Deque<Stamped> oldestFirst, String pod, String container, Instant fallbackTime) {
		List<LogLine> lines = new ArrayList<>(oldestFirst.size());
		// A line without a timestamp (the API server adds one to every line it can)
		// takes its predecessor's.
		Instant time = null;
		String level = null;
		for (Stamped line : oldestFirst) {
			time = (line.time() != null) ? line.time() : time;
			level = LogLevels.of(line.message(), level);
			lines.add(new LogLine((time != null) ? time : fallbackTime, level, pod, container, line.message()));
		}
		Collections.reverse(lines);
		return lines;
	}

	private static long utf8Length(String text) {
		long length = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x80) {
				length++;
			}
			else if (c < 0x800) {
				length += 2;
			}
			else if (Character.isHighSurrogate(c)) {
				length += 4;
				i++;
			}
			else {
				length += 3;
			}
		}
		return length;
	}

}
