package dev.cairn.rego.internal.eval;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Base64;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.cairn.rego.value.ObjectValue;
import dev.cairn.rego.value.StringValue;
import dev.cairn.rego.value.Value;
import dev.cairn.rego.value.Values;

import static dev.cairn.rego.internal.eval.Functions.string;

/**
 * {@code io.jwt.encode_sign} and {@code io.jwt.encode_sign_raw}: JWS compact
 * serialization (RFC 7515) signed with a JWK. The raw variant signs the header and
 * payload text exactly as given; the other marshals Rego values as {@code json.marshal}
 * does. ECDSA signatures are JWS's fixed-size {@code r || s}.
 */
final class JwtSign {

	private static final Set<String> ALGORITHMS = Set.of("HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "PS256",
			"PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA");

	private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

	private JwtSign() {
	}

	static void registerAll() {
		Functions.register("io.jwt.encode_sign", 3, (a) -> StringValue
			.of(encode(Values.toJsonText(a[0]), Values.toJsonText(a[1]), Values.toJsonText(a[2]))));
		Functions.register("io.jwt.encode_sign_raw", 3, (a) -> {
			String jwk = string(a[2], 3);
			return StringValue.of(encode(string(a[0], 1), string(a[1], 2), jwk));
		});
	}

	static String encode(String header, String payload, String jwk) {
		Jwk.SigningKey key = Jwk.signingKey(jwk);
		Value parsedHeader = header(header);
		String alg = headerString(parsedHeader, "alg");
		if (alg == null) {
			throw Functions.builtinError("missing or invalid 'alg' header: jwsbb: header \"alg\" not found");
		}
		if (!ALGORITHMS.contains(alg)) {
			throw Functions.builtinError("unknown JWS algorithm: " + alg);
		}
		String typ = headerString(parsedHeader, "typ");
		if ((typ == null || "JWT".equals(typ)) && !isJson(payload)) {
			throw Functions.builtinError("type is JWT but payload is not JSON");
		}
		String signingInput = URL.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
				+ URL.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
		byte[] signature = sign(alg, key, signingInput.getBytes(StandardCharsets.US_ASCII));
		return signingInput + "." + URL.encodeToString(signature);
	}

	/**
	 * The header as OPA's JWS library reads it: empty text and malformed JSON are errors,
	 * but a bare scalar (even {@code e}, read as a number) parses and simply has no
	 * fields.
	 */
	private static Value header(String text) {
		if (text.isBlank()) {
			throw Functions
				.builtinError("missing or invalid 'alg' header: cannot parse JSON: cannot parse empty string");
		}
		try {
			return Values.parseJson(text);
		}
		catch (IllegalArgumentException ex) {
			if (text.strip().matches("[-+.eE0-9]+")) {
				return null;
			}
			throw Functions.builtinError("missing or invalid 'alg' header: cannot parse JSON: " + ex.getMessage());
		}
	}

	private static String headerString(Value header, String name) {
		return (header instanceof ObjectValue o && o.get(name) instanceof StringValue s) ? s.value() : null;
	}

	private static boolean isJson(String text) {
		try {
			Values.parseJson(text);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	static byte[] sign(String alg, Jwk.SigningKey key, byte[] input) {
		try {
			if (alg.startsWith("HS")) {
				if (key.secret() == null) {
					throw wrongKey(alg, key);
				}
				String algorithm = "HmacSHA" + alg.substring(2);
				Mac mac = Mac.getInstance(algorithm);
				// HMAC pads keys with zero bytes, so one zero byte stands for an empty
				// key,
				// which SecretKeySpec refuses.
				mac.init(new SecretKeySpec(key.secret().length == 0 ? new byte[1] : key.secret(), algorithm));
				return mac.doFinal(input);
			}
			PrivateKey privateKey = key.privateKey();
			Signature signer = signer(alg, privateKey);
			if (signer == null) {
				throw wrongKey(alg, key);
			}
			signer.initSign(privateKey);
			signer.update(input);
			return signer.sign();
		}
		catch (GeneralSecurityException ex) {
			throw Functions.builtinError("failed to sign with " + alg + ": " + ex.getMessage());
		}
	}

	private static Signature signer(String alg, PrivateKey key) throws GeneralSecurityException {
		String bits = alg.substring(2);
		if (alg.startsWith("RS") && key instanceof RSAPrivateKey) {
			return Signature.getInstance("SHA" + bits + "withRSA");
		}
		if (alg.startsWith("PS") && key instanceof RSAPrivateKey) {
			Signature s = Signature.getInstance("RSASSA-PSS");
			String digest = "SHA-" + bits;
			s.setParameter(new PSSParameterSpec(digest, "MGF1", new MGF1ParameterSpec(digest),
					Integer.parseInt(bits) / 8, PSSParameterSpec.TRAILER_FIELD_BC));
			return s;
		}
		if (alg.startsWith("ES") && key instanceof ECPrivateKey) {
			return Signature.getInstance("SHA" + bits + "withECDSAinP1363Format");
		}
		if ("EdDSA".equals(alg) && key instanceof EdECPrivateKey) {
			return Signature.getInstance("Ed25519");
		}
		return null;
	}

	private static RuntimeException wrongKey(String alg, Jwk.SigningKey key) {
		return Functions.builtinError("failed to sign with " + alg + ": a key of type " + key.kty() + " cannot sign");
	}

}
