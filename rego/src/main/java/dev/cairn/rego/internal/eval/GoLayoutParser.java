package dev.cairn.rego.internal.eval;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

/**
 * Go's {@code time.Parse}: reads a value with a layout of {@link GoLayout} tokens. As in
 * Go, a value without an offset is UTC, a zone abbreviation other than {@code UTC} and
 * {@code GMT+h} counts as offset zero, a missing year is year 0, and seconds may carry a
 * fraction even when the layout has none. Errors read as Go's.
 */
final class GoLayoutParser {

	private final String layout;

	private final String input;

	private String value;

	private int year;

	private int month = -1;

	private int day = -1;

	private int yearDay = -1;

	private int hour;

	private int minute;

	private int second;

	private int nanos;

	private boolean pm;

	private boolean am;

	/** The offset in seconds, or {@code null} when the value named none. */
	private Integer offset;

	private GoLayoutParser(String layout, String value) {
		this.layout = layout;
		this.input = value;
		this.value = value;
	}

	/** Seconds and nanoseconds since the epoch; throws a builtin error when it fails. */
	static java.time.Instant parse(String layout, String value) {
		return new GoLayoutParser(layout, value).run();
	}

	private java.time.Instant run() {
		List<GoLayout.Token> tokens = GoLayout.tokens(this.layout);
		for (int t = 0; t < tokens.size(); t++) {
			GoLayout.Token token = tokens.get(t);
			if (token.kind() == null) {
				skip(token.text());
				continue;
			}
			String hold = this.value;
			String range = element(token, tokens.subList(t + 1, tokens.size()));
			if (range != null) {
				throw error(": " + range + " out of range");
			}
			if (this.value == null) {
				this.value = hold;
				throw cannotParse(hold, token.text());
			}
		}
		if (!this.value.isEmpty()) {
			throw error(": extra text: " + quote(this.value));
		}
		if (this.pm && this.hour < 12) {
			this.hour += 12;
		}
		else if (this.am && this.hour == 12) {
			this.hour = 0;
		}
		LocalDate date = date();
		long seconds = LocalDateTime
			.of(date.getYear(), date.getMonth(), date.getDayOfMonth(), this.hour, this.minute, this.second)
			.toEpochSecond(ZoneOffset.UTC);
		int zone = (this.offset != null) ? this.offset : 0;
		return java.time.Instant.ofEpochSecond(seconds - zone, this.nanos);
	}

	private LocalDate date() {
		if (this.yearDay >= 0) {
			LocalDate d;
			try {
				d = LocalDate.ofYearDay(this.year, this.yearDay);
			}
			catch (DateTimeException ex) {
				throw error(": day-of-year out of range");
			}
			if (this.month >= 0 && this.month != d.getMonthValue()) {
				throw error(": day-of-year does not match month");
			}
			if (this.day >= 0 && this.day != d.getDayOfMonth()) {
				throw error(": day-of-year does not match day");
			}
			return d;
		}
		int m = (this.month < 0) ? 1 : this.month;
		int d = (this.day < 0) ? 1 : this.day;
		if (d < 1 || d > Month.of(m).length(Year.isLeap(this.year))) {
			throw error(": day out of range");
		}
		return LocalDate.of(this.year, m, d);
	}

	/**
	 * Reads one element. Returns the name of a field out of range, or sets {@code value}
	 * to {@code null} when the text does not fit.
	 */
	private String element(GoLayout.Token token, List<GoLayout.Token> rest) {
		String v = this.value;
		switch (token.kind()) {
			case YEAR -> {
				if (v.length() < 2 || !digits(v, 2)) {
					return bad();
				}
				int p = Integer.parseInt(v.substring(0, 2));
				this.year = p + ((p >= 69) ? 1900 : 2000);
				this.value = v.substring(2);
			}
			case LONG_YEAR -> {
				if (v.length() < 4 || !digits(v, 4)) {
					return bad();
				}
				this.year = Integer.parseInt(v.substring(0, 4));
				this.value = v.substring(4);
			}
			case MONTH, LONG_MONTH -> {
				TextStyle style = (token.kind() == GoLayout.Kind.MONTH) ? TextStyle.SHORT : TextStyle.FULL;
				for (Month m : Month.values()) {
					if (lookup(m.getDisplayName(style, Locale.ENGLISH))) {
						this.month = m.getValue();
						return null;
					}
				}
				return bad();
			}
			case WEEKDAY, LONG_WEEKDAY -> {
				TextStyle style = (token.kind() == GoLayout.Kind.WEEKDAY) ? TextStyle.SHORT : TextStyle.FULL;
				for (java.time.DayOfWeek d : java.time.DayOfWeek.values()) {
					if (lookup(d.getDisplayName(style, Locale.ENGLISH))) {
						return null;
					}
				}
				return bad();
			}
			case NUM_MONTH, ZERO_MONTH -> {
				this.month = number(2, token.kind() == GoLayout.Kind.ZERO_MONTH);
				return (this.value != null && (this.month <= 0 || this.month > 12)) ? "month" : null;
			}
			case DAY, UNDER_DAY, ZERO_DAY -> {
				if (token.kind() == GoLayout.Kind.UNDER_DAY && v.startsWith(" ")) {
					this.value = v.substring(1);
				}
				this.day = number(2, token.kind() == GoLayout.Kind.ZERO_DAY);
			}
			case UNDER_YEAR_DAY, ZERO_YEAR_DAY -> {
				for (int i = 0; i < 2 && token.kind() == GoLayout.Kind.UNDER_YEAR_DAY; i++) {
					if (this.value.startsWith(" ")) {
						this.value = this.value.substring(1);
					}
				}
				this.yearDay = number(3, token.kind() == GoLayout.Kind.ZERO_YEAR_DAY);
				return (this.value != null && (this.yearDay < 1 || this.yearDay > 366)) ? "day-of-year" : null;
			}
			case HOUR -> {
				this.hour = number(2, false);
				return (this.value != null && this.hour >= 24) ? "hour" : null;
			}
			case HOUR12, ZERO_HOUR12 -> {
				this.hour = number(2, token.kind() == GoLayout.Kind.ZERO_HOUR12);
				return (this.value != null && this.hour > 12) ? "hour" : null;
			}
			case MINUTE, ZERO_MINUTE -> {
				this.minute = number(2, token.kind() == GoLayout.Kind.ZERO_MINUTE);
				return (this.value != null && this.minute >= 60) ? "minute" : null;
			}
			case SECOND, ZERO_SECOND -> {
				this.second = number(2, token.kind() == GoLayout.Kind.ZERO_SECOND);
				if (this.value == null) {
					return null;
				}
				if (this.second >= 60) {
					return "second";
				}
				// A fraction the layout does not mention is read anyway, as Go does.
				if (!nextIsFraction(rest) && this.value.length() >= 2 && separator(this.value.charAt(0))
						&& Character.isDigit(this.value.charAt(1))) {
					int n = 2;
					while (n < this.value.length() && Character.isDigit(this.value.charAt(n))) {
						n++;
					}
					fraction(n);
				}
			}
			case PM, PM_LOWER -> {
				String upper = (token.kind() == GoLayout.Kind.PM) ? "PM" : "pm";
				String lower = (token.kind() == GoLayout.Kind.PM) ? "AM" : "am";
				if (v.startsWith(upper)) {
					this.pm = true;
				}
				else if (v.startsWith(lower)) {
					this.am = true;
				}
				else {
					return bad();
				}
				this.value = v.substring(2);
			}
			case TZ -> {
				if (v.startsWith("UTC")) {
					this.offset = 0;
					this.value = v.substring(3);
					return null;
				}
				int n = GoZones.nameLength(v);
				if (n == 0) {
					return bad();
				}
				this.offset = GoZones.namedOffset(v.substring(0, n));
				this.value = v.substring(n);
			}
			case FRAC_ZEROS -> {
				int n = 1 + token.digits();
				if (v.length() < n || !separator(v.charAt(0))) {
					return bad();
				}
				fraction(n);
			}
			case FRAC_NINES -> {
				if (v.length() < 2 || !separator(v.charAt(0)) || !Character.isDigit(v.charAt(1))) {
					return null;
				}
				int n = 1;
				while (n < v.length() && Character.isDigit(v.charAt(n))) {
					n++;
				}
				fraction(n);
			}
			default -> {
				if (token.kind().iso() && v.startsWith("Z")) {
					this.offset = 0;
					this.value = v.substring(1);
					return null;
				}
				GoZones.Offset read = GoZones.readOffset(v, token.kind());
				if (read == null) {
					return bad();
				}
				this.offset = read.seconds();
				this.value = v.substring(read.length());
				return read.outOfRange();
			}
		}
		return null;
	}

	/**
	 * Go's {@code getnum}/{@code getnum3}: up to {@code max} digits, all of them if
	 * fixed.
	 */
	private int number(int max, boolean fixed) {
		String v = this.value;
		int n = 0;
		while (n < max && n < v.length() && v.charAt(n) >= '0' && v.charAt(n) <= '9') {
			n++;
		}
		if (n == 0 || (fixed && n < max)) {
			bad();
			return 0;
		}
		this.value = v.substring(n);
		return Integer.parseInt(v.substring(0, n));
	}

	/** A separator and digits, {@code n} characters in all, scaled to nanoseconds. */
	private void fraction(int n) {
		String v = this.value;
		String digits = v.substring(1, Math.min(n, 10));
		if (!digits(digits, digits.length())) {
			bad();
			return;
		}
		this.nanos = Integer.parseInt(digits + "0".repeat(9 - digits.length()));
		this.value = v.substring(n);
	}

	private boolean lookup(String name) {
		if (this.value.length() >= name.length() && this.value.regionMatches(true, 0, name, 0, name.length())) {
			this.value = this.value.substring(name.length());
			return true;
		}
		return false;
	}

	/** Go's {@code skip}: literal text must match, a run of spaces matching a run. */
	private void skip(String prefix) {
		String p = prefix;
		String v = this.value;
		while (!p.isEmpty()) {
			if (p.charAt(0) == ' ') {
				if (!v.isEmpty() && v.charAt(0) != ' ') {
					throw cannotParse(v, prefix);
				}
				p = p.replaceFirst("^ +", "");
				v = v.replaceFirst("^ +", "");
				continue;
			}
			if (v.isEmpty() || v.charAt(0) != p.charAt(0)) {
				throw cannotParse(v, prefix);
			}
			p = p.substring(1);
			v = v.substring(1);
		}
		this.value = v;
	}

	private static boolean nextIsFraction(List<GoLayout.Token> rest) {
		for (GoLayout.Token t : rest) {
			if (t.kind() != null) {
				return t.kind() == GoLayout.Kind.FRAC_ZEROS || t.kind() == GoLayout.Kind.FRAC_NINES;
			}
		}
		return false;
	}

	private String bad() {
		this.value = null;
		return null;
	}

	private static boolean separator(char c) {
		return c == '.' || c == ',';
	}

	private static boolean digits(String s, int n) {
		for (int i = 0; i < n; i++) {
			if (i >= s.length() || s.charAt(i) < '0' || s.charAt(i) > '9') {
				return false;
			}
		}
		return true;
	}

	private RuntimeException cannotParse(String valueElem, String layoutElem) {
		return Functions.builtinError("parsing time " + quote(this.input) + " as " + quote(this.layout)
				+ ": cannot parse " + quote(valueElem) + " as " + quote(layoutElem));
	}

	private RuntimeException error(String message) {
		return Functions.builtinError("parsing time " + quote(this.input) + message);
	}

	private static String quote(String s) {
		return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

}
