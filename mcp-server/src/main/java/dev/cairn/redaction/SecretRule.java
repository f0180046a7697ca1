package dev.cairn.redaction;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One kind of secret: the pattern that finds it, the literal fragments without which it
 * cannot occur, and how a match is masked.
 * <p>
 * Anchors are lower case and are looked for in the lower-cased text before the pattern
 * runs: most text holds none of a rule's anchors, and {@code String.contains} costs far
 * less than a regex scan. A rule without anchors always runs.
 */
record SecretRule(String name, Pattern pattern, List<String> anchors, Masking masking) {

	/** How one match is masked. */
	@FunctionalInterface
	interface Masking {

		/**
		 * Appends the replacement of the match to {@code out}, which holds the text up to
		 * the match's start.
		 * @return where the text resumes (at least the match's end), or -1 to keep the
		 * match unchanged; nothing may have been appended then
		 */
		int mask(String text, Matcher match, StringBuilder out);

	}

	/** The mask that names what it hid. */
	static String label(String name) {
		return "[redacted:" + name + "]";
	}

	/** A rule whose whole match is replaced by {@code [redacted:name]}. */
	static SecretRule token(String name, String regex, String... anchors) {
		String mask = label(name);
		return new SecretRule(name, Pattern.compile(regex), List.of(anchors), (text, match, out) -> {
			out.append(mask);
			return match.end();
		});
	}

	/**
	 * A rule that keeps group 1 of its match (a host and path that say what the secret
	 * was for) and replaces the rest by {@code [redacted:name]}.
	 */
	static SecretRule afterPrefix(String name, String regex, String... anchors) {
		String mask = label(name);
		return new SecretRule(name, Pattern.compile(regex), List.of(anchors), (text, match, out) -> {
			out.append(text, match.start(), match.end(1)).append(mask);
			return match.end();
		});
	}

	/** A rule whose masking is done by code (values after keys, header values). */
	static SecretRule masked(String name, String regex, Masking masking, String... anchors) {
		return new SecretRule(name, Pattern.compile(regex), List.of(anchors), masking);
	}

	/** Whether this rule can match text whose lower-cased form is given. */
	boolean mayOccurIn(String lowerCaseText) {
		if (this.anchors.isEmpty()) {
			return true;
		}
		for (String anchor : this.anchors) {
			if (lowerCaseText.contains(anchor)) {
				return true;
			}
		}
		return false;
	}

	/** The text with every match masked; the same instance when nothing was. */
	String apply(String text) {
		Matcher match = this.pattern.matcher(text);
		StringBuilder out = null;
		boolean changed = false;
		int copied = 0;
		int from = 0;
		while (from < text.length() && match.find(from)) {
			if (out == null) {
				out = new StringBuilder(text.length() + 32);
			}
			out.append(text, copied, match.start());
			copied = match.start();
			int resume = this.masking.mask(text, match, out);
			if (resume >= 0) {
				changed = true;
				copied = resume;
				from = Math.max(resume, match.start() + 1);
			}
			else {
				from = Math.max(match.end(), match.start() + 1);
			}
		}
		if (!changed) {
			return text;
		}
		return out.append(text, copied, text.length()).toString();
	}

}
