package dev.cairn.rego.internal.eval;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.cairn.rego.value.BoolValue;
import dev.cairn.rego.value.StringValue;
import dev.cairn.rego.value.Value;
import dev.cairn.rego.value.Values;

import static dev.cairn.rego.internal.eval.Functions.string;

/** Base64, hex, JSON text, hashes and HMACs. */
final class EncodingBuiltins {

	private EncodingBuiltins() {
	}

	static void registerAll() {
		Functions.register("base64.encode", 1, (a) -> text(Base64.getEncoder().encodeToString(bytes(a[0]))));
		Functions.register("base64.decode", 1, (a) -> text(decode(Base64.getDecoder(), string(a[0], 1))));
		Functions.register("base64.is_valid", 1, (a) -> {
			try {
				Base64.getDecoder().decode(string(a[0], 1));
				return BoolValue.TRUE;
			}
			catch (IllegalArgumentException ex) {
				return BoolValue.FALSE;
			}
		});
		Functions.register("base64url.encode", 1, (a) -> text(Base64.getUrlEncoder().encodeToString(bytes(a[0]))));
		Functions.register("base64url.encode_no_pad", 1,
				(a) -> text(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(a[0]))));
		Functions.register("base64url.decode", 1, (a) -> text(decode(Base64.getUrlDecoder(), string(a[0], 1))));
		Functions.register("hex.encode", 1, (a) -> text(HexFormat.of().formatHex(bytes(a[0]))));
		Functions.register("hex.decode", 1, (a) -> {
			String s = string(a[0], 1);
			for (int i = 0; i < s.length(); i++) {
				if (Character.digit(s.charAt(i), 16) < 0) {
					throw Functions.builtinError(
							String.format("encoding/hex: invalid byte: U+%04X '%c'", (int) s.charAt(i), s.charAt(i)));
				}
			}
			if (s.length() % 2 != 0) {
				throw Functions.builtinError("encoding/hex: odd length hex string");
			}
			return text(new String(HexFormat.of().parseHex(s), StandardCharsets.UTF_8));
		});
		Functions.register("json.marshal", 1, (a) -> text(Values.toJsonText(a[0])));
		Functions.register("json.unmarshal", 1, (a) -> {
			try {
				return Values.parseJson(string(a[0], 1));
			}
			catch (IllegalArgumentException ex) {
				throw Functions.builtinError(ex.getMessage());
			}
		});
		Functions.register("json.is_valid", 1, (a) -> {
			if (!(a[0] instanceof StringValue)) {
				return BoolValue.FALSE;
			}
			try {
				Values.parseJson(string(a[0], 1));
				return BoolValue.TRUE;
			}
			catch (IllegalArgumentException ex) {
				return BoolValue.FALSE;
			}
		});
		for (String[] hash : new String[][] { { "md5", "MD5" }, { "sha1", "SHA-1" }, { "sha256", "SHA-256" } }) {
			Functions.register("crypto." + hash[0], 1, (a) -> text(HexFormat.of().formatHex(digest(hash[1], a[0]))));
		}
		for (String[] mac : new String[][] { { "md5", "HmacMD5" }, { "sha1", "HmacSHA1" }, { "sha256", "HmacSHA256" },
				{ "sha512", "HmacSHA512" } }) {
			Functions.register("crypto.hmac." + mac[0], 2, (a) -> text(HexFormat.of().formatHex(hmac(mac[1], a))));
		}
		Functions.register("crypto.hmac.equal", 2,
				(a) -> BoolValue.of(MessageDigest.isEqual(string(a[0], 1).getBytes(StandardCharsets.UTF_8),
						string(a[1], 2).getBytes(StandardCharsets.UTF_8))));
	}

	private static Value text(String s) {
		return StringValue.of(s);
	}

	private static byte[] bytes(Value v) {
		return string(v, 1).getBytes(StandardCharsets.UTF_8);
	}

	private static String decode(Base64.Decoder decoder, String s) {
		try {
			return new String(decoder.decode(s), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw Functions.builtinError("illegal base64 data");
		}
	}

	private static byte[] digest(String algorithm, Value v) {
		try {
			return MessageDigest.getInstance(algorithm).digest(bytes(v));
		}
		catch (NoSuchAlgorithmException ex) {
			throw Functions.builtinError(ex.getMessage());
		}
	}

	private static byte[] hmac(String algorithm, Value[] a) {
		try {
			Mac mac = Mac.getInstance(algorithm);
			byte[] key = string(a[1], 2).getBytes(StandardCharsets.UTF_8);
			mac.init(new SecretKeySpec((key.length == 0) ? new byte[1] : key, algorithm));
			if (key.length == 0) {
				mac = Mac.getInstance(algorithm);
				mac.init(new SecretKeySpec(new byte[] { 0 }, 0, 1, algorithm));
			}
			return mac.doFinal(bytes(a[0]));
		}
		catch (java.security.GeneralSecurityException ex) {
			throw Functions.builtinError(ex.getMessage());
		}
	}

}
