package dev.cairn.rego.internal.eval;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.UUID;

import dev.cairn.rego.value.NumberValue;
import dev.cairn.rego.value.StringValue;

import static dev.cairn.rego.internal.eval.Functions.string;

/**
 * {@code rand.intn} and {@code uuid.rfc4122}. Their first argument only names the draw:
 * one evaluation gives the same result for the same arguments (see
 * {@link Functions#registerRandom}), another evaluation draws again.
 */
final class RandomBuiltins {

	private static final SecureRandom RANDOM = new SecureRandom();

	private RandomBuiltins() {
	}

	static void registerAll() {
		Functions.registerRandom("rand.intn", 2, (a) -> {
			string(a[0], 1);
			NumberValue n = Functions.number(a[1], 2);
			if (!n.isInteger()) {
				throw Functions.typeError("operand 2 must be integer number but got floating-point number");
			}
			BigInteger bound = n.asBigInteger().abs();
			if (bound.signum() == 0) {
				return NumberValue.ZERO;
			}
			BigInteger r;
			do {
				r = new BigInteger(bound.bitLength(), RANDOM);
			}
			while (r.compareTo(bound) >= 0);
			return NumberValue.of(r);
		});
		Functions.registerRandom("uuid.rfc4122", 1, (a) -> {
			string(a[0], 1);
			return StringValue.of(UUID.randomUUID().toString());
		});
	}

}
