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
		Functions.register("bits.lsh", 2, (a) -> NumberValue.of(integer(a[0], 1).shiftLeft(shift(a[1]))));
		Functions.register("bits.rsh", 2, (a) -> NumberValue.of(integer(a[0], 1).shiftRight(shift(a[1]))));
	}

	private static void bitwise(String name, BinaryOperator<BigInteger> op) {
		Functions.register(name, 2, (a) -> NumberValue.of(op.apply(integer(a[0], 1), integer(a[1], 2))));
	}

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
		return n.intValueExact();
	}

}
