package dev.cairn.telemetry.loki;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Log levels as the port speaks them (debug, info, warn, error), the words logs use for
 * them, how to find a line's level, and the LogQL regular expression that keeps lines at
 * or above a level.
 *
 * <p>
 * A line's level is found, in order, in a label (a stream label, structured metadata such
 * as Loki's {@code detected_level}, or an OpenTelemetry {@code severity_text}), in a
 * {@code level=...}/{@code "level":"..."} pair (logfmt and JSON alike), in a bracketed
 * word ({@code [warn]}), or in an upper-case word ({@code ERROR}), as plain-text formats
 * such as Spring Boot's write them. Numeric levels (pino's 50) are not recognised.
 */
final class LogLevels {

	static final List<String> LEVELS = List.of("debug", "info", "warn", "error");

	/** The words for each level, lower case, in the order of {@link #LEVELS}. */
	private static final List<List<String>> WORDS = List.of(List.of("trace", "debug", "dbg"),
			List.of("info", "information", "notice"), List.of("warn", "warning"),
			List.of("error", "err", "fatal", "critical", "crit", "panic", "alert", "emerg", "emergency", "severe"));

	/** Labels that may carry a line's level, in the order they are trusted. */
	static final List<String> LABELS = List.of("level", "detected_level", "severity", "severity_text", "lvl",
			"log_level");

	private static final String KEYS = "(?:level|lvl|severity|loglevel)";

	private static final Set<String> KEY_WORDS = Set.of("level", "lvl", "severity", "loglevel");

	private static final Set<String> UPPER_WORDS = Set.of("TRACE", "DEBUG", "INFO", "NOTICE", "WARN", "WARNING",
			"ERROR", "ERR", "FATAL", "CRITICAL", "CRIT", "PANIC", "SEVERE");

	/** How much of a line is searched for its level. */
	private static final int HEAD = 1024;

	private LogLevels() {
	}

	/**
	 * The level a caller asked for, in the port's words.
	 * @throws IllegalArgumentException when it is not a level
	 */
	static String requested(String level) {
		String normalized = normalize(level);
		if (normalized == null) {
			throw new IllegalArgumentException("unknown log level \"" + level + "\"; use debug, info, warn or error");
		}
		return normalized;
	}

	/** {@code debug}, {@code info}, {@code warn}, {@code error}, or {@code null}. */
	static String normalize(String word) {
		if (word == null) {
			return null;
		}
		String lower = word.trim().toLowerCase(Locale.ROOT);
		for (int i = 0; i < WORDS.size(); i++) {
			if (WORDS.get(i).contains(lower)) {
				return LEVELS.get(i);
			}
		}
		return null;
	}

	static int rank(String level) {
		return LEVELS.indexOf(level);
	}

	/** The line's level from its labels or its text, or {@code null}. */
	static String detect(Map<String, String> labels, Map<String, String> metadata, String line) {
		for (String label : LABELS) {
			String level = normalize(
					(metadata != null && metadata.containsKey(label)) ? metadata.get(label) : labels.get(label));
			if (level != null) {
				return level;
			}
		}
		return fromText(line);
	}

	/**
	 * One pass over the line's head, word by word (a word being a run of letters between
	 * non-word characters, as {@code \b} sees them): the first {@code key=value} or
	 * {@code "key": "value"} pair whose key names a level and whose value is one wins;
	 * else the first bracketed or upper-case level word. A regular expression per line
	 * costs several times as much on a page read from a million lines.
	 */
	private static String fromText(String line) {
		int end = Math.min(line.length(), HEAD);
		String firstWord = null;
		int i = 0;
		while (i < end) {
			if (!isLetter(line.charAt(i))) {
				i++;
				continue;
			}
			int start = i;
			while (i < end && isLetter(line.charAt(i))) {
				i++;
			}
			int length = i - start;
			if (length < 3 || length > 11) {
				continue;
			}
			boolean bracketed = start > 0 && line.charAt(start - 1) == '[' && i < end && line.charAt(i) == ']';
			boolean bounded = (start == 0 || !isWordChar(line.charAt(start - 1)))
					&& (i >= end || !isWordChar(line.charAt(i)));
			if (!bracketed && !bounded) {
				continue;
			}
			String word = line.substring(start, i);
			if (bounded && KEY_WORDS.contains(word.toLowerCase(Locale.ROOT))) {
				String level = valueAfterKey(line, i, end);
				if (level != null) {
					return level;
				}
			}
			else if (firstWord == null && (bracketed || UPPER_WORDS.contains(word))) {
				firstWord = normalize(word);
			}
		}
		return firstWord;
	}

	/** The level named after a key ending at {@code i}: {@code "?\s*[:=]\s*"?word}. */
	private static String valueAfterKey(String line, int i, int end) {
		int j = i;
		if (j < end && line.charAt(j) == '"') {
			j++;
		}
		j = skipSpaces(line, j, end);
		if (j >= end || (line.charAt(j) != ':' && line.charAt(j) != '=')) {
			return null;
		}
		j = skipSpaces(line, j + 1, end);
		if (j < end && line.charAt(j) == '"') {
			j++;
		}
		int start = j;
		while (j < end && isLetter(line.charAt(j))) {
			j++;
		}
		return (j > start) ? normalize(line.substring(start, j)) : null;
	}

	private static int skipSpaces(String line, int i, int end) {
		while (i < end && Character.isWhitespace(line.charAt(i))) {
			i++;
		}
		return i;
	}

	private static boolean isLetter(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	}

	private static boolean isWordChar(char c) {
		return isLetter(c) || (c >= '0' && c <= '9') || c == '_';
	}

	/** The words of {@code level} and the levels above it. */
	static List<String> atOrAbove(String level) {
		List<String> words = new ArrayList<>();
		for (int i = rank(level); i < WORDS.size(); i++) {
			words.addAll(WORDS.get(i));
		}
		return words;
	}

	/**
	 * A regular expression (RE2, as Loki runs it) matching lines that say they are at
	 * {@code level} or above, in any of the forms {@link #detect} reads; {@code null} for
	 * debug, which keeps every line.
	 */
	static String lineRegex(String level) {
		if (rank(level) <= 0) {
			return null;
		}
		List<String> words = atOrAbove(level);
		String lower = String.join("|", words);
		String upper = lower.toUpperCase(Locale.ROOT);
		return "(?i:\\b" + KEYS + "\"?\\s*[:=]\\s*\"?(?:" + lower + ")\\b)|(?i:\\[(?:" + lower + ")\\])|\\b(?:" + upper
				+ ")\\b";
	}

	/** A label matcher's regular expression for {@code level} and above (anchored). */
	static String labelRegex(String level) {
		return "(?i)(?:" + String.join("|", atOrAbove(level)) + ")";
	}

}
