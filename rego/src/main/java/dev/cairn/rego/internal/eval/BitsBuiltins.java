package dev.cairn.rego.internal.eval;

import java.math.BigInteger;
import java.util.function.BinaryOperator;

import dev.cairn.rego.value.NumberValue;
import dev.cairn.rego.value.Value;

/** Bitwise operations on integers of any size. */
final class BitsBuiltins {

	private BitsBuiltins() {
	}

	static void registerAll() {
		bitwise("bits.and", BigInteger::and);
		bitwise("bits.or", BigInteger::or);
		bitwise("bits.xor", BigInteger::xor);
		Functions.register("bits.negate", 1, (a) -> NumberValue.of(integer(a[0], 1).not()));
		Functions.register("bits.lsh", 2, (a) -> {
			BigInteger x = integer(a[0], 1);
			int by = shift(a[1]);
			if (x.signum() != 0 && by > MAX_SHIFT) {
				throw Functions.builtinError("shift of " + a[1] + " bits is too large");
			}
			return NumberValue.of(x.shiftLeft(by));
		});
		Functions.register("bits.rsh", 2, (a) -> NumberValue.of(integer(a[0], 1).shiftRight(shift(a[1]))));
	}

	private static void bitwise(String name, BinaryOperator<BigInteger> op) {
		Functions.register(name, 2, (a) -> NumberValue.of(op.apply(integer(a[0], 1), integer(a[1], 2))));
	}

	/** The most bits a left shift may add: a number of about 10 million digits. */
	private static final int MAX_SHIFT = 1 << 25;

	private static BigInteger integer(Value v, int pos) {
		NumberValue n = Functions.number(v, pos);
		if (!n.isInteger()) {
			throw Functions.typeError("operand " + pos + " must be integer number but got floating-point number");
		}
		return n.asBigInteger();
	}

	private static int shift(Value v) {
		BigInteger n = integer(v, 2);
		if (n.signum() < 0) {
			throw Functions.typeError("operand 2 must be an unsigned integer number but got a negative integer");
		}
		// Shifting right this far leaves 0 or -1, as any further shift would; shifting
		// left this far is refused by the output size limit before it is tried.
		return (n.bitLength() > 31) ? Integer.MAX_VALUE : n.intValue();
	}

}
