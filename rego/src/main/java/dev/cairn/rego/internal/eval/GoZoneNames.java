package dev.cairn.rego.internal.eval;

/**
 * Zone abbreviations in values parsed with {@code MST}, read as Go's
 * {@code parseTimeZone} reads them: three to five capitals (four or five ending in
 * {@code T}), {@code ChST}, {@code MeST}, {@code WITA}, {@code GMT} with an optional hour
 * offset, or a signed offset.
 */
final class GoZoneNames {

	private GoZoneNames() {
	}

	/** How many characters at the start of {@code v} name a zone; 0 when none do. */
	static int length(String v) {
		if (v.length() < 3) {
			return 0;
		}
		if (v.startsWith("ChST") || v.startsWith("MeST")) {
			return 4;
		}
		if (v.startsWith("GMT")) {
			return 3 + signedOffset(v.substring(3));
		}
		if (v.charAt(0) == '+' || v.charAt(0) == '-') {
			return signedOffset(v);
		}
		int upper = 0;
		while (upper < 6 && upper < v.length() && v.charAt(upper) >= 'A' && v.charAt(upper) <= 'Z') {
			upper++;
		}
		return switch (upper) {
			case 3 -> 3;
			case 4 -> (v.charAt(3) == 'T' || v.startsWith("WITA")) ? 4 : 0;
			case 5 -> (v.charAt(4) == 'T') ? 5 : 0;
			default -> 0;
		};
	}

	/**
	 * The offset in seconds a zone name stands for. Only {@code GMT+h} says; other names
	 * count as UTC, as they do in Go when the local zone (UTC on a server) does not know
	 * them.
	 */
	static int offset(String name) {
		if (name.startsWith("GMT") && name.length() > 3) {
			return Integer.parseInt(name.substring(3).replace("+", "")) * 3600;
		}
		return 0;
	}

	/** {@code +h} or {@code -h} with an hour of at most 12; 0 when absent. */
	private static int signedOffset(String v) {
		if (v.isEmpty() || (v.charAt(0) != '+' && v.charAt(0) != '-')) {
			return 0;
		}
		int n = 1;
		while (n < v.length() && v.charAt(n) >= '0' && v.charAt(n) <= '9') {
			n++;
		}
		if (n == 1 || n > 4 || Integer.parseInt(v.substring(1, n)) > 12) {
			return 0;
		}
		return n;
	}

}
