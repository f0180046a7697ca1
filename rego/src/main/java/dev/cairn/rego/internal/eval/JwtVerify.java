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
import java.util.Set;

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

	private static final Set<String> KNOWN_HEADERS = Set.of("alg", "kid", "typ", "cty", "crit");

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
		ArrayValue invalid = ArrayValue.of(BoolValue.FALSE, ObjectValue.EMPTY, ObjectValue.EMPTY);
		if (constraints.get("secret") == null && !(constraints.get("cert") instanceof StringValue)) {
			throw Functions.builtinError("decode_verify: no secret or cert constraint");
		}
		ObjectValue header;
		String payloadText;
		String current = token;
		while (true) {
			String[] parts = JwtBuiltins.sections(current);
			header = JwtBuiltins.object(JwtBuiltins.json(parts[0], "header"), "header");
			if (!(header.get("alg") instanceof StringValue alg) || alg.value().isEmpty() || demandsUnknown(header)) {
				return invalid;
			}
			if (constraints.get("alg") instanceof StringValue want && !want.equals(alg)) {
				return invalid;
			}
			if (!signed(alg.value(), constraints, parts)) {
				return invalid;
			}
			payloadText = new String(JwtBuiltins.bytes(parts[1], "payload"), StandardCharsets.UTF_8);
			// A nested token (RFC 7519 section 5.2, "cty": "JWT") is verified in turn
			// with the same constraints, and its innermost header and payload are the
			// result.
			if (!(header.get("cty") instanceof StringValue cty && "JWT".equalsIgnoreCase(cty.value()))) {
				break;
			}
			current = payloadText;
		}
		ObjectValue payload;
		try {
			payload = JwtBuiltins.object(Values.parseJson(payloadText), "payload");
		}
		catch (IllegalArgumentException ex) {
			throw Functions.builtinError("JWT payload had invalid JSON: " + ex.getMessage());
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

	/**
	 * Whether the header's {@code crit} list names a parameter of the header that this
	 * implementation does not understand, which makes the token invalid (RFC 7515 section
	 * 4.1.11).
	 */
	private static boolean demandsUnknown(ObjectValue header) {
		Value crit = header.get("crit");
		if (crit == null) {
			return false;
		}
		if (!(crit instanceof ArrayValue list)) {
			throw Functions.builtinError("crit: must be a list");
		}
		if (list.elements().isEmpty()) {
			throw Functions.builtinError("crit: must be a nonempty list");
		}
		for (Value name : list.elements()) {
			if (name instanceof StringValue s && !KNOWN_HEADERS.contains(s.value()) && header.get(s) != null) {
				return true;
			}
		}
		return false;
	}

	private static boolean signed(String alg, ObjectValue constraints, String[] parts) {
		if (constraints.get("secret") instanceof StringValue secret) {
			return alg.startsWith("HS") && hmac(alg, secret.value(), parts);
		}
		if (!(constraints.get("cert") instanceof StringValue cert)) {
			throw Functions.builtinError("decode_verify: the secret constraint must be a string");
		}
		return !alg.startsWith("HS") && verifyWithKeys(alg, keys(cert.value()), parts);
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
		Pem.Decoded pem = Pem.decode(text);
		if (pem.block() != null) {
			if (!pem.rest().isEmpty()) {
				throw Functions.builtinError("extra data after a PEM certificate block");
			}
			return List.of(publicKey(pem.block()));
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

	private static PublicKey publicKey(Pem.Block block) {
		if ("CERTIFICATE".equals(block.type())) {
			try {
				return CertificateFactory.getInstance("X.509")
					.generateCertificate(new ByteArrayInputStream(block.bytes()))
					.getPublicKey();
			}
			catch (GeneralSecurityException ex) {
				throw Functions.builtinError("failed to parse a PEM certificate: " + ex.getMessage());
			}
		}
		if ("PUBLIC KEY".equals(block.type())) {
			for (String type : List.of("RSA", "EC", "Ed25519")) {
				try {
					return KeyFactory.getInstance(type).generatePublic(new X509EncodedKeySpec(block.bytes()));
				}
				catch (GeneralSecurityException ex) {
					// Try the next key type.
				}
			}
			throw Functions.builtinError("failed to parse a PEM public key");
		}
		throw Functions.builtinError("failed to extract a Key from the PEM certificate");
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
