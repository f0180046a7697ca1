package dev.cairn.redaction;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One kind of secret: the pattern that finds it, a cheap test of the lower-cased text
 * without which it cannot occur, and how a match is masked.
 * <p>
 * The test runs first: most text holds none of a rule's anchors (literal fragments such
 * as {@code ghp_}), and finding them costs far less than a regex scan ({@link AnchorScan}
 * looks for every rule's anchors in one pass). A rule may add a test of its own
 * ({@code precheck}), run only on text that holds one of its anchors; a rule without
 * anchors runs when its test passes, or always when it has none.
 */
record SecretRule(String name, Pattern pattern, List<String> anchors, Predicate<String> precheck, Masking masking) {

	/** How one match is masked. */
	@FunctionalInterface
	interface Masking {

		/**
		 * Appends the replacement of the match to {@code out}, which holds the text up to
		 * the match's start.
		 * @return where the text resumes (at least the match's end), or -1 to keep the
		 * match unchanged (nothing may have been appended then; the search goes on from
		 * the match's second character)
		 */
		int mask(String text, Matcher match, StringBuilder out);

	}

	/** The mask that names what it hid. */
	static String label(String name) {
		return "[redacted:" + name + "]";
	}

	/**
	 * A token: a match that starts a word (see {@link #startsWord}) is replaced by
	 * {@code [redacted:name]}.
	 * <p>
	 * The word boundary is checked here rather than in the pattern: a lookbehind at the
	 * start of a pattern is evaluated at every position of the text, where a literal
	 * prefix rejects most positions at their first character.
	 */
	static SecretRule token(String name, String regex, String... anchors) {
		String mask = label(name);
		return new SecretRule(name, Pattern.compile(regex), List.of(anchors), null, (text, match, out) -> {
			if (!startsWord(text, match.start())) {
				return -1;
			}
			out.append(mask);
			return match.end();
		});
	}

	/**
	 * Whether a token may start here: not inside a longer word, but right after a
	 * URL-encoded character ({@code ?q=%2F%3A_authToken%3Dnpm_...}).
	 */
	static boolean startsWord(String text, int start) {
		if (start == 0 || !isWordChar(text.charAt(start - 1))) {
			return true;
		}
		return start >= 3 && text.charAt(start - 3) == '%' && isHexDigit(text.charAt(start - 2))
				&& isHexDigit(text.charAt(start - 1));
	}

	private static boolean isWordChar(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
	}

	private static boolean isHexDigit(char c) {
		return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
	}

	/**
	 * A rule that keeps group 1 of its match (a host and path that say what the secret
	 * was for) and replaces the rest by {@code [redacted:name]}.
	 */
	static SecretRule afterPrefix(String name, String regex, String... anchors) {
		String mask = label(name);
		return new SecretRule(name, Pattern.compile(regex), List.of(anchors), null, (text, match, out) -> {
			out.append(text, match.start(), match.end(1)).append(mask);
			return match.end();
		});
	}

	/** A rule whose masking is done by code (values after keys, header values). */
	static SecretRule masked(String name, String regex, Masking masking, String... anchors) {
		return new SecretRule(name, Pattern.compile(regex), List.of(anchors), null, masking);
	}

	/**
	 * The same rule, run only on text that also passes the given test (after one of its
	 * anchors was found, if it has any).
	 */
	SecretRule onlyWhen(Predicate<String> lowerCaseTest) {
		return new SecretRule(this.name, this.pattern, this.anchors, lowerCaseTest, this.masking);
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
				// A match that was kept may hide a real one that starts inside it.
				from = match.start() + 1;
			}
		}
		if (!changed) {
			return text;
		}
		return out.append(text, copied, text.length()).toString();
	}

}
