package dev.cairn.rego.internal.eval;

import java.math.BigInteger;
import java.util.HexFormat;

import dev.cairn.rego.value.NumberValue;
import dev.cairn.rego.value.ObjectValue;
import dev.cairn.rego.value.StringValue;

import static dev.cairn.rego.internal.eval.Functions.string;

/**
 * {@code uuid.parse}: the fields of a UUID written with dashes, without them, in braces
 * or as a {@code urn:uuid:} URN. A string that is no UUID makes the call undefined.
 */
final class UuidBuiltins {

	/** 100-nanosecond intervals from the Gregorian reform (1582-10-15) to 1970. */
	private static final long GREGORIAN_TO_UNIX = 122_192_928_000_000_000L;

	private static final String[] DOMAINS = { "Person", "Group", "Org" };

	private UuidBuiltins() {
	}

	static void registerAll() {
		Functions.register("uuid.parse", 1, (a) -> {
			byte[] uuid = bytes(string(a[0], 1));
			return (uuid != null) ? fields(uuid) : null;
		});
	}

	/** The 16 bytes of a UUID, or {@code null} when the text is none. */
	static byte[] bytes(String text) {
		String hex = switch (text.length()) {
			case 36 -> dashed(text);
			case 38 -> (text.startsWith("{") && text.endsWith("}")) ? dashed(text.substring(1, 37)) : null;
			case 45 -> text.regionMatches(true, 0, "urn:uuid:", 0, 9) ? dashed(text.substring(9)) : null;
			case 32 -> text;
			default -> null;
		};
		if (hex == null || !hex.chars().allMatch((c) -> Character.digit(c, 16) >= 0 && c < 128)) {
			return null;
		}
		return HexFormat.of().parseHex(hex);
	}

	private static String dashed(String s) {
		if (s.charAt(8) != '-' || s.charAt(13) != '-' || s.charAt(18) != '-' || s.charAt(23) != '-') {
			return null;
		}
		return s.replace("-", "").length() == 32 ? s.replace("-", "") : null;
	}

	private static ObjectValue fields(byte[] u) {
		int version = (u[6] & 0xff) >> 4;
		ObjectValue.Builder out = ObjectValue.builder();
		out.put("version", NumberValue.of(version));
		out.put("variant", StringValue.of(variant(u[8] & 0xff)));
		if (version == 1 || version == 2) {
			// Time-based: 60 bits of 100 ns since 1582, a clock sequence and a node.
			long time = (int32(u, 0) & 0xffffffffL) | ((long) int16(u, 4) << 32) | ((long) (int16(u, 6) & 0xfff) << 48);
			BigInteger sinceEpoch = BigInteger.valueOf(time - GREGORIAN_TO_UNIX);
			out.put("time", NumberValue.of(sinceEpoch.multiply(BigInteger.valueOf(100))));
			out.put("clocksequence", NumberValue.of(((u[8] & 0x3f) << 8) | (u[9] & 0xff)));
			StringBuilder node = new StringBuilder();
			for (int i = 10; i < 16; i++) {
				node.append((i > 10) ? "-" : "").append(HexFormat.of().toHexDigits(u[i]));
			}
			out.put("nodeid", StringValue.of(node.toString()));
			String scope = ((u[10] & 0x02) != 0) ? "local" : "global";
			String cast = ((u[10] & 0x01) != 0) ? "multicast" : "unicast";
			out.put("macvariables", StringValue.of(scope + ":" + cast));
		}
		if (version == 2) {
			// DCE security: the time's low word is a local id, the clock's low byte a
			// domain.
			out.put("id", NumberValue.of(int32(u, 0) & 0xffffffffL));
			int domain = u[9] & 0xff;
			out.put("domain", StringValue.of((domain < DOMAINS.length) ? DOMAINS[domain] : "Domain" + domain));
		}
		return out.build();
	}

	private static String variant(int b) {
		if ((b & 0xc0) == 0x80) {
			return "RFC4122";
		}
		if ((b & 0xe0) == 0xc0) {
			return "Microsoft";
		}
		return ((b & 0xe0) == 0xe0) ? "Future" : "Reserved";
	}

	private static int int32(byte[] b, int at) {
		return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
	}

	private static int int16(byte[] b, int at) {
		return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
	}

}
