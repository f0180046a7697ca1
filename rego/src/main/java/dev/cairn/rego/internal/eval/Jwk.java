package dev.cairn.rego.internal.eval;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPrivateKeySpec;
import java.util.Base64;

import dev.cairn.rego.value.ArrayValue;
import dev.cairn.rego.value.ObjectValue;
import dev.cairn.rego.value.StringValue;
import dev.cairn.rego.value.Value;
import dev.cairn.rego.value.Values;

/**
 * JSON Web Keys (RFC 7517, 7518, 8037) that sign: {@code oct} secrets and RSA, EC and
 * Ed25519 private keys. A JWK set signs with its first key, as OPA's
 * {@code io.jwt.encode_sign} does.
 */
final class Jwk {

	private Jwk() {
	}

	/**
	 * A key that can sign.
	 *
	 * @param kty the JWK key type ({@code oct}, {@code RSA}, {@code EC}, {@code OKP})
	 * @param secret the HMAC secret of an {@code oct} key, else {@code null}
	 * @param privateKey the private key of the other types, else {@code null}
	 */
	record SigningKey(String kty, byte[] secret, PrivateKey privateKey) {
	}

	/** The signing key in a JWK, or the first key of a JWK set. */
	static SigningKey signingKey(String text) {
		Value parsed;
		try {
			parsed = Values.parseJson(text);
		}
		catch (IllegalArgumentException ex) {
			throw Functions.builtinError("failed to parse JWK: " + ex.getMessage());
		}
		if (!(parsed instanceof ObjectValue jwk)) {
			throw Functions.builtinError("failed to parse JWK: not a JSON object");
		}
		if (jwk.get("keys") instanceof ArrayValue keys) {
			if (keys.elements().isEmpty()) {
				throw Functions.builtinError("no keys found in JWK set");
			}
			if (!(keys.elements().get(0) instanceof ObjectValue first)) {
				throw Functions.builtinError("failed to parse JWK: key 0 is not a JSON object");
			}
			jwk = first;
		}
		String kty = field(jwk, "kty");
		try {
			return switch (kty) {
				case "oct" -> new SigningKey(kty, bytes(jwk, "k"), null);
				case "RSA" -> new SigningKey(kty, null, rsa(jwk));
				case "EC" -> new SigningKey(kty, null, ec(jwk));
				case "OKP" -> new SigningKey(kty, null, okp(jwk));
				default -> throw Functions.builtinError("failed to parse JWK: unsupported key type \"" + kty + "\"");
			};
		}
		catch (GeneralSecurityException ex) {
			throw Functions.builtinError("failed to parse JWK: " + ex.getMessage());
		}
	}

	private static PrivateKey rsa(ObjectValue jwk) throws GeneralSecurityException {
		BigInteger n = number(jwk, "n");
		BigInteger d = number(jwk, "d");
		KeyFactory factory = KeyFactory.getInstance("RSA");
		if (jwk.get("p") != null && jwk.get("q") != null && jwk.get("dp") != null && jwk.get("dq") != null
				&& jwk.get("qi") != null) {
			return factory.generatePrivate(new RSAPrivateCrtKeySpec(n, number(jwk, "e"), d, number(jwk, "p"),
					number(jwk, "q"), number(jwk, "dp"), number(jwk, "dq"), number(jwk, "qi")));
		}
		return factory.generatePrivate(new RSAPrivateKeySpec(n, d));
	}

	private static PrivateKey ec(ObjectValue jwk) throws GeneralSecurityException {
		AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
		params.init(new ECGenParameterSpec(curve(field(jwk, "crv"))));
		ECParameterSpec spec = params.getParameterSpec(ECParameterSpec.class);
		return KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(number(jwk, "d"), spec));
	}

	/** The standard name of a JWK curve ({@code P-256}: {@code secp256r1}). */
	static String curve(String crv) {
		return switch (crv) {
			case "P-256" -> "secp256r1";
			case "P-384" -> "secp384r1";
			case "P-521" -> "secp521r1";
			default -> throw Functions.builtinError("failed to parse JWK: unsupported curve \"" + crv + "\"");
		};
	}

	private static PrivateKey okp(ObjectValue jwk) throws GeneralSecurityException {
		if (!"Ed25519".equals(field(jwk, "crv"))) {
			throw Functions.builtinError("failed to parse JWK: unsupported curve \"" + field(jwk, "crv") + "\"");
		}
		return KeyFactory.getInstance("Ed25519")
			.generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, bytes(jwk, "d")));
	}

	private static String field(ObjectValue jwk, String name) {
		if (jwk.get(name) instanceof StringValue s) {
			return s.value();
		}
		throw Functions.builtinError("failed to parse JWK: missing \"" + name + "\"");
	}

	private static byte[] bytes(ObjectValue jwk, String name) {
		try {
			return Base64.getUrlDecoder().decode(field(jwk, name).replaceAll("=+$", ""));
		}
		catch (IllegalArgumentException ex) {
			throw Functions.builtinError("failed to parse JWK: \"" + name + "\" is not base64url");
		}
	}

	private static BigInteger number(ObjectValue jwk, String name) {
		return new BigInteger(1, bytes(jwk, name));
	}

}
