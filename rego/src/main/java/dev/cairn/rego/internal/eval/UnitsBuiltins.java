package dev.cairn.rego.internal.eval;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Locale;

import dev.cairn.rego.value.NumberValue;

import static dev.cairn.rego.internal.eval.Functions.string;

/**
 * {@code units.parse} and {@code units.parse_bytes}: a number, optionally in scientific
 * notation, followed by a decimal ({@code K}, {@code M}, ...) or binary ({@code Ki},
 * {@code Mi}, ...) unit. Only {@code units.parse} knows milli, and only as a lowercase
 * {@code m}.
 */
final class UnitsBuiltins {

	private static final String PREFIXES = "kmgtpe";

	/** OPA rejects amounts whose exponent runs past what a float64 can hold. */
	private static final int MAX_EXPONENT = 400;

	private UnitsBuiltins() {
	}

	static void registerAll() {
		Functions.register("units.parse", 1, (a) -> parse(string(a[0], 1), false));
		Functions.register("units.parse_bytes", 1, (a) -> parse(string(a[0], 1), true));
	}

	private static NumberValue parse(String raw, boolean bytes) {
		String s = raw.replace("\"", "");
		if (s.contains(" ")) {
			throw Functions.builtinError("spaces not allowed in resource strings");
		}
		int end = numberEnd(s);
		String amount = s.substring(0, end);
		if (amount.equals("-") || amount.equals("+")) {
			amount = "";
		}
		String unit = s.substring(end);
		if (amount.isEmpty()) {
			throw Functions.builtinError(bytes ? "no byte amount provided" : "no amount provided");
		}
		BigDecimal number;
		try {
			number = new BigDecimal(amount);
		}
		catch (NumberFormatException ex) {
			throw Functions
				.builtinError(bytes ? "could not parse byte amount to a number" : "could not parse amount to a number");
		}
		if (Math.abs((long) number.precision() - number.scale()) > MAX_EXPONENT) {
			throw Functions.builtinError("exponent too large");
		}
		BigDecimal result = number.multiply(multiplier(unit, bytes));
		if (bytes) {
			return NumberValue.of(result.setScale(0, RoundingMode.DOWN).toBigInteger());
		}
		return NumberValue.of(result.stripTrailingZeros());
	}

	private static BigDecimal multiplier(String unit, boolean bytes) {
		if (!bytes && "m".equals(unit)) {
			return new BigDecimal("0.001");
		}
		String u = unit.toLowerCase(Locale.ROOT);
		if (bytes && u.endsWith("b")) {
			u = u.substring(0, u.length() - 1);
		}
		if (u.isEmpty()) {
			return BigDecimal.ONE;
		}
		int power = PREFIXES.indexOf(u.charAt(0)) + 1;
		boolean binary = u.length() == 2 && u.charAt(1) == 'i';
		if (power == 0 || (u.length() > 1 && !binary)) {
			throw Functions
				.builtinError(bytes ? "byte unit " + unit + " not recognized" : "unit " + unit + " not recognized");
		}
		BigInteger base = BigInteger.valueOf(binary ? 1024 : 1000);
		return new BigDecimal(base.pow(power));
	}

	/**
	 * Where the amount ends: digits and dots, and an exponent only when digits follow.
	 */
	private static int numberEnd(String s) {
		int i = (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) ? 1 : 0;
		while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
			i++;
		}
		if (i > 0 && i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
			int j = i + 1;
			if (j < s.length() && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
				j++;
			}
			if (j < s.length() && Character.isDigit(s.charAt(j))) {
				while (j < s.length() && Character.isDigit(s.charAt(j))) {
					j++;
				}
				return j;
			}
		}
		return i;
	}

}
