package dev.cairn.rego.value;

import java.util.Objects;

/**
 * A Rego string. Strings order as Go orders them, byte by byte in UTF-8, which is Unicode
 * code point order; Java's {@link String#compareTo(String)} orders by UTF-16 units
 * instead and puts U+10000 and above before U+E000 to U+FFFF.
 *
 * @param value the string
 */
public record StringValue(String value) implements Value {

	/** The empty string. */
	public static final StringValue EMPTY = new StringValue("");

	public StringValue {
		Objects.requireNonNull(value, "value");
	}

	/** The string value of {@code value}. */
	public static StringValue of(String value) {
		return value.isEmpty() ? EMPTY : new StringValue(value);
	}

	@Override
	public Kind kind() {
		return Kind.STRING;
	}

	@Override
	public int compareTo(Value other) {
		if (other instanceof StringValue string) {
			return compareUtf8(this.value, string.value);
		}
		return Kind.STRING.compareTo(other.kind());
	}

	/**
	 * Compares two strings as their UTF-8 encodings compare byte by byte, the order Go
	 * (and so OPA) uses for strings.
	 * @param a one string
	 * @param b another string
	 * @return negative, zero or positive as {@code a} sorts before, with or after
	 * {@code b}
	 */
	public static int compareUtf8(String a, String b) {
		int n = Math.min(a.length(), b.length());
		for (int i = 0; i < n; i++) {
			char x = a.charAt(i);
			char y = b.charAt(i);
			if (x != y) {
				// Only when both are at or above the surrogates can UTF-16 and code point
				// order disagree: move surrogates above U+E000..U+FFFF.
				if (x >= 0xD800 && y >= 0xD800) {
					return codePointRank(x) - codePointRank(y);
				}
				return x - y;
			}
		}
		return a.length() - b.length();
	}

	private static int codePointRank(char c) {
		return (c >= 0xE000) ? c - 0x800 : c + 0x2000;
	}

	@Override
	public boolean equals(Object other) {
		return other == this || (other instanceof StringValue string && this.value.equals(string.value));
	}

	@Override
	public int hashCode() {
		// The same hash as the plain string, so that objects can be probed with a
		// String key without wrapping it.
		return this.value.hashCode();
	}

	@Override
	public String toString() {
		return RegoPrinter.quote(this.value);
	}

}
