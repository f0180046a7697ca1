package dev.cairn.rego.internal.eval;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.cairn.rego.value.ArrayValue;
import dev.cairn.rego.value.BoolValue;
import dev.cairn.rego.value.ObjectValue;
import dev.cairn.rego.value.StringValue;
import dev.cairn.rego.value.Value;
import dev.cairn.rego.value.Values;

import static dev.cairn.rego.internal.eval.Functions.string;

/**
 * {@code io.jwt.decode} and the HMAC verifications. Decoding checks the structure only;
 * it proves nothing about who issued the token.
 */
final class JwtBuiltins {

	private static final String URL_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

	private JwtBuiltins() {
	}

	static void registerAll() {
		Functions.register("io.jwt.decode", 1, (a) -> decode(string(a[0], 1)));
		for (String[] alg : new String[][] { { "hs256", "HmacSHA256" }, { "hs384", "HmacSHA384" },
				{ "hs512", "HmacSHA512" } }) {
			Functions.register("io.jwt.verify_" + alg[0], 2,
					(a) -> BoolValue.of(verifyHmac(string(a[0], 1), string(a[1], 2), alg[1])));
		}
	}

	private static Value decode(String token) {
		String[] parts = sections(token);
		ObjectValue header = object(json(parts[0], "header"), "header");
		if (header.get("enc") != null) {
			throw Functions.builtinError("JWT is a JWE object, which is not supported");
		}
		Value payload = json(parts[1], "payload");
		byte[] signature = bytes(parts[2], "signature");
		if (header.get("cty") instanceof StringValue cty && "JWT".equalsIgnoreCase(cty.value())
				&& payload instanceof StringValue nested) {
			return decode(nested.value());
		}
		return ArrayValue.of(header, object(payload, "payload"), StringValue.of(HexFormat.of().formatHex(signature)));
	}

	private static boolean verifyHmac(String token, String secret, String algorithm) {
		String[] parts = sections(token);
		try {
			Mac mac = Mac.getInstance(algorithm);
			mac.init(new SecretKeySpec(secret.isEmpty() ? new byte[1] : secret.getBytes(StandardCharsets.UTF_8),
					algorithm));
			byte[] expected = mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
			return MessageDigest.isEqual(expected, bytes(parts[2], "signature"));
		}
		catch (java.security.GeneralSecurityException ex) {
			throw Functions.builtinError(ex.getMessage());
		}
	}

	static String[] sections(String token) {
		if (token.indexOf('.') < 0) {
			throw Functions.builtinError("encoded JWT had no period separators");
		}
		String[] parts = token.split("\\.", -1);
		if (parts.length != 3) {
			throw Functions.builtinError("encoded JWT must have 3 sections, found " + parts.length);
		}
		return parts;
	}

	static Value json(String section, String what) {
		String text = new String(bytes(section, what), StandardCharsets.UTF_8);
		try {
			return Values.parseJson(text);
		}
		catch (IllegalArgumentException ex) {
			throw Functions.builtinError("JWT " + what + " had invalid JSON: " + ex.getMessage());
		}
	}

	static ObjectValue object(Value v, String what) {
		if (v instanceof ObjectValue o) {
			return o;
		}
		throw Functions.builtinError("JWT " + what + " is not a JSON object");
	}

	static byte[] bytes(String section, String what) {
		String s = section.replaceAll("=+$", "");
		for (int i = 0; i < s.length(); i++) {
			if (URL_ALPHABET.indexOf(s.charAt(i)) < 0) {
				throw Functions
					.builtinError("JWT " + what + " had invalid encoding: illegal base64 data at input byte " + i);
			}
		}
		try {
			return Base64.getUrlDecoder().decode(s);
		}
		catch (IllegalArgumentException ex) {
			throw Functions
				.builtinError("JWT " + what + " had invalid encoding: illegal base64 data at input byte " + s.length());
		}
	}

}
