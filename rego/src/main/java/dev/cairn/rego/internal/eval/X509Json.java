package dev.cairn.rego.internal.eval;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Certificates and certificate requests in the JSON shape OPA gives them: Go's
 * {@code x509.Certificate} and {@code x509.CertificateRequest} marshalled by
 * {@code encoding/json} (byte slices as base64, names as {@code pkix.Name}, enums as Go's
 * numbers, absent lists as {@code null}), plus OPA's {@code URIStrings}.
 */
final class X509Json {

	private static final Base64.Encoder B64 = Base64.getEncoder();

	private static final Map<String, Integer> SIGNATURE_ALGORITHMS = Map.ofEntries(Map.entry("1.2.840.113549.1.1.2", 1),
			Map.entry("1.2.840.113549.1.1.4", 2), Map.entry("1.2.840.113549.1.1.5", 3),
			Map.entry("1.2.840.113549.1.1.11", 4), Map.entry("1.2.840.113549.1.1.12", 5),
			Map.entry("1.2.840.113549.1.1.13", 6), Map.entry("1.2.840.10040.4.3", 7),
			Map.entry("2.16.840.1.101.3.4.3.2", 8), Map.entry("1.2.840.10045.4.1", 9),
			Map.entry("1.2.840.10045.4.3.2", 10), Map.entry("1.2.840.10045.4.3.3", 11),
			Map.entry("1.2.840.10045.4.3.4", 12), Map.entry("1.3.101.112", 16));

	private static final Map<String, Integer> PSS_HASHES = Map.of("2.16.840.1.101.3.4.2.1", 13,
			"2.16.840.1.101.3.4.2.2", 14, "2.16.840.1.101.3.4.2.3", 15);

	private static final Map<String, String> NAME_FIELDS = Map.of("2.5.4.6", "Country", "2.5.4.10", "Organization",
			"2.5.4.11", "OrganizationalUnit", "2.5.4.7", "Locality", "2.5.4.8", "Province", "2.5.4.9", "StreetAddress",
			"2.5.4.17", "PostalCode");

	private X509Json() {
	}

	/**
	 * A DER certificate as Go's {@code x509.Certificate} JSON plus {@code URIStrings}.
	 */
	static Map<String, Object> certificate(byte[] der) {
		List<Der> cert = Der.parse(der).expect(Der.SEQUENCE, "certificate").children();
		Der tbs = cert.get(0).expect(Der.SEQUENCE, "tbsCertificate");
		List<Der> fields = new ArrayList<>(tbs.children());
		int version = 1;
		if (fields.get(0).isContext(0)) {
			version = fields.remove(0).children().get(0).integer().intValueExact() + 1;
		}
		Der spki = fields.get(5).expect(Der.SEQUENCE, "subjectPublicKeyInfo");
		List<Der> validity = fields.get(3).expect(Der.SEQUENCE, "validity").children();
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("Raw", B64.encodeToString(der));
		out.put("RawTBSCertificate", B64.encodeToString(tbs.encoded()));
		out.put("RawSubjectPublicKeyInfo", B64.encodeToString(spki.encoded()));
		out.put("RawSubject", B64.encodeToString(fields.get(4).encoded()));
		out.put("RawIssuer", B64.encodeToString(fields.get(2).encoded()));
		out.put("Signature", B64.encodeToString(cert.get(2).bits()));
		out.put("SignatureAlgorithm", signatureAlgorithm(cert.get(1)));
		publicKey(spki, out);
		out.put("Version", version);
		out.put("SerialNumber", fields.get(0).integer());
		out.put("Issuer", name(fields.get(2)));
		out.put("Subject", name(fields.get(4)));
		out.put("NotBefore", validity.get(0).time());
		out.put("NotAfter", validity.get(1).time());
		X509Extensions ext = new X509Extensions();
		for (Der field : fields.subList(6, fields.size())) {
			if (field.isContext(3)) {
				ext.read(field.children().get(0));
			}
		}
		ext.put(out, true);
		return out;
	}

	/** A DER certificate request as Go's {@code x509.CertificateRequest} JSON. */
	static Map<String, Object> certificateRequest(byte[] der) {
		List<Der> csr = Der.parse(der).expect(Der.SEQUENCE, "certificate request").children();
		Der info = csr.get(0).expect(Der.SEQUENCE, "certificationRequestInfo");
		List<Der> fields = info.children();
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("Raw", B64.encodeToString(der));
		out.put("RawTBSCertificateRequest", B64.encodeToString(info.encoded()));
		out.put("RawSubjectPublicKeyInfo", B64.encodeToString(fields.get(2).encoded()));
		out.put("RawSubject", B64.encodeToString(fields.get(1).encoded()));
		out.put("Version", fields.get(0).integer().intValueExact());
		out.put("Signature", B64.encodeToString(csr.get(2).bits()));
		out.put("SignatureAlgorithm", signatureAlgorithm(csr.get(1)));
		publicKey(fields.get(2).expect(Der.SEQUENCE, "subjectPublicKeyInfo"), out);
		out.put("Subject", name(fields.get(1)));
		List<Object> attributes = new ArrayList<>();
		X509Extensions ext = new X509Extensions();
		if (fields.size() > 3 && fields.get(3).isContext(0)) {
			for (Der attribute : fields.get(3).children()) {
				List<Der> parts = attribute.children();
				String type = Der.dotted(parts.get(0).oid());
				if ("1.2.840.113549.1.9.14".equals(type)) {
					ext.read(parts.get(1).children().get(0));
				}
				attributes.add(Map.of("Type", parts.get(0).oid(), "Value", List.of()));
			}
		}
		out.put("Attributes", attributes.isEmpty() ? null : attributes);
		ext.put(out, false);
		return out;
	}

	private static int signatureAlgorithm(Der algorithmIdentifier) {
		List<Der> parts = algorithmIdentifier.expect(Der.SEQUENCE, "algorithm identifier").children();
		String oid = Der.dotted(parts.get(0).oid());
		if ("1.2.840.113549.1.1.10".equals(oid) && parts.size() > 1) {
			// RSASSA-PSS names its hash in the parameters: [0] { AlgorithmIdentifier }.
			for (Der param : parts.get(1).children()) {
				if (param.isContext(0)) {
					String hash = Der.dotted(param.children().get(0).children().get(0).oid());
					return PSS_HASHES.getOrDefault(hash, 0);
				}
			}
			return 0;
		}
		return SIGNATURE_ALGORITHMS.getOrDefault(oid, 0);
	}

	private static void publicKey(Der spki, Map<String, Object> out) {
		List<Der> parts = spki.children();
		String oid = Der.dotted(parts.get(0).children().get(0).oid());
		byte[] bits = parts.get(1).bits();
		switch (oid) {
			case "1.2.840.113549.1.1.1" -> {
				List<Der> key = Der.parse(bits).children();
				out.put("PublicKeyAlgorithm", 1);
				out.put("PublicKey", Map.of("N", key.get(0).integer(), "E", key.get(1).integer()));
			}
			case "1.2.840.10045.2.1" -> {
				int size = (bits.length - 1) / 2;
				Map<String, Object> key = new LinkedHashMap<>();
				// Go's curves have only unexported fields, so they marshal as {}.
				key.put("Curve", Map.of());
				key.put("X", new BigInteger(1, Arrays.copyOfRange(bits, 1, 1 + size)));
				key.put("Y", new BigInteger(1, Arrays.copyOfRange(bits, 1 + size, bits.length)));
				out.put("PublicKeyAlgorithm", 3);
				out.put("PublicKey", key);
			}
			case "1.3.101.112" -> {
				out.put("PublicKeyAlgorithm", 4);
				out.put("PublicKey", B64.encodeToString(bits));
			}
			case "1.2.840.10040.4.1" -> {
				out.put("PublicKeyAlgorithm", 2);
				out.put("PublicKey", null);
			}
			default -> {
				out.put("PublicKeyAlgorithm", 0);
				out.put("PublicKey", null);
			}
		}
	}

	/** A distinguished name as Go's {@code pkix.Name}. */
	static Map<String, Object> name(Der rdnSequence) {
		Map<String, Object> out = new LinkedHashMap<>();
		for (String field : List.of("Country", "Organization", "OrganizationalUnit", "Locality", "Province",
				"StreetAddress", "PostalCode")) {
			out.put(field, null);
		}
		out.put("SerialNumber", "");
		out.put("CommonName", "");
		List<Object> names = new ArrayList<>();
		for (Der rdn : rdnSequence.expect(Der.SEQUENCE, "name").children()) {
			for (Der atv : rdn.children()) {
				List<Der> parts = atv.children();
				List<Long> type = parts.get(0).oid();
				String oid = Der.dotted(type);
				String value = parts.get(1).text();
				names.add(Map.of("Type", type, "Value", value));
				if ("2.5.4.3".equals(oid)) {
					out.put("CommonName", value);
				}
				else if ("2.5.4.5".equals(oid)) {
					out.put("SerialNumber", value);
				}
				else if (NAME_FIELDS.containsKey(oid)) {
					@SuppressWarnings("unchecked")
					List<Object> list = (List<Object>) out.computeIfAbsent(NAME_FIELDS.get(oid),
							(k) -> new ArrayList<>());
					list.add(value);
				}
			}
		}
		out.put("Names", names);
		out.put("ExtraNames", null);
		return out;
	}

}
