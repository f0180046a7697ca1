package dev.cairn.rego.value;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * A binary floating-point number with a 64-bit mantissa, rounded to nearest, ties to
 * even, with an unbounded exponent: the arithmetic of Go's {@code big.Float} at its
 * default precision, which OPA uses for every operation that is not exact on integers.
 * Printing follows Go's {@code Text('g', -1)}: the shortest decimal that reads back as
 * the same float.
 */
final class BinaryFloat {

	private static final int PRECISION = 64;

	/**
	 * An operand whose exponent is this many bits below the other's is less than a
	 * quarter of the other's last unit, so it cannot change a rounded sum.
	 */
	private static final int NEGLIGIBLE_GAP = PRECISION + 2;

	private static final BigInteger FIVE = BigInteger.valueOf(5);

	private static final BinaryFloat ZERO = new BinaryFloat(false, BigInteger.ZERO, 0);

	static final BinaryFloat HALF = new BinaryFloat(false, BigInteger.ONE.shiftLeft(PRECISION - 1), -PRECISION);

	private final boolean negative;

	/** Zero, or exactly {@link #PRECISION} bits. */
	private final BigInteger mantissa;

	/** The value is {@code mantissa * 2^exponent}. */
	private final long exponent;

	private BinaryFloat(boolean negative, BigInteger mantissa, long exponent) {
		this.negative = negative;
		this.mantissa = mantissa;
		this.exponent = exponent;
	}

	/** The float nearest to {@code number}, as Go's {@code SetString} reads it. */
	static BinaryFloat of(NumberValue number) {
		if (number.signum() == 0) {
			return number.isNegativeZero() ? new BinaryFloat(true, BigInteger.ZERO, 0) : ZERO;
		}
		BigDecimal value = number.toBigDecimal();
		BigInteger unscaled = value.unscaledValue().abs();
		int scale = value.scale();
		// 10^k is 5^k * 2^k: keep the power of two in the exponent.
		if (scale <= 0) {
			return round(value.signum() < 0, unscaled.multiply(FIVE.pow(-scale)), BigInteger.ONE, -(long) scale);
		}
		return round(value.signum() < 0, unscaled, FIVE.pow(scale), -(long) scale);
	}

	/**
	 * Rounds {@code num / den * 2^exp} (both positive) to {@link #PRECISION} bits,
	 * nearest, ties to even.
	 */
	private static BinaryFloat round(boolean negative, BigInteger num, BigInteger den, long exp) {
		// Scale so that the integer quotient has PRECISION + 2 or + 3 bits.
		int shift = PRECISION + 2 - (num.bitLength() - den.bitLength());
		BigInteger n = (shift > 0) ? num.shiftLeft(shift) : num;
		BigInteger d = (shift < 0) ? den.shiftLeft(-shift) : den;
		BigInteger[] quotient = n.divideAndRemainder(d);
		BigInteger q = quotient[0];
		int excess = q.bitLength() - PRECISION;
		boolean halfBit = q.testBit(excess - 1);
		boolean belowHalf = quotient[1].signum() != 0 || q.getLowestSetBit() < excess - 1;
		q = q.shiftRight(excess);
		long e = exp - shift + excess;
		if (halfBit && (belowHalf || q.testBit(0))) {
			q = q.add(BigInteger.ONE);
			if (q.bitLength() > PRECISION) {
				q = q.shiftRight(1);
				e++;
			}
		}
		return new BinaryFloat(negative, q, e);
	}

	boolean isZero() {
		return this.mantissa.signum() == 0;
	}

	boolean isNegative() {
		return this.negative;
	}

	boolean isInteger() {
		return isZero() || this.exponent >= 0 || this.mantissa.getLowestSetBit() >= -this.exponent;
	}

	BinaryFloat negate() {
		return new BinaryFloat(!this.negative, this.mantissa, this.exponent);
	}

	BinaryFloat abs() {
		return this.negative ? negate() : this;
	}

	BinaryFloat add(BinaryFloat other) {
		if (isZero()) {
			// Go: -0 + -0 is -0, any other sum of zeros is +0.
			return other.isZero() ? new BinaryFloat(this.negative && other.negative, BigInteger.ZERO, 0) : other;
		}
		if (other.isZero()) {
			return this;
		}
		long gap = this.exponent - other.exponent;
		if (gap >= NEGLIGIBLE_GAP) {
			return this;
		}
		if (gap <= -NEGLIGIBLE_GAP) {
			return other;
		}
		long e = Math.min(this.exponent, other.exponent);
		BigInteger a = this.mantissa.shiftLeft((int) (this.exponent - e));
		BigInteger b = other.mantissa.shiftLeft((int) (other.exponent - e));
		BigInteger sum = (this.negative ? a.negate() : a).add(other.negative ? b.negate() : b);
		if (sum.signum() == 0) {
			return ZERO;
		}
		return round(sum.signum() < 0, sum.abs(), BigInteger.ONE, e);
	}

	BinaryFloat multiply(BinaryFloat other) {
		boolean sign = this.negative != other.negative;
		if (isZero() || other.isZero()) {
			return new BinaryFloat(sign, BigInteger.ZERO, 0);
		}
		return round(sign, this.mantissa.multiply(other.mantissa), BigInteger.ONE, this.exponent + other.exponent);
	}

	/** {@code this / other}; {@code other} must not be zero. */
	BinaryFloat divide(BinaryFloat other) {
		boolean sign = this.negative != other.negative;
		if (isZero()) {
			return new BinaryFloat(sign, BigInteger.ZERO, 0);
		}
		return round(sign, this.mantissa, other.mantissa, this.exponent - other.exponent);
	}

	/** The integer part, rounded toward zero. */
	BigInteger truncate() {
		BigInteger magnitude;
		if (this.exponent >= 0) {
			magnitude = this.mantissa.shiftLeft((int) this.exponent);
		}
		else {
			magnitude = (this.exponent <= -PRECISION) ? BigInteger.ZERO
					: this.mantissa.shiftRight((int) -this.exponent);
		}
		return this.negative ? magnitude.negate() : magnitude;
	}

	/**
	 * This float as OPA turns a float result back into a number: the shortest decimal
	 * that identifies it, printed as Go's {@code %f} for integers and {@code %g}
	 * otherwise ({@code 0.5}, {@code 1e-05}, {@code 1.0000015e+06}).
	 */
	NumberValue toNumber() {
		if (isZero()) {
			return this.negative ? NumberValue.NEGATIVE_ZERO : NumberValue.ZERO;
		}
		BigDecimal magnitude = shortest().stripTrailingZeros();
		BigDecimal value = this.negative ? magnitude.negate() : magnitude;
		if (magnitude.scale() <= 0) {
			return NumberValue.of(value);
		}
		return NumberValue.of(value, formatG(this.negative, magnitude));
	}

	/**
	 * The decimal with the fewest significant digits in the interval of numbers that
	 * round to this float, nearest to it on a tie of length; the bounds count when the
	 * mantissa is even. Go bounds the interval half a unit either side, even below a
	 * power of two, and so does this.
	 */
	private BigDecimal shortest() {
		BigDecimal x = exactDecimal(this.mantissa, this.exponent);
		BigInteger twice = this.mantissa.shiftLeft(1);
		BigDecimal lower = exactDecimal(twice.subtract(BigInteger.ONE), this.exponent - 1);
		BigDecimal upper = exactDecimal(twice.add(BigInteger.ONE), this.exponent - 1);
		boolean inclusive = !this.mantissa.testBit(0);
		// Having enough digits is monotonic in the count, so search for the least.
		int low = 1;
		int high = Math.max(1, Math.min(x.precision(), PRECISION / 3 + 2));
		while (low < high) {
			int mid = (low + high) >>> 1;
			if (choose(x, mid, lower, upper, inclusive) != null) {
				high = mid;
			}
			else {
				low = mid + 1;
			}
		}
		BigDecimal chosen = choose(x, low, lower, upper, inclusive);
		return (chosen != null) ? chosen : x;
	}

	private static BigDecimal choose(BigDecimal x, int digits, BigDecimal lower, BigDecimal upper, boolean inclusive) {
		BigDecimal down = x.round(new MathContext(digits, RoundingMode.DOWN));
		BigDecimal up = x.round(new MathContext(digits, RoundingMode.UP));
		int lowerCompare = down.compareTo(lower);
		int upperCompare = up.compareTo(upper);
		boolean downFits = inclusive ? lowerCompare >= 0 : lowerCompare > 0;
		boolean upFits = inclusive ? upperCompare <= 0 : upperCompare < 0;
		if (downFits && upFits) {
			return x.round(new MathContext(digits, RoundingMode.HALF_EVEN));
		}
		return downFits ? down : (upFits ? up : null);
	}

	private static BigDecimal exactDecimal(BigInteger mantissa, long exponent) {
		if (exponent >= 0) {
			return new BigDecimal(mantissa.shiftLeft((int) exponent));
		}
		// m * 2^-k is m * 5^k / 10^k.
		return new BigDecimal(mantissa.multiply(FIVE.pow((int) -exponent)), (int) -exponent);
	}

	/**
	 * Go's {@code %g} with the shortest digits, for a magnitude without trailing zeros
	 * that is not an integer below 10^6.
	 */
	static String formatG(boolean negative, BigDecimal magnitude) {
		String digits = magnitude.unscaledValue().toString();
		// The value is 0.digits * 10^point.
		int point = digits.length() - magnitude.scale();
		int exp = point - 1;
		StringBuilder sb = new StringBuilder(digits.length() + 8);
		if (negative) {
			sb.append('-');
		}
		if (exp < -4 || exp >= 6) {
			sb.append(digits.charAt(0));
			if (digits.length() > 1) {
				sb.append('.').append(digits, 1, digits.length());
			}
			sb.append('e').append((exp < 0) ? '-' : '+');
			int absExp = Math.abs(exp);
			if (absExp < 10) {
				sb.append('0');
			}
			sb.append(absExp);
		}
		else if (point <= 0) {
			sb.append("0.");
			sb.append("0".repeat(-point));
			sb.append(digits);
		}
		else {
			sb.append(digits, 0, point).append('.').append(digits, point, digits.length());
		}
		return sb.toString();
	}

}
