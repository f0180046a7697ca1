package dev.cairn.rego.internal.eval;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Private keys from PEM: PKCS #1 RSA keys, PKCS #8 keys and SEC 1 EC keys, and the JSON
 * shapes OPA gives them (Go's key structs, or a JWK).
 */
final class PrivateKeys {

	private static final Map<String, String> CURVES = Map.of("1.2.840.10045.3.1.7", "secp256r1", "1.3.132.0.34",
			"secp384r1", "1.3.132.0.35", "secp521r1");

	private static final Map<String, String> JWK_CURVES = Map.of("secp256r1", "P-256", "secp384r1", "P-384",
			"secp521r1", "P-521");

	private PrivateKeys() {
	}

	/**
	 * A parsed key with the public values Go's structs carry.
	 *
	 * @param key the private key
	 * @param curve the standard curve name of an EC key, else {@code null}
	 * @param publicPoint the encoded public point of an EC key ({@code 04 || X || Y}) if
	 * the key carried one, else {@code null}
	 */
	record Parsed(PrivateKey key, String curve, byte[] publicPoint) {
	}

	/**
	 * The private key in a PEM block of the given type, or {@code null} for other types.
	 */
	static Parsed parse(Pem.Block block) {
		try {
			return switch (block.type()) {
				case "RSA PRIVATE KEY" -> pkcs1(block.bytes());
				case "PRIVATE KEY" -> pkcs8(block.bytes());
				case "EC PRIVATE KEY" -> sec1(block.bytes());
				default -> null;
			};
		}
		catch (GeneralSecurityException | IllegalArgumentException | IndexOutOfBoundsException
				| ArithmeticException ex) {
			throw Functions.builtinError("x509: failed to parse private key: " + ex.getMessage());
		}
	}

	private static Parsed pkcs1(byte[] der) throws GeneralSecurityException {
		List<Der> f = Der.parse(der).expect(Der.SEQUENCE, "RSA private key").children();
		return new Parsed(KeyFactory.getInstance("RSA")
			.generatePrivate(new RSAPrivateCrtKeySpec(f.get(1).integer(), f.get(2).integer(), f.get(3).integer(),
					f.get(4).integer(), f.get(5).integer(), f.get(6).integer(), f.get(7).integer(),
					f.get(8).integer())),
				null, null);
	}

	private static Parsed pkcs8(byte[] der) throws GeneralSecurityException {
		List<Der> f = Der.parse(der).expect(Der.SEQUENCE, "PKCS #8 private key").children();
		List<Der> algorithm = f.get(1).children();
		String oid = Der.dotted(algorithm.get(0).oid());
		switch (oid) {
			case "1.2.840.113549.1.1.1":
				return pkcs1(f.get(2).content());
			case "1.2.840.10045.2.1":
				Parsed ec = sec1(f.get(2).content(), CURVES.get(Der.dotted(algorithm.get(1).oid())));
				return ec;
			case "1.3.101.112":
				return new Parsed(KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der)), null,
						null);
			default:
				throw new IllegalArgumentException("unknown private key algorithm " + oid);
		}
	}

	private static Parsed sec1(byte[] der) throws GeneralSecurityException {
		return sec1(der, null);
	}

	private static Parsed sec1(byte[] der, String curveFromAlgorithm) throws GeneralSecurityException {
		List<Der> f = Der.parse(der).expect(Der.SEQUENCE, "EC private key").children();
		BigInteger d = new BigInteger(1, f.get(1).expect(Der.OCTET_STRING, "private key").content());
		String curve = curveFromAlgorithm;
		byte[] point = null;
		for (Der part : f.subList(2, f.size())) {
			if (part.isContext(0)) {
				curve = CURVES.get(Der.dotted(part.children().get(0).oid()));
			}
			else if (part.isContext(1)) {
				point = part.children().get(0).bits();
			}
		}
		if (curve == null) {
			throw new IllegalArgumentException("unknown elliptic curve");
		}
		AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
		params.init(new ECGenParameterSpec(curve));
		ECParameterSpec spec = params.getParameterSpec(ECParameterSpec.class);
		return new Parsed(KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(d, spec)), curve, point);
	}

	/** The keys in all blocks of PEM text, skipping blocks that hold no private key. */
	static List<Parsed> all(String pem) {
		List<Parsed> keys = new ArrayList<>();
		for (Pem.Block block : Pem.decodeAll(pem)) {
			Parsed key = parse(block);
			if (key != null) {
				keys.add(key);
			}
		}
		return keys;
	}

	/** A key as Go's {@code encoding/json} marshals its key struct. */
	static Object goJson(Parsed parsed) {
		Map<String, Object> out = new LinkedHashMap<>();
		if (parsed.key() instanceof RSAPrivateCrtKey k) {
			out.put("N", k.getModulus());
			out.put("E", k.getPublicExponent());
			out.put("D", k.getPrivateExponent());
			out.put("Primes", List.of(k.getPrimeP(), k.getPrimeQ()));
			Map<String, Object> pre = new LinkedHashMap<>();
			pre.put("Dp", k.getPrimeExponentP());
			pre.put("Dq", k.getPrimeExponentQ());
			pre.put("Qinv", k.getCrtCoefficient());
			pre.put("CRTValues", List.of());
			out.put("Precomputed", pre);
			return out;
		}
		if (parsed.key() instanceof ECPrivateKey k) {
			out.put("Curve", Map.of());
			BigInteger[] xy = point(parsed);
			out.put("X", xy[0]);
			out.put("Y", xy[1]);
			out.put("D", k.getS());
			return out;
		}
		if (parsed.key() instanceof EdECPrivateKey k) {
			byte[] seed = k.getBytes().orElseThrow();
			byte[] both = Arrays.copyOf(seed, 64);
			System.arraycopy(ed25519Public(seed), 0, both, 32, 32);
			return Base64.getEncoder().encodeToString(both);
		}
		return null;
	}

	/**
	 * An RSA or EC key as a JWK, as {@code crypto.x509.parse_rsa_private_key} gives it.
	 */
	static Map<String, Object> jwk(Parsed parsed) {
		Map<String, Object> out = new LinkedHashMap<>();
		if (parsed.key() instanceof RSAPrivateCrtKey k) {
			out.put("kty", "RSA");
			out.put("n", b64(k.getModulus()));
			out.put("e", b64(k.getPublicExponent()));
			out.put("d", b64(k.getPrivateExponent()));
			out.put("p", b64(k.getPrimeP()));
			out.put("q", b64(k.getPrimeQ()));
			out.put("dp", b64(k.getPrimeExponentP()));
			out.put("dq", b64(k.getPrimeExponentQ()));
			out.put("qi", b64(k.getCrtCoefficient()));
		}
		else if (parsed.key() instanceof RSAPrivateKey k) {
			out.put("kty", "RSA");
			out.put("n", b64(k.getModulus()));
			out.put("d", b64(k.getPrivateExponent()));
		}
		else if (parsed.key() instanceof ECPrivateKey k) {
			BigInteger[] xy = point(parsed);
			out.put("kty", "EC");
			out.put("crv", JWK_CURVES.get(parsed.curve()));
			out.put("x", (xy[0] != null) ? b64(xy[0]) : null);
			out.put("y", (xy[1] != null) ? b64(xy[1]) : null);
			out.put("d", b64(k.getS()));
		}
		else {
			throw Functions.builtinError("unsupported private key type");
		}
		return out;
	}

	private static BigInteger[] point(Parsed parsed) {
		byte[] p = parsed.publicPoint();
		if (p == null || p.length < 3 || p[0] != 4) {
			ECParameterSpec spec = ((ECPrivateKey) parsed.key()).getParams();
			return multiply(spec, ((ECPrivateKey) parsed.key()).getS());
		}
		int size = (p.length - 1) / 2;
		return new BigInteger[] { new BigInteger(1, Arrays.copyOfRange(p, 1, 1 + size)),
				new BigInteger(1, Arrays.copyOfRange(p, 1 + size, p.length)) };
	}

	/**
	 * The public point {@code d * G} of a key that did not carry it, by double-and-add in
	 * affine coordinates on the prime curve. Not constant-time, but it only serves to
	 * show the public half of a key the caller already holds.
	 */
	private static BigInteger[] multiply(ECParameterSpec spec, BigInteger d) {
		BigInteger p = ((ECFieldFp) spec.getCurve().getField()).getP();
		BigInteger a = spec.getCurve().getA();
		BigInteger[] result = null;
		BigInteger[] addend = { spec.getGenerator().getAffineX(), spec.getGenerator().getAffineY() };
		for (int i = 0; i < d.bitLength(); i++) {
			if (d.testBit(i)) {
				result = add(result, addend, p, a);
			}
			addend = add(addend, addend, p, a);
		}
		return (result != null) ? result : new BigInteger[2];
	}

	private static BigInteger[] add(BigInteger[] u, BigInteger[] v, BigInteger p, BigInteger a) {
		if (u == null) {
			return v;
		}
		BigInteger slope;
		if (u[0].equals(v[0])) {
			if (!u[1].equals(v[1]) || u[1].signum() == 0) {
				return null;
			}
			slope = u[0].pow(2).multiply(BigInteger.valueOf(3)).add(a).multiply(u[1].shiftLeft(1).modInverse(p));
		}
		else {
			slope = v[1].subtract(u[1]).multiply(v[0].subtract(u[0]).modInverse(p));
		}
		slope = slope.mod(p);
		BigInteger x = slope.pow(2).subtract(u[0]).subtract(v[0]).mod(p);
		BigInteger y = slope.multiply(u[0].subtract(x)).subtract(u[1]).mod(p);
		return new BigInteger[] { x, y };
	}

	/**
	 * The Ed25519 public key of a seed: the JDK derives it only while generating, so
	 * generate with a source of randomness that yields the seed.
	 */
	private static byte[] ed25519Public(byte[] seed) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
			generator.initialize(255, new SecureRandom() {

				private static final long serialVersionUID = 1L;

				@Override
				public void nextBytes(byte[] bytes) {
					System.arraycopy(seed, 0, bytes, 0, bytes.length);
				}

			});
			byte[] encoded = generator.generateKeyPair().getPublic().getEncoded();
			return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
		}
		catch (GeneralSecurityException ex) {
			return new byte[32];
		}
	}

	private static String b64(BigInteger n) {
		byte[] bytes = n.toByteArray();
		if (bytes.length > 1 && bytes[0] == 0) {
			bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
		}
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
