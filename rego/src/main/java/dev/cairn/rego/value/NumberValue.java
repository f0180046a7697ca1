package dev.cairn.rego.value;

import java.math.BigDecimal;
import java.math.BigInteger;

import dev.cairn.rego.ErrorCode;
import dev.cairn.rego.RegoException;

/**
 * An exact Rego number: integers of any size and decimals of any precision. Equality,
 * hashing and order go by numeric value, so {@code 1}, {@code 1.0} and {@code 1e0} are
 * equal.
 * <p>
 * A number parsed from text keeps that text and prints it, as OPA does: {@code 1.0}
 * prints {@code 1.0} and {@code 1e400} prints {@code 1e400}. Integers use a {@code long}
 * when they fit; everything else is a {@link BigDecimal}.
 * <p>
 * Arithmetic follows OPA: integers are exact; any operation with a non-integer operand,
 * and every division, is computed in binary floating point with a 64-bit mantissa (Go's
 * {@code big.Float} at its default precision) and printed with the fewest digits that
 * identify the result, so {@code 0.1 + 0.2} is {@code 0.3} and {@code 1 / 3} is
 * {@code 0.33333333333333333334}.
 */
public final class NumberValue implements Value {

	private static final int CACHE_LOW = -128;

	private static final int CACHE_HIGH = 1024;

	private static final NumberValue[] CACHE = new NumberValue[CACHE_HIGH - CACHE_LOW + 1];

	static {
		for (int i = 0; i < CACHE.length; i++) {
			CACHE[i] = new NumberValue(i + CACHE_LOW, null, null);
		}
	}

	/** Zero. */
	public static final NumberValue ZERO = of(0);

	/** One. */
	public static final NumberValue ONE = of(1);

	/**
	 * Zero that prints as {@code -0}, as OPA's floating-point results sometimes do; equal
	 * to {@link #ZERO}.
	 */
	static final NumberValue NEGATIVE_ZERO = new NumberValue(0, null, "-0");

	private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);

	private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

	/** The value when {@link #big} is null. */
	private final long small;

	/**
	 * The value, without trailing zeros, when it is not an integer that fits a long;
	 * otherwise null, so that each value has exactly one representation.
	 */
	private final BigDecimal big;

	/** The text this number prints as, or null to print it canonically. */
	private final String text;

	private NumberValue(long small, BigDecimal big, String text) {
		this.small = small;
		this.big = big;
		this.text = text;
	}

	/** The number {@code value}. */
	public static NumberValue of(long value) {
		if (value >= CACHE_LOW && value <= CACHE_HIGH) {
			return CACHE[(int) value - CACHE_LOW];
		}
		return new NumberValue(value, null, null);
	}

	/** The integer {@code value}. */
	public static NumberValue of(BigInteger value) {
		return (value.bitLength() < 64) ? of(value.longValue())
				: new NumberValue(0, stripped(new BigDecimal(value)), null);
	}

	/**
	 * The number {@code value}; its scale does not matter ({@code 1.50} equals
	 * {@code 1.5}).
	 */
	public static NumberValue of(BigDecimal value) {
		return of(value, null);
	}

	/**
	 * The number {@code value}, which must be finite. Integral values that fit a long
	 * become exact integers; others take the decimal of {@link Double#toString(double)},
	 * printed as OPA prints a Go float ({@code 0.1}, {@code 1e+300}).
	 * @throws IllegalArgumentException for NaN and infinities, which JSON and Rego lack
	 */
	public static NumberValue of(double value) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			throw new IllegalArgumentException("not a finite number: " + value);
		}
		if (value == Math.rint(value) && Math.abs(value) < 0x1p63) {
			return of((long) value);
		}
		BigDecimal decimal = new BigDecimal(Double.toString(value)).stripTrailingZeros();
		return of(decimal, BinaryFloat.formatG(value < 0, decimal.abs()));
	}

	/**
	 * Parses a JSON or Rego number ({@code 12}, {@code -0.5}, {@code .5}, {@code 1e400},
	 * {@code 2.5E-3}) exactly, keeping the text for printing.
	 * @throws IllegalArgumentException if {@code text} is not a number
	 */
	public static NumberValue parse(String text) {
		int n = text.length();
		int start = (n > 0 && text.charAt(0) == '-') ? 1 : 0;
		// Plain integers that print as they are read need neither BigDecimal nor text.
		if (n - start > 0 && n - start <= 18 && (text.charAt(start) != '0' || n == 1)) {
			long value = 0;
			int i = start;
			while (i < n && isDigit(text.charAt(i))) {
				value = value * 10 + (text.charAt(i) - '0');
				i++;
			}
			if (i == n) {
				return of((start == 1) ? -value : value);
			}
		}
		if (!isNumberSyntax(text, start)) {
			throw new IllegalArgumentException("not a number: " + text);
		}
		try {
			return of(new BigDecimal(text), text);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("number out of range: " + text, ex);
		}
	}

	static NumberValue of(BigDecimal value, String text) {
		if (value.signum() == 0) {
			return (text == null) ? ZERO : new NumberValue(0, null, text);
		}
		BigDecimal canonical = stripped(value);
		if (canonical.scale() <= 0 && canonical.compareTo(LONG_MIN) >= 0 && canonical.compareTo(LONG_MAX) <= 0) {
			long small = canonical.longValueExact();
			return (text == null) ? of(small) : new NumberValue(small, null, text);
		}
		return new NumberValue(0, canonical, text);
	}

	private static BigDecimal stripped(BigDecimal value) {
		// One representation per value: 1.50 and 1.5, 100 and 1e2, hash and compare
		// alike.
		return value.stripTrailingZeros();
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	// -?(digits(.digits)?|.digits)([eE][+-]?digits)?
	private static boolean isNumberSyntax(String text, int start) {
		int n = text.length();
		int i = start;
		int intDigits = 0;
		while (i < n && isDigit(text.charAt(i))) {
			i++;
			intDigits++;
		}
		int fracDigits = 0;
		if (i < n && text.charAt(i) == '.') {
			i++;
			while (i < n && isDigit(text.charAt(i))) {
				i++;
				fracDigits++;
			}
			if (fracDigits == 0) {
				return false;
			}
		}
		if (intDigits + fracDigits == 0) {
			return false;
		}
		if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
			i++;
			if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
				i++;
			}
			int expDigits = 0;
			while (i < n && isDigit(text.charAt(i))) {
				i++;
				expDigits++;
			}
			if (expDigits == 0) {
				return false;
			}
		}
		return i == n;
	}

	@Override
	public Kind kind() {
		return Kind.NUMBER;
	}

	/** Whether this number is an integer ({@code 2.0} and {@code 1e3} are). */
	public boolean isInteger() {
		return this.big == null || this.big.scale() <= 0;
	}

	/** Whether this number is an integer that fits a Java {@code long}. */
	public boolean fitsLong() {
		return this.big == null;
	}

	/** Whether this number is an integer that fits a Java {@code int}. */
	public boolean fitsInt() {
		return this.big == null && this.small == (int) this.small;
	}

	/**
	 * This number as a {@code long}.
	 * @throws RegoException ({@code eval_type_error}) if it is not an integer or does not
	 * fit
	 */
	public long asLong() {
		if (this.big != null) {
			throw notMachineInteger("64");
		}
		return this.small;
	}

	/**
	 * This number as an {@code int}.
	 * @throws RegoException ({@code eval_type_error}) if it is not an integer or does not
	 * fit
	 */
	public int asInt() {
		if (!fitsInt()) {
			throw notMachineInteger("32");
		}
		return (int) this.small;
	}

	/**
	 * This number as a {@link BigInteger}.
	 * @throws RegoException ({@code eval_type_error}) if it is not an integer
	 */
	public BigInteger asBigInteger() {
		if (this.big == null) {
			return BigInteger.valueOf(this.small);
		}
		if (!isInteger()) {
			throw new RegoException(ErrorCode.EVAL_TYPE_ERROR, null, "number " + this + " is not an integer");
		}
		checkIntegerRange();
		return this.big.toBigIntegerExact();
	}

	/**
	 * This number truncated towards zero, as Go's conversion to an integer does.
	 * @throws RegoException ({@code eval_builtin_error}) if it has more than 100,000
	 * integer digits, which would take long to build and be of no use
	 */
	public BigInteger truncatedBigInteger() {
		if (this.big == null) {
			return BigInteger.valueOf(this.small);
		}
		checkIntegerRange();
		return this.big.setScale(0, java.math.RoundingMode.DOWN).toBigInteger();
	}

	private void checkIntegerRange() {
		if ((long) this.big.precision() - this.big.scale() > Arithmetic.MAX_EXPONENT) {
			throw new RegoException(ErrorCode.EVAL_BUILTIN_ERROR, null,
					"number too large or too small for arithmetic (beyond 1e" + Arithmetic.MAX_EXPONENT + ")");
		}
	}

	private RegoException notMachineInteger(String bits) {
		String detail = isInteger() ? "integer " + this + " does not fit in " + bits + " bits"
				: "number " + this + " is not an integer";
		return new RegoException(ErrorCode.EVAL_TYPE_ERROR, null, detail);
	}

	/** This number exactly, as a {@link BigDecimal}. */
	public BigDecimal toBigDecimal() {
		return (this.big != null) ? this.big : BigDecimal.valueOf(this.small);
	}

	/** The {@code double} nearest to this number (which may be infinite or zero). */
	public double toDouble() {
		return (this.big != null) ? this.big.doubleValue() : this.small;
	}

	/** -1, 0 or 1 as this number is negative, zero or positive. */
	public int signum() {
		return (this.big != null) ? this.big.signum() : Long.signum(this.small);
	}

	/** Whether this is a zero that prints with a minus sign. */
	boolean isNegativeZero() {
		return this.big == null && this.small == 0 && this.text != null && this.text.startsWith("-");
	}

	long small() {
		return this.small;
	}

	BigDecimal big() {
		return this.big;
	}

	/** {@code this + other}, as OPA's {@code plus}. */
	public NumberValue add(NumberValue other) {
		return Arithmetic.add(this, other);
	}

	/** {@code this - other}, as OPA's {@code minus} on numbers. */
	public NumberValue subtract(NumberValue other) {
		return Arithmetic.subtract(this, other);
	}

	/** {@code this * other}, as OPA's {@code mul}. */
	public NumberValue multiply(NumberValue other) {
		return Arithmetic.multiply(this, other);
	}

	/**
	 * {@code this / other}, as OPA's {@code div}: always a floating-point quotient, exact
	 * when it can be.
	 * @throws RegoException ({@code eval_builtin_error}, {@code divide by zero})
	 */
	public NumberValue divide(NumberValue other) {
		return Arithmetic.divide(this, other);
	}

	/**
	 * {@code this % other}, as OPA's {@code rem}: integers only, with the sign of the
	 * dividend.
	 * @throws RegoException ({@code eval_builtin_error}) with {@code modulo by zero} or
	 * {@code modulo on floating-point number}
	 */
	public NumberValue remainder(NumberValue other) {
		return Arithmetic.remainder(this, other);
	}

	/** The absolute value, as OPA's {@code abs}. */
	public NumberValue abs() {
		return Arithmetic.abs(this);
	}

	/**
	 * The largest integer not above this number. OPA's {@code floor} gives 0 rather than
	 * -1 between -1 and 0 (it tests the sign of the truncated zero); this does not copy
	 * that.
	 */
	public NumberValue floor() {
		return Arithmetic.floor(this);
	}

	/**
	 * The smallest integer not below this number. OPA's {@code ceil} gives 1 rather than
	 * 0 between -1 and 0; this does not copy that.
	 */
	public NumberValue ceil() {
		return Arithmetic.ceil(this);
	}

	/** The nearest integer, halves away from zero, as OPA's {@code round}. */
	public NumberValue round() {
		return Arithmetic.round(this);
	}

	@Override
	public int compareTo(Value other) {
		if (other instanceof NumberValue number) {
			if (this.big == null && number.big == null) {
				return Long.compare(this.small, number.small);
			}
			return toBigDecimal().compareTo(number.toBigDecimal());
		}
		return Kind.NUMBER.compareTo(other.kind());
	}

	@Override
	public boolean equals(Object other) {
		if (other == this) {
			return true;
		}
		if (!(other instanceof NumberValue number)) {
			return false;
		}
		return (this.big == null) ? number.big == null && this.small == number.small : this.big.equals(number.big);
	}

	@Override
	public int hashCode() {
		return (this.big != null) ? this.big.hashCode() : Long.hashCode(this.small);
	}

	/**
	 * The number as OPA prints it: its source text when it was parsed, otherwise its
	 * digits ({@code 3.5}, {@code 18446744073709551618}).
	 */
	@Override
	public String toString() {
		return (this.text != null) ? this.text : canonicalText();
	}

	/** This number as valid JSON: its text when that is JSON, else its digits. */
	String jsonText() {
		if (this.text != null && isJsonNumber(this.text)) {
			return this.text;
		}
		return canonicalText();
	}

	private static boolean isJsonNumber(String text) {
		int start = text.startsWith("-") ? 1 : 0;
		// The Rego-only forms are .5 and leading zeros such as 01.
		return start < text.length() && text.charAt(start) != '.'
				&& !(text.charAt(start) == '0' && start + 1 < text.length() && isDigit(text.charAt(start + 1)));
	}

	private String canonicalText() {
		if (this.big == null) {
			return Long.toString(this.small);
		}
		// Past a thousand digits of zeros or leading fraction zeros the exponent form is
		// shorter and still valid JSON.
		int exponent = this.big.precision() - this.big.scale() - 1;
		if (exponent > 1000 || exponent < -1000) {
			return this.big.toString().replace('E', 'e');
		}
		return this.big.toPlainString();
	}

}
