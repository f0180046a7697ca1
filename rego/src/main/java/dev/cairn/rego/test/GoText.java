package dev.cairn.rego.test;

import java.math.BigDecimal;

/**
 * Numbers as Go prints them, because {@code opa test}'s output is Go's: durations as
 * {@code time.Duration.String} ({@code 1.2µs}, {@code 3ms}, {@code 1m2.5s}) and floats as
 * {@code encoding/json} writes them ({@code 75}, {@code 66.66666666666667}).
 */
final class GoText {

	private static final long MICROSECOND = 1_000L;

	private static final long MILLISECOND = 1_000_000L;

	private static final long SECOND = 1_000_000_000L;

	private GoText() {
	}

	/** A duration in nanoseconds, formatted as Go's {@code time.Duration.String()}. */
	static String duration(long nanos) {
		if (nanos == 0) {
			return "0s";
		}
		String sign = (nanos < 0) ? "-" : "";
		long u = Math.abs(nanos);
		if (u < MICROSECOND) {
			return sign + u + "ns";
		}
		if (u < MILLISECOND) {
			return sign + decimal(u, 3) + "µs";
		}
		if (u < SECOND) {
			return sign + decimal(u, 6) + "ms";
		}
		String seconds = decimal(u % (60 * SECOND), 9) + "s";
		long minutes = u / (60 * SECOND);
		if (minutes == 0) {
			return sign + seconds;
		}
		long hours = minutes / 60;
		return sign + ((hours > 0) ? hours + "h" : "") + (minutes % 60) + "m" + seconds;
	}

	/** {@code v / 10^digits} with the fraction's trailing zeros (and dot) left out. */
	private static String decimal(long v, int digits) {
		return BigDecimal.valueOf(v, digits).stripTrailingZeros().toPlainString();
	}

	/** A float as Go's {@code encoding/json} writes one: shortest digits, no exponent. */
	static String number(double value) {
		if (value == 0) {
			return "0";
		}
		return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
	}

}
