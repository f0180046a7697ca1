package dev.cairn.telemetry.kubernetes;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A log line's level, read from the formats containers commonly write: JSON with a
 * {@code level}, {@code severity} or {@code lvl} field (names or the numbers pino and
 * bunyan use), logfmt's {@code level=}, a level word near the start (Spring Boot,
 * Logback, Python, {@code [ERROR]}, nginx's {@code [error]}), and klog's
 * {@code E0501 12:00:00} prefix. Stack-trace lines carry no level of their own and take
 * the previous line's. Levels come out as {@code debug}, {@code info}, {@code warn} or
 * {@code error}.
 */
final class LogLevels {

	private static final Pattern JSON_LEVEL = Pattern
		.compile("\"(?:level|severity|lvl|log\\.level|loglevel)\"\\s*:\\s*(?:\"([A-Za-z]+)\"|(\\d{1,3})\\b)");

	private static final Pattern LOGFMT_LEVEL = Pattern
		.compile("(?:^|\\s)(?:level|lvl|severity)=\"?([A-Za-z]+)\"?(?=\\s|$)");

	private static final Pattern WORD_LEVEL = Pattern
		.compile("(?:^|[\\s\\[(|<.])(TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|ERR|FATAL|CRITICAL|CRIT|PANIC|SEVERE)"
				+ "(?=$|[\\s\\])|>:,])");

	/** Lower case counts only set apart, as nginx's {@code [error]} or zap's tabs. */
	private static final Pattern LOWER_LEVEL = Pattern
		.compile("(?:\\[|\\t)(trace|debug|info|notice|warn|warning|error|crit|fatal|emerg|alert)(?:\\]|\\t)");

	private static final Pattern KLOG = Pattern.compile("^([IWEF])\\d{4} \\d{2}:\\d{2}:\\d{2}");

	private static final Pattern CONTINUATION = Pattern.compile(
			"^(?:\\s+at |\\s+\\.\\.\\. \\d+ (?:more|common frames omitted)|Caused by: |\\s+File \"|\\s+Suppressed: )");

	/** A Java exception's first line: {@code java.lang.IllegalStateException: ...}. */
	private static final Pattern EXCEPTION = Pattern
		.compile("^(?:[a-z_$][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error|Throwable)(?::|$)");

	/** How far into a line a level word counts as its level rather than its text. */
	private static final int PREFIX = 80;

	private LogLevels() {
	}

	/**
	 * The line's level, or the previous line's for a stack-trace line, or {@code null}.
	 */
	static String of(String message, String previousLevel) {
		if (message.isEmpty()) {
			return null;
		}
		if (CONTINUATION.matcher(message).find()) {
			return previousLevel;
		}
		if (EXCEPTION.matcher(message).find()) {
			// Logged with a warning, it stays one; otherwise an exception is an error.
			return "warn".equals(previousLevel) ? previousLevel : "error";
		}
		String trimmed = message.stripLeading();
		if (trimmed.startsWith("{")) {
			Matcher json = JSON_LEVEL.matcher(trimmed);
			if (json.find()) {
				return (json.group(1) != null) ? normalize(json.group(1)) : numeric(Integer.parseInt(json.group(2)));
			}
		}
		Matcher logfmt = LOGFMT_LEVEL.matcher(message);
		if (logfmt.find()) {
			String level = normalize(logfmt.group(1));
			if (level != null) {
				return level;
			}
		}
		Matcher klog = KLOG.matcher(message);
		if (klog.find()) {
			return normalize(klog.group(1));
		}
		for (Pattern pattern : new Pattern[] { WORD_LEVEL, LOWER_LEVEL }) {
			Matcher word = pattern.matcher(message);
			word.region(0, Math.min(message.length(), PREFIX));
			if (word.find()) {
				return normalize(word.group(1));
			}
		}
		if (message.startsWith("Traceback (most recent call last)") || message.startsWith("Exception in thread ")
				|| message.startsWith("panic: ")) {
			return "error";
		}
		return null;
	}

	static String normalize(String level) {
		switch (level.toLowerCase(Locale.ROOT)) {
			case "trace":
			case "debug":
			case "d":
				return "debug";
			case "info":
			case "notice":
			case "i":
				return "info";
			case "warn":
			case "warning":
			case "w":
				return "warn";
			case "error":
			case "err":
			case "fatal":
			case "critical":
			case "crit":
			case "panic":
			case "severe":
			case "emerg":
			case "alert":
			case "e":
			case "f":
				return "error";
			default:
				return null;
		}
	}

	/** pino and bunyan: 10 trace, 20 debug, 30 info, 40 warn, 50 error, 60 fatal. */
	private static String numeric(int level) {
		if (level >= 50) {
			return "error";
		}
		if (level >= 40) {
			return "warn";
		}
		return (level >= 30) ? "info" : "debug";
	}

}
