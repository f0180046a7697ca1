package dev.cairn.telemetry.loki;

/** Lengths and cuts of text in UTF-8 bytes, never splitting a character. */
final class Utf8 {

	private Utf8() {
	}

	static long length(String text) {
		long bytes = 0;
		for (int i = 0; i < text.length(); i++) {
			bytes += width(text, i);
			if (Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length()
					&& Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
		}
		return bytes;
	}

	/** The longest start of {@code text} that fits in {@code maxBytes}. */
	static String prefix(String text, long maxBytes) {
		long bytes = 0;
		int i = 0;
		while (i < text.length()) {
			int width = width(text, i);
			if (bytes + width > maxBytes) {
				break;
			}
			bytes += width;
			boolean pair = Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length()
					&& Character.isLowSurrogate(text.charAt(i + 1));
			i += pair ? 2 : 1;
		}
		return text.substring(0, i);
	}

	/**
	 * The UTF-8 width of the character at {@code i}; a lone surrogate is written as '?'.
	 */
	private static int width(String text, int i) {
		char c = text.charAt(i);
		if (c < 0x80) {
			return 1;
		}
		if (c < 0x800) {
			return 2;
		}
		if (Character.isHighSurrogate(c)) {
			return (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) ? 4 : 1;
		}
		return Character.isLowSurrogate(c) ? 1 : 3;
	}

}
