package dev.cairn.rego.internal.eval;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.cairn.rego.value.ArrayValue;
import dev.cairn.rego.value.BoolValue;
import dev.cairn.rego.value.NullValue;
import dev.cairn.rego.value.Value;
import dev.cairn.rego.value.Values;

import static dev.cairn.rego.internal.eval.Functions.string;

/**
 * {@code crypto.x509.*} and {@code crypto.parse_private_keys}: certificates, chains,
 * certificate requests, key pairs and private keys, from PEM or base64 (of PEM or DER),
 * shaped as OPA shapes Go's structs.
 */
final class X509Builtins {

	private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";

	private static final String ANY_USAGE = "2.5.29.37.0";

	private X509Builtins() {
	}

	static void registerAll() {
		Functions.register("crypto.x509.parse_certificates", 1,
				(a) -> json(certificates(certificateBytes(string(a[0], 1)))));
		Functions.register("crypto.x509.parse_and_verify_certificates", 1, (a) -> {
			ArrayValue invalid = ArrayValue.of(BoolValue.FALSE, ArrayValue.of());
			List<byte[]> ders;
			try {
				ders = certificateBytes(string(a[0], 1));
			}
			catch (dev.cairn.rego.RegoException ex) {
				return invalid;
			}
			List<byte[]> chain = verifiedChain(ders);
			return (chain == null) ? invalid : ArrayValue.of(BoolValue.TRUE, json(certificates(chain)));
		});
		Functions.register("crypto.x509.parse_certificate_request", 1, (a) -> {
			String input = string(a[0], 1);
			byte[] bytes = input.startsWith("-----BEGIN CERTIFICATE REQUEST-----")
					? input.getBytes(StandardCharsets.UTF_8) : base64(input);
			Pem.Block block = Pem.decode(new String(bytes, StandardCharsets.ISO_8859_1)).block();
			if (block != null && !"CERTIFICATE REQUEST".equals(block.type())) {
				throw Functions.builtinError("invalid PEM-encoded certificate signing request");
			}
			try {
				return json(X509Json.certificateRequest((block != null) ? block.bytes() : bytes));
			}
			catch (IllegalArgumentException | IndexOutOfBoundsException | ArithmeticException ex) {
				throw Functions.builtinError(
						ex.getMessage().startsWith("asn1:") ? ex.getMessage() : "asn1: structure error: " + ex);
			}
		});
		Functions.register("crypto.x509.parse_rsa_private_key", 1, (a) -> {
			String input = string(a[0], 1);
			if (input.isEmpty()) {
				throw Functions.builtinError("input PEM data was empty");
			}
			String pem = Pem.startsAsPem(input) ? input : new String(base64(input), StandardCharsets.ISO_8859_1);
			List<PrivateKeys.Parsed> keys = PrivateKeys.all(decodedIfBase64(pem));
			return keys.isEmpty() ? NullValue.NULL : json(PrivateKeys.jwk(keys.get(0)));
		});
		Functions.register("crypto.parse_private_keys", 1, (a) -> {
			String input = string(a[0], 1);
			if (input.isEmpty()) {
				return NullValue.NULL;
			}
			List<Object> keys = new ArrayList<>();
			for (PrivateKeys.Parsed key : PrivateKeys.all(decodedIfBase64(input))) {
				keys.add(PrivateKeys.goJson(key));
			}
			return json(keys);
		});
		Functions.register("crypto.x509.parse_keypair", 2,
				(a) -> json(KeyPairs.parse(string(a[0], 1), string(a[1], 2))));
	}

	private static Value json(Object goShaped) {
		return Values.fromJava(goShaped);
	}

	private static List<Object> certificates(List<byte[]> ders) {
		List<Object> out = new ArrayList<>();
		for (byte[] der : ders) {
			out.add(certificate(der));
		}
		return out;
	}

	static Map<String, Object> certificate(byte[] der) {
		try {
			return X509Json.certificate(der);
		}
		catch (IllegalArgumentException | IndexOutOfBoundsException | ArithmeticException ex) {
			throw Functions.builtinError("x509: malformed certificate");
		}
	}

	/** The DER certificates in PEM text, or in base64 of PEM or of DER. */
	static List<byte[]> certificateBytes(String input) {
		if (Pem.startsAsPem(input)) {
			return pemCertificates(input);
		}
		byte[] decoded = base64(input);
		String text = new String(decoded, StandardCharsets.ISO_8859_1);
		if (Pem.startsAsPem(text)) {
			return pemCertificates(text);
		}
		return splitDer(decoded);
	}

	private static List<byte[]> pemCertificates(String text) {
		List<byte[]> ders = new ArrayList<>();
		for (Pem.Block block : Pem.decodeAll(text)) {
			if (!"CERTIFICATE".equals(block.type())) {
				throw Functions.builtinError("PEM block type is '" + block.type() + "', expected CERTIFICATE");
			}
			ders.addAll(splitDer(block.bytes()));
		}
		return ders;
	}

	/** Concatenated DER certificates, one by one. */
	private static List<byte[]> splitDer(byte[] bytes) {
		try {
			List<byte[]> ders = new ArrayList<>();
			for (Der element : Der.parseAll(bytes)) {
				ders.add(element.encoded());
			}
			return ders;
		}
		catch (IllegalArgumentException ex) {
			throw Functions.builtinError("x509: malformed certificate");
		}
	}

	/** Text that is base64 (of PEM) decoded, else the text itself. */
	private static String decodedIfBase64(String text) {
		try {
			return new String(base64(text), StandardCharsets.ISO_8859_1);
		}
		catch (dev.cairn.rego.RegoException ex) {
			return text;
		}
	}

	/**
	 * Base64 with padding, as Go's {@code base64.StdEncoding} reads it: line breaks are
	 * ignored, anything else outside the alphabet is an error.
	 */
	static byte[] base64(String text) {
		String s = text.replace("\r", "").replace("\n", "");
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			boolean padding = c == '=' && i >= s.length() - 2;
			if (!padding && !(Character.isLetterOrDigit(c) && c < 128) && c != '+' && c != '/') {
				throw Functions.builtinError("illegal base64 data at input byte " + i);
			}
		}
		if (s.length() % 4 != 0) {
			throw Functions.builtinError("illegal base64 data at input byte " + (s.length() - s.length() % 4));
		}
		try {
			return Base64.getDecoder().decode(s);
		}
		catch (IllegalArgumentException ex) {
			throw Functions.builtinError("illegal base64 data at input byte " + s.indexOf('='));
		}
	}

	/**
	 * The chain from the last certificate (the leaf) through the middle ones to the first
	 * (the root), leaf first, if it verifies now for server authentication, as Go's
	 * {@code x509.Certificate.Verify} does with default options; {@code null} if not.
	 */
	private static List<byte[]> verifiedChain(List<byte[]> ders) {
		if (ders.size() < 2) {
			throw Functions.builtinError("operand 1 must supply at least two certificates to be able to verify");
		}
		try {
			CertificateFactory factory = CertificateFactory.getInstance("X.509");
			List<X509Certificate> certs = new ArrayList<>();
			for (byte[] der : ders) {
				certs.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
			}
			List<X509Certificate> path = new ArrayList<>();
			for (int i = certs.size() - 1; i >= 1; i--) {
				path.add(certs.get(i));
			}
			PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(certs.get(0), null)));
			params.setRevocationEnabled(false);
			params.setDate(new Date());
			CertPathValidator.getInstance("PKIX").validate(factory.generateCertPath(path), params);
			for (X509Certificate cert : certs) {
				List<String> usages = cert.getExtendedKeyUsage();
				if (usages != null && !usages.contains(SERVER_AUTH) && !usages.contains(ANY_USAGE)) {
					return null;
				}
			}
			List<byte[]> chain = new ArrayList<>();
			for (int i = ders.size() - 1; i >= 0; i--) {
				chain.add(ders.get(i));
			}
			return chain;
		}
		catch (GeneralSecurityException ex) {
			return null;
		}
	}

	/**
	 * {@code tls.X509KeyPair}: certificates and the private key that matches the first.
	 */
	private static final class KeyPairs {

		static Map<String, Object> parse(String certText, String keyText) {
			String certPem = Pem.startsAsPem(certText) ? certText
					: new String(base64(certText), StandardCharsets.ISO_8859_1);
			String keyPem = Pem.startsAsPem(keyText) ? keyText
					: new String(base64(keyText), StandardCharsets.ISO_8859_1);
			List<byte[]> certs = new ArrayList<>();
			if (Pem.startsAsPem(certPem)) {
				for (Pem.Block block : Pem.decodeAll(certPem)) {
					if ("CERTIFICATE".equals(block.type())) {
						certs.add(block.bytes());
					}
				}
			}
			else {
				certs.add(certPem.getBytes(StandardCharsets.ISO_8859_1));
			}
			if (certs.isEmpty()) {
				throw Functions.builtinError("tls: failed to find any PEM data in certificate input");
			}
			PrivateKeys.Parsed key = null;
			if (Pem.startsAsPem(keyPem)) {
				for (Pem.Block block : Pem.decodeAll(keyPem)) {
					if ("PRIVATE KEY".equals(block.type()) || block.type().endsWith(" PRIVATE KEY")) {
						key = PrivateKeys.parse(block);
						break;
					}
				}
			}
			else {
				key = PrivateKeys.parse(new Pem.Block("PRIVATE KEY", keyPem.getBytes(StandardCharsets.ISO_8859_1)));
			}
			if (key == null) {
				throw Functions.builtinError("tls: failed to find any PEM data in key input");
			}
			Map<String, Object> leaf = certificate(certs.get(0));
			checkMatch(certs.get(0), key);
			Map<String, Object> out = new LinkedHashMap<>();
			List<Object> encoded = new ArrayList<>();
			certs.forEach((der) -> encoded.add(Base64.getEncoder().encodeToString(der)));
			out.put("Certificate", encoded);
			out.put("PrivateKey", PrivateKeys.goJson(key));
			out.put("SupportedSignatureAlgorithms", null);
			out.put("OCSPStaple", null);
			out.put("SignedCertificateTimestamps", null);
			out.put("Leaf", leaf);
			return out;
		}

		/** Signs with the private key and verifies with the certificate's public key. */
		private static void checkMatch(byte[] der, PrivateKeys.Parsed key) {
			try {
				X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
					.generateCertificate(new ByteArrayInputStream(der));
				String algorithm = switch (key.key().getAlgorithm()) {
					case "RSA" -> "SHA256withRSA";
					case "EC" -> "SHA256withECDSA";
					default -> "Ed25519";
				};
				byte[] probe = "cairn key pair check".getBytes(StandardCharsets.US_ASCII);
				Signature signer = Signature.getInstance(algorithm);
				signer.initSign(key.key());
				signer.update(probe);
				byte[] signature = signer.sign();
				Signature verifier = Signature.getInstance(algorithm);
				verifier.initVerify(cert.getPublicKey());
				verifier.update(probe);
				if (!verifier.verify(signature)) {
					throw Functions.builtinError("tls: private key does not match public key");
				}
			}
			catch (GeneralSecurityException ex) {
				throw Functions.builtinError("tls: private key type does not match public key type");
			}
		}

	}

}
