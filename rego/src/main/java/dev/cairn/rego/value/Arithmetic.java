package dev.cairn.rego.value;

import java.math.BigDecimal;
import java.math.BigInteger;

import dev.cairn.rego.ErrorCode;
import dev.cairn.rego.RegoException;

/**
 * OPA's arithmetic on numbers (its {@code topdown/arithmetic.go}): exact on integers, and
 * otherwise in Go's {@code big.Float} at 64 bits of mantissa, emulated by
 * {@link BinaryFloat}. The messages are OPA's; the evaluator adds the builtin's name.
 */
final class Arithmetic {

	/**
	 * Beyond this decimal exponent, exact arithmetic would build numbers with hundreds of
	 * thousands of digits. OPA's parser rejects literals past about 1e30000; such numbers
	 * can only come from input.
	 */
	static final int MAX_EXPONENT = 100_000;

	private Arithmetic() {
	}

	static NumberValue add(NumberValue a, NumberValue b) {
		if (a.big() == null && b.big() == null) {
			long x = a.small();
			long y = b.small();
			long r = x + y;
			if (((x ^ r) & (y ^ r)) >= 0) {
				return NumberValue.of(r);
			}
			return NumberValue.of(BigInteger.valueOf(x).add(BigInteger.valueOf(y)));
		}
		checkRange(a, b);
		if (a.isInteger() && b.isInteger()) {
			return NumberValue.of(a.toBigDecimal().add(b.toBigDecimal()));
		}
		return BinaryFloat.of(a).add(BinaryFloat.of(b)).toNumber();
	}

	static NumberValue subtract(NumberValue a, NumberValue b) {
		if (a.big() == null && b.big() == null) {
			long x = a.small();
			long y = b.small();
			long r = x - y;
			if (((x ^ y) & (x ^ r)) >= 0) {
				return NumberValue.of(r);
			}
			return NumberValue.of(BigInteger.valueOf(x).subtract(BigInteger.valueOf(y)));
		}
		checkRange(a, b);
		if (a.isInteger() && b.isInteger()) {
			return NumberValue.of(a.toBigDecimal().subtract(b.toBigDecimal()));
		}
		return BinaryFloat.of(a).add(BinaryFloat.of(b).negate()).toNumber();
	}

	static NumberValue multiply(NumberValue a, NumberValue b) {
		if (a.big() == null && b.big() == null) {
			long x = a.small();
			long y = b.small();
			long high = Math.multiplyHigh(x, y);
			long low = x * y;
			if ((high == 0 && low >= 0) || (high == -1 && low < 0)) {
				return NumberValue.of(low);
			}
			return NumberValue.of(BigInteger.valueOf(x).multiply(BigInteger.valueOf(y)));
		}
		checkRange(a, b);
		if (a.isInteger() && b.isInteger()) {
			return NumberValue.of(a.toBigDecimal().multiply(b.toBigDecimal()));
		}
		return BinaryFloat.of(a).multiply(BinaryFloat.of(b)).toNumber();
	}

	static NumberValue divide(NumberValue a, NumberValue b) {
		if (b.signum() == 0) {
			throw builtinError("divide by zero");
		}
		if (a.signum() == 0) {
			// A float quotient: zero takes the sign of the operands, and OPA prints -0.
			return (a.isNegativeZero() != (b.signum() < 0)) ? NumberValue.NEGATIVE_ZERO : NumberValue.ZERO;
		}
		// An exact quotient of longs is also what the 64-bit float division gives.
		if (a.big() == null && b.big() == null && a.small() % b.small() == 0
				&& !(a.small() == Long.MIN_VALUE && b.small() == -1)) {
			return NumberValue.of(a.small() / b.small());
		}
		checkRange(a, b);
		return BinaryFloat.of(a).divide(BinaryFloat.of(b)).toNumber();
	}

	static NumberValue remainder(NumberValue a, NumberValue b) {
		if (!a.isInteger() || !b.isInteger()) {
			throw builtinError("modulo on floating-point number");
		}
		if (b.signum() == 0) {
			throw builtinError("modulo by zero");
		}
		if (a.big() == null && b.big() == null) {
			// Java's % truncates like Go's; MIN_VALUE % -1 is 0 in both.
			return NumberValue.of(a.small() % b.small());
		}
		checkRange(a, b);
		return NumberValue.of(a.asBigInteger().remainder(b.asBigInteger()));
	}

	static NumberValue abs(NumberValue a) {
		if (a.big() == null) {
			long x = a.small();
			return (x >= 0) ? NumberValue.of(x) : negateExact(x);
		}
		checkRange(a, a);
		return BinaryFloat.of(a).abs().toNumber();
	}

	static NumberValue floor(NumberValue a) {
		if (a.big() == null) {
			return NumberValue.of(a.small());
		}
		checkRange(a, a);
		BinaryFloat x = BinaryFloat.of(a);
		BigInteger t = x.truncate();
		return NumberValue.of((x.isNegative() && !x.isInteger()) ? t.subtract(BigInteger.ONE) : t);
	}

	static NumberValue ceil(NumberValue a) {
		if (a.big() == null) {
			return NumberValue.of(a.small());
		}
		checkRange(a, a);
		BinaryFloat x = BinaryFloat.of(a);
		BigInteger t = x.truncate();
		return NumberValue.of((!x.isNegative() && !x.isInteger()) ? t.add(BigInteger.ONE) : t);
	}

	static NumberValue round(NumberValue a) {
		if (a.big() == null) {
			return NumberValue.of(a.small());
		}
		checkRange(a, a);
		// OPA adds or subtracts a half in 64-bit floating point, then truncates.
		BinaryFloat x = BinaryFloat.of(a);
		BinaryFloat half = BinaryFloat.HALF;
		return NumberValue.of((x.isNegative() ? x.add(half.negate()) : x.add(half)).truncate());
	}

	private static NumberValue negateExact(long x) {
		return (x == Long.MIN_VALUE) ? NumberValue.of(BigInteger.valueOf(x).negate()) : NumberValue.of(-x);
	}

	private static void checkRange(NumberValue a, NumberValue b) {
		if (outOfRange(a.big()) || outOfRange(b.big())) {
			throw builtinError("number too large or too small for arithmetic (beyond 1e" + MAX_EXPONENT + ")");
		}
	}

	private static boolean outOfRange(BigDecimal value) {
		return value != null && Math.abs((long) value.precision() - value.scale()) > MAX_EXPONENT;
	}

	private static RegoException builtinError(String detail) {
		return new RegoException(ErrorCode.EVAL_BUILTIN_ERROR, null, detail);
	}

}
