package dev.cairn.rego.internal.eval;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.cairn.rego.value.ArrayValue;
import dev.cairn.rego.value.BoolValue;
import dev.cairn.rego.value.NumberValue;
import dev.cairn.rego.value.ObjectValue;
import dev.cairn.rego.value.StringValue;
import dev.cairn.rego.value.Value;
import dev.cairn.rego.value.Values;

import static dev.cairn.rego.internal.eval.Functions.string;

/**
 * JWT signature verification with public keys (PEM certificates, PEM public keys, JWKs
 * and JWK sets) and {@code io.jwt.decode_verify}, which checks signature, algorithm,
 * issuer, audience and validity period together.
 */
final class JwtVerify {

	private JwtVerify() {
	}

	static void registerAll() {
		for (String alg : List.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512")) {
			Functions.register("io.jwt.verify_" + alg.toLowerCase(java.util.Locale.ROOT), 2, (a) -> {
				String[] parts = JwtBuiltins.sections(string(a[0], 1));
				return BoolValue.of(verifyWithKeys(alg, keys(string(a[1], 2)), parts));
			});
		}
		Functions.register("io.jwt.verify_eddsa", 2, (a) -> {
			String[] parts = JwtBuiltins.sections(string(a[0], 1));
			return BoolValue.of(verifyWithKeys("EdDSA", keys(string(a[1], 2)), parts));
		});
		Functions.register("io.jwt.decode_verify", 2,
				(a) -> decodeVerify(string(a[0], 1), StringBuiltins.object(a[1], 2)));
	}

	private static Value decodeVerify(String token, ObjectValue constraints) {
		String[] parts = JwtBuiltins.sections(token);
		ObjectValue header = JwtBuiltins.object(JwtBuiltins.json(parts[0], "header"), "header");
		ObjectValue payload = JwtBuiltins.object(JwtBuiltins.json(parts[1], "payload"), "payload");
		ArrayValue invalid = ArrayValue.of(BoolValue.FALSE, ObjectValue.EMPTY, ObjectValue.EMPTY);
		String alg = (header.get("alg") instanceof StringValue s) ? s.value() : "";
		if (header.get("crit") != null) {
			// No critical extension is understood, so a token demanding one is invalid.
			return invalid;
		}
		if (constraints.get("alg") instanceof StringValue want && !want.value().equals(alg)) {
			return invalid;
		}
		boolean signed;
		if (constraints.get("secret") instanceof StringValue secret) {
			signed = alg.startsWith("HS") && hmac(alg, secret.value(), parts);
		}
		else if (constraints.get("cert") instanceof StringValue cert) {
			signed = !alg.startsWith("HS") && verifyWithKeys(alg, keys(cert.value()), parts);
		}
		else {
			throw Functions.builtinError("decode_verify: no secret or cert constraint");
		}
		if (!signed) {
			return invalid;
		}
		BigInteger now = (constraints.get("time") instanceof NumberValue t) ? t.truncatedBigInteger()
				: BigInteger.valueOf(System.currentTimeMillis()).multiply(BigInteger.valueOf(1_000_000L));
		java.math.BigDecimal nowSeconds = new java.math.BigDecimal(now).movePointLeft(9);
		Value exp = payload.get("exp");
		if (exp != null) {
			if (!(exp instanceof NumberValue e)) {
				throw Functions.builtinError("exp value must be a number");
			}
			if (nowSeconds.compareTo(e.toBigDecimal()) >= 0) {
				return invalid;
			}
		}
		Value nbf = payload.get("nbf");
		if (nbf != null) {
			if (!(nbf instanceof NumberValue n)) {
				throw Functions.builtinError("nbf value must be a number");
			}
			if (nowSeconds.compareTo(n.toBigDecimal()) < 0) {
				return invalid;
			}
		}
		if (constraints.get("iss") instanceof StringValue iss && !iss.equals(payload.get("iss"))) {
			return invalid;
		}
		Value aud = payload.get("aud");
		Value wantAud = constraints.get("aud");
		if (wantAud != null || aud != null) {
			boolean ok = wantAud != null && aud != null
					&& (aud.equals(wantAud) || (aud instanceof ArrayValue list && list.elements().contains(wantAud)));
			if (!ok) {
				return invalid;
			}
		}
		return ArrayValue.of(BoolValue.TRUE, header, payload);
	}

	private static boolean hmac(String alg, String secret, String[] parts) {
		String algorithm = switch (alg) {
			case "HS256" -> "HmacSHA256";
			case "HS384" -> "HmacSHA384";
			case "HS512" -> "HmacSHA512";
			default -> null;
		};
		if (algorithm == null) {
			return false;
		}
		try {
			Mac mac = Mac.getInstance(algorithm);
			mac.init(new SecretKeySpec(secret.isEmpty() ? new byte[1] : secret.getBytes(StandardCharsets.UTF_8),
					algorithm));
			byte[] expected = mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
			return MessageDigest.isEqual(expected, JwtBuiltins.bytes(parts[2], "signature"));
		}
		catch (GeneralSecurityException ex) {
			throw Functions.builtinError(ex.getMessage());
		}
	}

	private static boolean verifyWithKeys(String alg, List<PublicKey> keys, String[] parts) {
		byte[] input = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
		byte[] signature = JwtBuiltins.bytes(parts[2], "signature");
		for (PublicKey key : keys) {
			try {
				Signature verifier = signature(alg);
				if (verifier == null) {
					return false;
				}
				verifier.initVerify(key);
				verifier.update(input);
				if (verifier.verify(signature)) {
					return true;
				}
			}
			catch (GeneralSecurityException | IllegalArgumentException ex) {
				// A key of another type, or a malformed signature: not verified by this
				// key.
			}
		}
		return false;
	}

	private static Signature signature(String alg) throws GeneralSecurityException {
		String bits = alg.length() > 2 ? alg.substring(2) : "";
		return switch (alg) {
			case "RS256", "RS384", "RS512" -> Signature.getInstance("SHA" + bits + "withRSA");
			case "ES256", "ES384", "ES512" -> Signature.getInstance("SHA" + bits + "withECDSAinP1363Format");
			case "PS256", "PS384", "PS512" -> {
				Signature s = Signature.getInstance("RSASSA-PSS");
				String digest = "SHA-" + bits;
				s.setParameter(new PSSParameterSpec(digest, "MGF1", new MGF1ParameterSpec(digest),
						Integer.parseInt(bits) / 8, 1));
				yield s;
			}
			case "EdDSA" -> Signature.getInstance("Ed25519");
			default -> null;
		};
	}

	/** The public keys in a PEM certificate, a PEM public key, a JWK or a JWK set. */
	static List<PublicKey> keys(String text) {
		String trimmed = text.strip();
		if (trimmed.startsWith("-----BEGIN CERTIFICATE-----")) {
			int end = trimmed.indexOf("-----END CERTIFICATE-----");
			if (end >= 0 && !trimmed.substring(end + "-----END CERTIFICATE-----".length()).isBlank()) {
				throw Functions.builtinError("extra data after a PEM certificate block");
			}
			try {
				return List.of(CertificateFactory.getInstance("X.509")
					.generateCertificate(new ByteArrayInputStream(trimmed.getBytes(StandardCharsets.US_ASCII)))
					.getPublicKey());
			}
			catch (GeneralSecurityException ex) {
				throw Functions.builtinError("failed to parse a PEM certificate");
			}
		}
		if (trimmed.startsWith("-----BEGIN PUBLIC KEY-----")) {
			String body = trimmed.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
			byte[] der;
			try {
				der = Base64.getDecoder().decode(body);
			}
			catch (IllegalArgumentException ex) {
				throw Functions.builtinError("failed to extract a Key from the PEM certificate");
			}
			for (String type : List.of("RSA", "EC", "Ed25519")) {
				try {
					return List.of(KeyFactory.getInstance(type).generatePublic(new X509EncodedKeySpec(der)));
				}
				catch (GeneralSecurityException ex) {
					// Try the next key type.
				}
			}
			throw Functions.builtinError("failed to extract a Key from the PEM certificate");
		}
		Value jwk;
		try {
			jwk = Values.parseJson(trimmed);
		}
		catch (IllegalArgumentException ex) {
			throw Functions.builtinError("failed to parse a JWK key (set)");
		}
		List<PublicKey> keys = new ArrayList<>();
		if (jwk instanceof ObjectValue set && set.get("keys") instanceof ArrayValue list) {
			list.forEach((k) -> addJwk(k, keys));
		}
		else {
			addJwk(jwk, keys);
		}
		if (keys.isEmpty()) {
			throw Functions.builtinError("failed to parse a JWK key (set)");
		}
		return keys;
	}

	private static void addJwk(Value v, List<PublicKey> keys) {
		if (!(v instanceof ObjectValue jwk) || !(jwk.get("kty") instanceof StringValue kty)) {
			return;
		}
		try {
			if ("RSA".equals(kty.value())) {
				keys.add(KeyFactory.getInstance("RSA")
					.generatePublic(new RSAPublicKeySpec(number(jwk, "n"), number(jwk, "e"))));
			}
			else if ("EC".equals(kty.value())) {
				String curve = switch (string(jwk.get("crv"), 2)) {
					case "P-256" -> "secp256r1";
					case "P-384" -> "secp384r1";
					default -> "secp521r1";
				};
				AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
				params.init(new ECGenParameterSpec(curve));
				ECParameterSpec spec = params.getParameterSpec(ECParameterSpec.class);
				keys.add(KeyFactory.getInstance("EC")
					.generatePublic(new ECPublicKeySpec(new ECPoint(number(jwk, "x"), number(jwk, "y")), spec)));
			}
		}
		catch (GeneralSecurityException | RuntimeException ex) {
			// A key that does not parse is skipped; none at all is an error above.
		}
	}

	private static BigInteger number(ObjectValue jwk, String field) {
		return new BigInteger(1, Base64.getUrlDecoder().decode(string(jwk.get(field), 2)));
	}

}
