package dev.cairn.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.cairn.telemetry.LogLine;

/**
 * Reads made-up log lines newest first, a minute at a time backwards from the end of the
 * range, and stops as soon as the page is full: a query over months costs what its first
 * page costs. A scan that finds few matches stops after a fixed amount of work, and says
 * the page may be incomplete.
 */
final class LogScan {

	private static final Duration WINDOW = Duration.ofMinutes(1);

	/** Request slots and lines looked at before a scan gives up. */
	static final long WORK_BUDGET = 2_000_000;

	private LogScan() {
	}

	/** Something that writes lines: a pod's container, or a job's. */
	interface Source {

		boolean activeDuring(Instant from, Instant to);

		/**
		 * Appends its lines in [from, to) of at least the rank.
		 * @return the work it took, in request slots looked at
		 */
		long append(Instant from, Instant to, int minRank, List<LogLine> out);

	}

	/**
	 * The newest matching lines.
	 * @param text a substring a line must contain, or {@code null}
	 */
	static Page scan(List<Source> sources, Instant from, Instant to, int minRank, String text, int limit,
			long maxBytes) {
		List<LogLine> kept = new ArrayList<>();
		long bytes = 0;
		long work = 0;
		Instant end = to;
		while (end.isAfter(from)) {
			Instant start = end.minus(WINDOW).isAfter(from) ? end.minus(WINDOW) : from;
			List<LogLine> batch = new ArrayList<>();
			for (Source source : sources) {
				if (source.activeDuring(start, end)) {
					work += source.append(start, end, minRank, batch);
				}
			}
			work += batch.size();
			batch.sort(Comparator.comparing(LogLine::time).reversed());
			for (LogLine line : batch) {
				if (Levels.rank(line.level()) < minRank || (text != null && !line.message().contains(text))) {
					continue;
				}
				if (kept.size() >= limit) {
					return new Page(kept, true, null);
				}
				long size = line.message().getBytes(StandardCharsets.UTF_8).length;
				if (bytes + size > maxBytes) {
					String cut = prefix(line.message(), maxBytes - bytes);
					if (!cut.isEmpty()) {
						kept.add(new LogLine(line.time(), line.level(), line.pod(), line.container(), cut));
					}
					return new Page(kept, true, null);
				}
				kept.add(line);
				bytes += size;
			}
			end = start;
			if (work > WORK_BUDGET && end.isAfter(from)) {
				return new Page(kept, true, end);
			}
		}
		return new Page(kept, false, null);
	}

	/** The longest start of the text that fits in the bytes. */
	static String prefix(String text, long maxBytes) {
		long used = 0;
		int i = 0;
		while (i < text.length()) {
			int codePoint = text.codePointAt(i);
			int width = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
			if (used + width > maxBytes) {
				break;
			}
			used += width;
			i += Character.charCount(codePoint);
		}
		return text.substring(0, i);
	}

	/**
	 * A scan's result.
	 *
	 * @param lines newest first
	 * @param truncated whether more lines may match
	 * @param stoppedAt where the scan gave up for its budget, or {@code null} when it
	 * read the whole range or filled the page
	 */
	record Page(List<LogLine> lines, boolean truncated, Instant stoppedAt) {

	}

}
