package dev.cairn.rego.internal.eval;

import java.math.BigInteger;
import java.util.regex.Matcher;

import dev.cairn.rego.value.BoolValue;
import dev.cairn.rego.value.NumberValue;
import dev.cairn.rego.value.StringValue;

import static dev.cairn.rego.internal.eval.Functions.string;

/** {@code semver.is_valid} and {@code semver.compare}, by the SemVer 2.0.0 rules. */
final class SemverBuiltins {

	private static final java.util.regex.Pattern SEMVER = java.util.regex.Pattern
		.compile("^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)"
				+ "(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$");

	private SemverBuiltins() {
	}

	static void registerAll() {
		Functions.register("semver.is_valid", 1,
				(a) -> BoolValue.of(a[0] instanceof StringValue s && SEMVER.matcher(s.value()).matches()));
		Functions.register("semver.compare", 2,
				(a) -> NumberValue.of(compare(parse(string(a[0], 1), 1), parse(string(a[1], 2), 2))));
	}

	private static Matcher parse(String s, int pos) {
		Matcher m = SEMVER.matcher(s);
		if (!m.matches()) {
			throw Functions.builtinError("operand " + pos + ": string \"" + s + "\" is not a valid SemVer");
		}
		return m;
	}

	private static int compare(Matcher x, Matcher y) {
		for (int g = 1; g <= 3; g++) {
			int c = new BigInteger(x.group(g)).compareTo(new BigInteger(y.group(g)));
			if (c != 0) {
				return Integer.signum(c);
			}
		}
		String px = x.group(4);
		String py = y.group(4);
		if (px == null || py == null) {
			return (px == null) ? ((py == null) ? 0 : 1) : -1;
		}
		String[] ix = px.split("\\.");
		String[] iy = py.split("\\.");
		for (int i = 0; i < Math.min(ix.length, iy.length); i++) {
			boolean nx = ix[i].matches("\\d+");
			boolean ny = iy[i].matches("\\d+");
			int c = (nx && ny) ? new BigInteger(ix[i]).compareTo(new BigInteger(iy[i]))
					: (nx != ny) ? (nx ? -1 : 1) : ix[i].compareTo(iy[i]);
			if (c != 0) {
				return Integer.signum(c);
			}
		}
		return Integer.compare(ix.length, iy.length);
	}

}
