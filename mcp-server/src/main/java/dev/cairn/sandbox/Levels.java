package dev.cairn.sandbox;

import java.util.List;
import java.util.Locale;

/**
 * Log levels in the ports' words, lowest first, and the words callers may use for them.
 */
final class Levels {

	static final List<String> NAMES = List.of("debug", "info", "warn", "error");

	private Levels() {
	}

	static int rank(String level) {
		int rank = NAMES.indexOf(level);
		return (rank >= 0) ? rank : 1;
	}

	/**
	 * The rank of the lowest level a caller wants, 0 for all.
	 * @throws IllegalArgumentException when the word is no level
	 */
	static int wanted(String level) {
		if (level == null || level.isBlank()) {
			return 0;
		}
		switch (level.trim().toLowerCase(Locale.ROOT)) {
			case "trace", "debug":
				return 0;
			case "info", "notice":
				return 1;
			case "warn", "warning":
				return 2;
			case "error", "err", "fatal", "critical", "crit":
				return 3;
			default:
				throw new IllegalArgumentException(
						"unknown log level \"" + level + "\"; use debug, info, warn or error");
		}
	}

}
