package dev.cairn.rego.internal.eval;

import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Go's time layouts, written as the reference time {@code Mon Jan 2 15:04:05 MST 2006}:
 * the tokens a layout consists of, and formatting a time with them. Parsing is
 * {@link GoLayoutParser}. A layout is read as Go's {@code nextStdChunk} reads it, so that
 * {@code Jan} is a month but {@code Janet} is text, and {@code .000} is a fraction only
 * when no digit follows.
 */
final class GoLayout {

	/** The layout names OPA accepts in place of a layout, as Go's constants. */
	static final Map<String, String> NAMED = Map.of("ANSIC", "Mon Jan _2 15:04:05 2006", "UnixDate",
			"Mon Jan _2 15:04:05 MST 2006", "RubyDate", "Mon Jan 02 15:04:05 -0700 2006", "RFC822",
			"02 Jan 06 15:04 MST", "RFC822Z", "02 Jan 06 15:04 -0700", "RFC850", "Monday, 02-Jan-06 15:04:05 MST",
			"RFC1123", "Mon, 02 Jan 2006 15:04:05 MST", "RFC1123Z", "Mon, 02 Jan 2006 15:04:05 -0700", "RFC3339",
			"2006-01-02T15:04:05Z07:00", "RFC3339Nano", "2006-01-02T15:04:05.999999999Z07:00");

	private GoLayout() {
	}

	/** What a layout element stands for. */
	enum Kind {

		LONG_MONTH, MONTH, NUM_MONTH, ZERO_MONTH, LONG_WEEKDAY, WEEKDAY, DAY, UNDER_DAY, ZERO_DAY, UNDER_YEAR_DAY,
		ZERO_YEAR_DAY, HOUR, HOUR12, ZERO_HOUR12, MINUTE, ZERO_MINUTE, SECOND, ZERO_SECOND, LONG_YEAR, YEAR, PM,
		PM_LOWER, TZ, ISO_TZ, ISO_SECONDS_TZ, ISO_SHORT_TZ, ISO_COLON_TZ, ISO_COLON_SECONDS_TZ, NUM_TZ, NUM_SECONDS_TZ,
		NUM_SHORT_TZ, NUM_COLON_TZ, NUM_COLON_SECONDS_TZ, FRAC_ZEROS, FRAC_NINES;

		boolean iso() {
			return this == ISO_TZ || this == ISO_SECONDS_TZ || this == ISO_SHORT_TZ || this == ISO_COLON_TZ
					|| this == ISO_COLON_SECONDS_TZ;
		}

	}

	/**
	 * One piece of a layout: literal text ({@code kind} null) or an element.
	 *
	 * @param text the layout text of this piece, as Go's errors quote it
	 * @param kind the element, or {@code null} for literal text
	 * @param digits for fractions, how many digits the layout asks for
	 */
	record Token(String text, Kind kind, int digits) {

		static Token literal(String text) {
			return new Token(text, null, 0);
		}

		char separator() {
			return this.text.charAt(0);
		}

	}

	/** The layout a name such as {@code RFC3339} stands for, else the layout itself. */
	static String resolve(String layout) {
		return NAMED.getOrDefault(layout, layout);
	}

	static List<Token> tokens(String layout) {
		List<Token> out = new ArrayList<>();
		int literalStart = 0;
		int i = 0;
		while (i < layout.length()) {
			Token element = element(layout, i);
			if (element == null) {
				i++;
				continue;
			}
			if (i > literalStart) {
				out.add(Token.literal(layout.substring(literalStart, i)));
			}
			out.add(element);
			i += element.text().length();
			literalStart = i;
		}
		if (literalStart < layout.length()) {
			out.add(Token.literal(layout.substring(literalStart)));
		}
		return out;
	}

	/** The element starting at {@code i}, or {@code null} when the character is text. */
	private static Token element(String s, int i) {
		switch (s.charAt(i)) {
			case 'J' -> {
				if (s.startsWith("January", i)) {
					return token("January", Kind.LONG_MONTH);
				}
				if (s.startsWith("Jan", i) && !lowerAt(s, i + 3)) {
					return token("Jan", Kind.MONTH);
				}
			}
			case 'M' -> {
				if (s.startsWith("Monday", i)) {
					return token("Monday", Kind.LONG_WEEKDAY);
				}
				if (s.startsWith("Mon", i) && !lowerAt(s, i + 3)) {
					return token("Mon", Kind.WEEKDAY);
				}
				if (s.startsWith("MST", i)) {
					return token("MST", Kind.TZ);
				}
			}
			case '0' -> {
				if (i + 1 < s.length() && s.charAt(i + 1) >= '1' && s.charAt(i + 1) <= '6') {
					Kind[] kinds = { Kind.ZERO_MONTH, Kind.ZERO_DAY, Kind.ZERO_HOUR12, Kind.ZERO_MINUTE,
							Kind.ZERO_SECOND, Kind.YEAR };
					return token(s.substring(i, i + 2), kinds[s.charAt(i + 1) - '1']);
				}
				if (s.startsWith("002", i)) {
					return token("002", Kind.ZERO_YEAR_DAY);
				}
			}
			case '1' -> {
				return s.startsWith("15", i) ? token("15", Kind.HOUR) : token("1", Kind.NUM_MONTH);
			}
			case '2' -> {
				return s.startsWith("2006", i) ? token("2006", Kind.LONG_YEAR) : token("2", Kind.DAY);
			}
			case '_' -> {
				// "_2006" is a literal underscore and a year, as in Go.
				if (s.startsWith("_2", i) && !s.startsWith("_2006", i)) {
					return token("_2", Kind.UNDER_DAY);
				}
				if (s.startsWith("__2", i)) {
					return token("__2", Kind.UNDER_YEAR_DAY);
				}
			}
			case '3' -> {
				return token("3", Kind.HOUR12);
			}
			case '4' -> {
				return token("4", Kind.MINUTE);
			}
			case '5' -> {
				return token("5", Kind.SECOND);
			}
			case 'P' -> {
				if (s.startsWith("PM", i)) {
					return token("PM", Kind.PM);
				}
			}
			case 'p' -> {
				if (s.startsWith("pm", i)) {
					return token("pm", Kind.PM_LOWER);
				}
			}
			case '-' -> {
				return zone(s, i, "-070000", "-07:00:00", "-0700", "-07:00", "-07", Kind.NUM_SECONDS_TZ,
						Kind.NUM_COLON_SECONDS_TZ, Kind.NUM_TZ, Kind.NUM_COLON_TZ, Kind.NUM_SHORT_TZ);
			}
			case 'Z' -> {
				return zone(s, i, "Z070000", "Z07:00:00", "Z0700", "Z07:00", "Z07", Kind.ISO_SECONDS_TZ,
						Kind.ISO_COLON_SECONDS_TZ, Kind.ISO_TZ, Kind.ISO_COLON_TZ, Kind.ISO_SHORT_TZ);
			}
			case '.', ',' -> {
				return fraction(s, i);
			}
			default -> {
				return null;
			}
		}
		return null;
	}

	private static Token zone(String s, int i, String seconds, String colonSeconds, String plain, String colon,
			String shortForm, Kind... kinds) {
		String[] forms = { seconds, colonSeconds, plain, colon, shortForm };
		for (int f = 0; f < forms.length; f++) {
			if (s.startsWith(forms[f], i)) {
				return token(forms[f], kinds[f]);
			}
		}
		return null;
	}

	/** {@code .000} or {@code ,999}: repeated digits that no other digit follows. */
	private static Token fraction(String s, int i) {
		if (i + 1 >= s.length() || (s.charAt(i + 1) != '0' && s.charAt(i + 1) != '9')) {
			return null;
		}
		char digit = s.charAt(i + 1);
		int j = i + 1;
		while (j < s.length() && s.charAt(j) == digit) {
			j++;
		}
		if (j < s.length() && Character.isDigit(s.charAt(j))) {
			return null;
		}
		return new Token(s.substring(i, j), (digit == '0') ? Kind.FRAC_ZEROS : Kind.FRAC_NINES, j - i - 1);
	}

	private static Token token(String text, Kind kind) {
		return new Token(text, kind, 0);
	}

	private static boolean lowerAt(String s, int i) {
		return i < s.length() && s.charAt(i) >= 'a' && s.charAt(i) <= 'z';
	}

	/** Go's {@code Time.Format}. */
	static String format(ZonedDateTime t, String layout) {
		StringBuilder b = new StringBuilder();
		for (Token token : tokens(layout)) {
			if (token.kind() == null) {
				b.append(token.text());
				continue;
			}
			int hour = t.getHour();
			switch (token.kind()) {
				case YEAR -> pad(b, t.getYear() % 100, 2);
				case LONG_YEAR -> pad(b, t.getYear(), 4);
				case MONTH -> b.append(t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
				case LONG_MONTH -> b.append(t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
				case NUM_MONTH -> b.append(t.getMonthValue());
				case ZERO_MONTH -> pad(b, t.getMonthValue(), 2);
				case WEEKDAY -> b.append(t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
				case LONG_WEEKDAY -> b.append(t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
				case DAY -> b.append(t.getDayOfMonth());
				case UNDER_DAY -> b.append((t.getDayOfMonth() < 10) ? " " : "").append(t.getDayOfMonth());
				case ZERO_DAY -> pad(b, t.getDayOfMonth(), 2);
				case UNDER_YEAR_DAY -> b.append(String.format("%3d", t.getDayOfYear()));
				case ZERO_YEAR_DAY -> pad(b, t.getDayOfYear(), 3);
				case HOUR -> pad(b, hour, 2);
				case HOUR12 -> b.append((hour % 12 == 0) ? 12 : hour % 12);
				case ZERO_HOUR12 -> pad(b, (hour % 12 == 0) ? 12 : hour % 12, 2);
				case MINUTE -> b.append(t.getMinute());
				case ZERO_MINUTE -> pad(b, t.getMinute(), 2);
				case SECOND -> b.append(t.getSecond());
				case ZERO_SECOND -> pad(b, t.getSecond(), 2);
				case PM -> b.append((hour >= 12) ? "PM" : "AM");
				case PM_LOWER -> b.append((hour >= 12) ? "pm" : "am");
				case TZ -> GoZones.appendName(b, t);
				case FRAC_ZEROS, FRAC_NINES -> fraction(b, t.getNano(), token);
				default -> GoZones.appendOffset(b, t.getOffset().getTotalSeconds(), token.kind());
			}
		}
		return b.toString();
	}

	/** Go's {@code appendInt}: zero-padded to a width, the sign before the padding. */
	static void pad(StringBuilder b, int value, int width) {
		if (value < 0) {
			b.append('-');
		}
		String digits = Integer.toString(Math.abs(value));
		b.append("0".repeat(Math.max(0, width - digits.length()))).append(digits);
	}

	/**
	 * {@code .000} prints exactly that many digits; {@code .999} drops trailing zeros,
	 * and the separator too when nothing is left.
	 */
	private static void fraction(StringBuilder b, int nanos, Token token) {
		boolean trim = token.kind() == Kind.FRAC_NINES;
		if (trim && nanos == 0) {
			return;
		}
		String digits = String.format("%09d", nanos);
		digits = digits.substring(0, Math.min(9, token.digits()));
		if (trim) {
			digits = digits.replaceFirst("0+$", "");
			if (digits.isEmpty()) {
				return;
			}
		}
		b.append(token.separator()).append(digits);
	}

}
