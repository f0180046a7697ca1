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

	private static ZonedDateTime time(Value arg) {
		Value ns = arg;
		ZoneId zone = ZoneOffset.UTC;
		if (arg instanceof ArrayValue pair && pair.size() == 2) {
			ns = pair.get(0);
			String tz = string(pair.get(1), 1);
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
	private static BigInteger duration(String text) {
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
