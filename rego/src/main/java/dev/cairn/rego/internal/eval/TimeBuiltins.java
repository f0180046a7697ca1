package dev.cairn.rego.internal.eval;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.cairn.rego.value.ArrayValue;
import dev.cairn.rego.value.NullValue;
import dev.cairn.rego.value.NumberValue;
import dev.cairn.rego.value.StringValue;
import dev.cairn.rego.value.Value;

import static dev.cairn.rego.internal.eval.Functions.string;

/**
 * Time builtins over nanoseconds since the epoch, which OPA keeps in a signed 64-bit
 * integer: results outside that range are errors.
 */
final class TimeBuiltins {

	private static final BigInteger BILLION = BigInteger.valueOf(1_000_000_000L);

	private static final Pattern DURATION_PART = Pattern.compile("([0-9]*(?:\\.[0-9]*)?)(ns|us|µs|μs|ms|s|m|h)");

	private TimeBuiltins() {
	}

	static void registerAll() {
		Functions.register("time.parse_rfc3339_ns", 1, (a) -> {
			try {
				OffsetDateTime t = OffsetDateTime.parse(string(a[0], 1), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
				return nanos(t.toInstant());
			}
			catch (DateTimeParseException ex) {
				throw Functions.builtinError(ex.getMessage());
			}
		});
		Functions.register("time.parse_ns", 2, (a) -> {
			String layout = GoLayout.resolve(string(a[0], 1));
			return nanos(GoLayoutParser.parse(layout, string(a[1], 2)));
		});
		Functions.register("time.format", 1, (a) -> StringValue.of(GoLayout.format(time(a[0]), layout(a[0]))));
		Functions.register("time.diff", 2, (a) -> diff(time(a[0]), time(a[1])));
		Functions.register("test.sleep", 1, (a) -> {
			// For tests of per-evaluation caching; capped so that a policy cannot hold a
			// thread past its time limit for long (the limit is checked between
			// expressions, not during a builtin).
			long millis = duration(string(a[0], 1)).divide(BigInteger.valueOf(1_000_000L)).longValue();
			try {
				Thread.sleep(Math.max(0, Math.min(millis, 1_000L)));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return NullValue.NULL;
		});
		Functions.register("time.parse_duration_ns", 1, (a) -> NumberValue.of(duration(string(a[0], 1))));
		Functions.register("time.date", 1, (a) -> {
			ZonedDateTime t = time(a[0]);
			return ArrayValue.of(NumberValue.of(t.getYear()), NumberValue.of(t.getMonthValue()),
					NumberValue.of(t.getDayOfMonth()));
		});
		Functions.register("time.clock", 1, (a) -> {
			ZonedDateTime t = time(a[0]);
			return ArrayValue.of(NumberValue.of(t.getHour()), NumberValue.of(t.getMinute()),
					NumberValue.of(t.getSecond()));
		});
		Functions.register("time.weekday", 1,
				(a) -> StringValue.of(time(a[0]).getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH)));
		Functions.register("time.add_date", 4, (a) -> {
			ZonedDateTime t = time(a[0]);
			long years = Functions.number(a[1], 2).asLong();
			long months = Functions.number(a[2], 3).asLong();
			long days = Functions.number(a[3], 4).asLong();
			try {
				// Go normalises overflowing days (January 31 plus a month is March 2 or
				// 3)
				// where java.time would clamp to the month's end.
				long monthIndex = t.getYear() * 12L + (t.getMonthValue() - 1) + years * 12 + months;
				LocalDate first = LocalDate.of((int) Math.floorDiv(monthIndex, 12L),
						(int) Math.floorMod(monthIndex, 12L) + 1, 1);
				LocalDate date = first.plusDays(t.getDayOfMonth() - 1L + days);
				return nanos(t.with(date).toInstant());
			}
			catch (DateTimeException | ArithmeticException ex) {
				throw Functions.builtinError("time outside of valid range");
			}
		});
	}

	/**
	 * A time argument: nanoseconds, or an array of nanoseconds, a zone name and (for
	 * {@code time.format}) a layout.
	 */
	private static ZonedDateTime time(Value arg) {
		Value ns = arg;
		ZoneId zone = ZoneOffset.UTC;
		if (arg instanceof ArrayValue array) {
			if (array.isEmpty()) {
				throw Functions.typeError(
						"operand 1 must be either number (ns) or [number (ns), string (tz)] but got empty array");
			}
			ns = array.get(0);
			String tz = (array.size() > 1) ? string(array.get(1), 1) : "";
			try {
				zone = tz.isEmpty() || "UTC".equals(tz) ? ZoneOffset.UTC
						: "Local".equals(tz) ? ZoneId.systemDefault() : ZoneId.of(tz);
			}
			catch (DateTimeException ex) {
				throw Functions.builtinError("unknown time zone " + tz);
			}
		}
		NumberValue n = Functions.number(ns, 1);
		BigInteger value = n.truncatedBigInteger();
		if (value.bitLength() > 63) {
			throw Functions.builtinError("timestamp too big");
		}
		BigInteger[] parts = value.divideAndRemainder(BILLION);
		long seconds = parts[0].longValue();
		long nanos = parts[1].longValue();
		if (nanos < 0) {
			seconds--;
			nanos += 1_000_000_000L;
		}
		return Instant.ofEpochSecond(seconds, nanos).atZone(zone);
	}

	/**
	 * The layout of a {@code time.format} argument: RFC 3339 with nanoseconds by default.
	 */
	private static String layout(Value arg) {
		if (arg instanceof ArrayValue array && array.size() > 2) {
			return GoLayout.resolve(string(array.get(2), 1));
		}
		return GoLayout.resolve("RFC3339Nano");
	}

	/**
	 * The calendar difference of two times as years, months, days, hours, minutes and
	 * seconds, the later time first or not: each field is normalised to its range by
	 * borrowing from the next larger one, a day borrowing the length of the earlier
	 * time's month.
	 */
	private static ArrayValue diff(ZonedDateTime a, ZonedDateTime b) {
		ZonedDateTime t1 = a;
		ZonedDateTime t2 = b.withZoneSameInstant(a.getZone());
		if (t1.isAfter(t2)) {
			ZonedDateTime swap = t1;
			t1 = t2;
			t2 = swap;
		}
		int year = t2.getYear() - t1.getYear();
		int month = t2.getMonthValue() - t1.getMonthValue();
		int day = t2.getDayOfMonth() - t1.getDayOfMonth();
		int hour = t2.getHour() - t1.getHour();
		int minute = t2.getMinute() - t1.getMinute();
		int second = t2.getSecond() - t1.getSecond();
		if (second < 0) {
			second += 60;
			minute--;
		}
		if (minute < 0) {
			minute += 60;
			hour--;
		}
		if (hour < 0) {
			hour += 24;
			day--;
		}
		if (day < 0) {
			day += t1.toLocalDate().lengthOfMonth();
			month--;
		}
		if (month < 0) {
			month += 12;
			year--;
		}
		return ArrayValue.of(NumberValue.of(year), NumberValue.of(month), NumberValue.of(day), NumberValue.of(hour),
				NumberValue.of(minute), NumberValue.of(second));
	}

	private static NumberValue nanos(Instant t) {
		BigInteger ns = BigInteger.valueOf(t.getEpochSecond()).multiply(BILLION).add(BigInteger.valueOf(t.getNano()));
		if (ns.bitLength() > 63) {
			throw Functions.builtinError("time outside of valid range");
		}
		return NumberValue.of(ns);
	}

	/**
	 * Go's duration syntax: an optional sign, then numbers with units, for example 1h30m.
	 */
	static BigInteger duration(String text) {
		String s = text;
		boolean negative = s.startsWith("-");
		if (negative || s.startsWith("+")) {
			s = s.substring(1);
		}
		if ("0".equals(s)) {
			return BigInteger.ZERO;
		}
		Matcher m = DURATION_PART.matcher(s);
		BigDecimal total = BigDecimal.ZERO;
		int at = 0;
		while (at < s.length() && m.find(at) && m.start() == at && !m.group(1).isEmpty() && !".".equals(m.group(1))) {
			BigDecimal unit = switch (m.group(2)) {
				case "ns" -> BigDecimal.ONE;
				case "us", "µs", "μs" -> BigDecimal.valueOf(1_000L);
				case "ms" -> BigDecimal.valueOf(1_000_000L);
				case "s" -> BigDecimal.valueOf(1_000_000_000L);
				case "m" -> BigDecimal.valueOf(60_000_000_000L);
				default -> BigDecimal.valueOf(3_600_000_000_000L);
			};
			total = total.add(new BigDecimal(m.group(1)).multiply(unit));
			at = m.end();
		}
		if (at != s.length() || s.isEmpty()) {
			throw Functions.builtinError("time: invalid duration \"" + text + "\"");
		}
		BigInteger ns = total.toBigInteger();
		return negative ? ns.negate() : ns;
	}

}
