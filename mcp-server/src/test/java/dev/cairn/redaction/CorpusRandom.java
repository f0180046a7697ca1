package dev.cairn.redaction;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/** Seeded random strings in the alphabets tokens are made of. */
final class CorpusRandom {

	static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

	static final String LOWER = "abcdefghijklmnopqrstuvwxyz";

	static final String DIGITS = "0123456789";

	static final String ALNUM = UPPER + LOWER + DIGITS;

	static final String HEX = "0123456789abcdef";

	static final String BASE64 = ALNUM + "+/";

	static final String BASE64URL = ALNUM + "-_";

	static final String BASE32 = UPPER + "234567";

	/**
	 * The alphabet of Kubernetes' generated name suffixes (no vowels, no look-alikes).
	 */
	static final String KUBERNETES = "bcdfghjklmnpqrstvwxz2456789";

	/**
	 * Password symbols that key=value, query-string and connection-string syntax allow
	 * unquoted.
	 */
	static final String PASSWORD_SYMBOLS = "!#$%*+-./:=?@^_~";

	private final Random random;

	CorpusRandom(long seed) {
		this.random = new Random(seed);
	}

	String of(String alphabet, int length) {
		StringBuilder out = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			out.append(alphabet.charAt(this.random.nextInt(alphabet.length())));
		}
		return out.toString();
	}

	String of(String alphabet, int min, int max) {
		return of(alphabet, between(min, max));
	}

	String hex(int length) {
		return of(HEX, length);
	}

	String alnum(int length) {
		return of(ALNUM, length);
	}

	String base64url(int length) {
		return of(BASE64URL, length);
	}

	String base64(int length) {
		return of(BASE64, length);
	}

	String digits(int length) {
		return of("123456789", 1) + of(DIGITS, length - 1);
	}

	/** A password with at least one letter, digit and symbol, from {@code symbols}. */
	String password(int min, int max, String symbols) {
		return of(LOWER, 1) + of(DIGITS, 1) + of(symbols, 1) + of(ALNUM + symbols, min - 3, max - 3);
	}

	int between(int min, int max) {
		return min + this.random.nextInt(max - min + 1);
	}

	@SafeVarargs
	final <T> T pick(T... options) {
		return options[this.random.nextInt(options.length)];
	}

	UUID uuid() {
		return new UUID((this.random.nextLong() & ~0xF000L) | 0x4000L,
				(this.random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
	}

	static String base64Of(String text) {
		return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	static String base64UrlOf(String text) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * A base64 body of about {@code length} characters after {@code prefix}, cut in
	 * lines.
	 */
	List<String> lines(String prefix, int length, int lineLength) {
		String body = prefix + base64(Math.max(0, length - prefix.length()));
		List<String> lines = new ArrayList<>();
		for (int start = 0; start < body.length(); start += lineLength) {
			lines.add(body.substring(start, Math.min(body.length(), start + lineLength)));
		}
		return lines;
	}

}
