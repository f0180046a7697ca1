package dev.cairn.rego.internal.eval;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import dev.cairn.rego.internal.eval.GoLayout.Kind;

/**
 * Zones in Go layouts, printed and read. Abbreviations in values parsed with {@code MST}
 * are read as Go's {@code parseTimeZone} reads them: three to five capitals (four or five
 * ending in {@code T}), {@code ChST}, {@code MeST}, {@code WITA}, {@code GMT} with an
 * optional hour offset, or a signed offset.
 */
final class GoZones {

	private static final DateTimeFormatter ZONE_NAME = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);

	private GoZones() {
	}

	/** How many characters at the start of {@code v} name a zone; 0 when none do. */
	static int nameLength(String v) {
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
	static int namedOffset(String name) {
		if (name.startsWith("GMT") && name.length() > 3) {
			return Integer.parseInt(name.substring(3).replace("+", "")) * 3600;
		}
		return 0;
	}

	/**
	 * A numeric offset read from a value.
	 *
	 * @param seconds east of UTC
	 * @param length how many characters it took
	 * @param outOfRange the field out of range, as Go names it, or {@code null}
	 */
	record Offset(int seconds, int length, String outOfRange) {
	}

	/**
	 * A numeric offset at the start of {@code v} in the form of an offset element;
	 * {@code null} when it is not there.
	 */
	static Offset readOffset(String v, Kind kind) {
		String h;
		String m = "00";
		String s = "00";
		int used;
		switch (kind) {
			case ISO_COLON_TZ, NUM_COLON_TZ -> {
				if (v.length() < 6 || v.charAt(3) != ':') {
					return null;
				}
				h = v.substring(1, 3);
				m = v.substring(4, 6);
				used = 6;
			}
			case ISO_SHORT_TZ, NUM_SHORT_TZ -> {
				if (v.length() < 3) {
					return null;
				}
				h = v.substring(1, 3);
				used = 3;
			}
			case ISO_COLON_SECONDS_TZ, NUM_COLON_SECONDS_TZ -> {
				if (v.length() < 9 || v.charAt(3) != ':' || v.charAt(6) != ':') {
					return null;
				}
				h = v.substring(1, 3);
				m = v.substring(4, 6);
				s = v.substring(7, 9);
				used = 9;
			}
			case ISO_SECONDS_TZ, NUM_SECONDS_TZ -> {
				if (v.length() < 7) {
					return null;
				}
				h = v.substring(1, 3);
				m = v.substring(3, 5);
				s = v.substring(5, 7);
				used = 7;
			}
			default -> {
				if (v.length() < 5) {
					return null;
				}
				h = v.substring(1, 3);
				m = v.substring(3, 5);
				used = 5;
			}
		}
		char sign = v.charAt(0);
		if ((sign != '+' && sign != '-') || !digits(h) || !digits(m) || !digits(s)) {
			return null;
		}
		int hh = Integer.parseInt(h);
		int mm = Integer.parseInt(m);
		int ss = Integer.parseInt(s);
		// Go compares with > rather than >=: some write offsets of 24 hours or 60
		// minutes.
		String range = (hh > 24) ? "time zone offset hour"
				: (mm > 60) ? "time zone offset minute" : (ss > 60) ? "time zone offset second" : null;
		int total = (hh * 60 + mm) * 60 + ss;
		return new Offset((sign == '-') ? -total : total, used, range);
	}

	/** A zone's abbreviation: UTC for UTC, -0700 for a zone without a name. */
	static void appendName(StringBuilder b, ZonedDateTime t) {
		ZoneId zone = t.getZone();
		if (zone.equals(ZoneOffset.UTC) || "UTC".equals(zone.getId())) {
			b.append("UTC");
		}
		else if (zone instanceof ZoneOffset) {
			// A zone without a name prints as -0700, as Go does.
			appendOffset(b, t.getOffset().getTotalSeconds(), Kind.NUM_TZ);
		}
		else {
			b.append(ZONE_NAME.format(t));
		}
	}

	/** An offset as an offset element prints it, Z for zero in the ISO 8601 forms. */
	static void appendOffset(StringBuilder b, int seconds, Kind kind) {
		if (seconds == 0 && kind.iso()) {
			b.append('Z');
			return;
		}
		int minutes = Math.abs(seconds) / 60;
		b.append((seconds < 0) ? '-' : '+');
		GoLayout.pad(b, minutes / 60, 2);
		if (kind == Kind.ISO_COLON_TZ || kind == Kind.NUM_COLON_TZ || kind == Kind.ISO_COLON_SECONDS_TZ
				|| kind == Kind.NUM_COLON_SECONDS_TZ) {
			b.append(':');
		}
		if (kind != Kind.NUM_SHORT_TZ && kind != Kind.ISO_SHORT_TZ) {
			GoLayout.pad(b, minutes % 60, 2);
		}
		if (kind == Kind.ISO_SECONDS_TZ || kind == Kind.NUM_SECONDS_TZ || kind == Kind.ISO_COLON_SECONDS_TZ
				|| kind == Kind.NUM_COLON_SECONDS_TZ) {
			if (kind == Kind.ISO_COLON_SECONDS_TZ || kind == Kind.NUM_COLON_SECONDS_TZ) {
				b.append(':');
			}
			GoLayout.pad(b, Math.abs(seconds) % 60, 2);
		}
	}

	private static boolean digits(String s) {
		return s.chars().allMatch((c) -> c >= '0' && c <= '9');
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
