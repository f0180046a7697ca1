package dev.cairn.rego.internal.eval;

import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

	private static final List<String> EXT_KEY_USAGES = List.of("2.5.29.37.0", "1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2",
			"1.3.6.1.5.5.7.3.3", "1.3.6.1.5.5.7.3.4", "1.3.6.1.5.5.7.3.5", "1.3.6.1.5.5.7.3.6", "1.3.6.1.5.5.7.3.7",
			"1.3.6.1.5.5.7.3.8", "1.3.6.1.5.5.7.3.9", "1.3.6.1.4.1.311.10.3.3", "2.16.840.1.113730.4.1",
			"1.3.6.1.4.1.311.2.1.22", "1.3.6.1.4.1.311.61.1.1");

	private static final Set<String> HANDLED_EXTENSIONS = Set.of("2.5.29.14", "2.5.29.15", "2.5.29.17", "2.5.29.19",
			"2.5.29.30", "2.5.29.31", "2.5.29.32", "2.5.29.35", "2.5.29.36", "2.5.29.37", "2.5.29.54", "2.5.29.33",
			"1.3.6.1.5.5.7.1.1");

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
		Extensions ext = new Extensions();
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
		Extensions ext = new Extensions();
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

	/** What the extensions of a certificate or request say, field by field. */
	private static final class Extensions {

		private final Map<String, Object> fields = new LinkedHashMap<>();

		private final List<Object> raw = new ArrayList<>();

		private final List<Object> unhandledCritical = new ArrayList<>();

		private final List<String> dnsNames = new ArrayList<>();

		private final List<String> emails = new ArrayList<>();

		private final List<String> ips = new ArrayList<>();

		private final List<String> uris = new ArrayList<>();

		void read(Der extensions) {
			for (Der extension : extensions.children()) {
				List<Der> parts = extension.children();
				List<Long> id = parts.get(0).oid();
				boolean critical = parts.size() > 2 && parts.get(1).bool();
				byte[] value = parts.get(parts.size() - 1).expect(Der.OCTET_STRING, "extension value").content();
				Map<String, Object> entry = new LinkedHashMap<>();
				entry.put("Id", id);
				entry.put("Critical", critical);
				entry.put("Value", B64.encodeToString(value));
				this.raw.add(entry);
				String oid = Der.dotted(id);
				if (critical && !HANDLED_EXTENSIONS.contains(oid)) {
					this.unhandledCritical.add(id);
				}
				interpret(oid, Der.parse(value));
			}
		}

		private void interpret(String oid, Der value) {
			switch (oid) {
				case "2.5.29.15" -> {
					byte[] bits = value.bits();
					int usage = 0;
					for (int i = 0; i < 9 && i / 8 < bits.length; i++) {
						if ((bits[i / 8] & (0x80 >> (i % 8))) != 0) {
							usage |= 1 << i;
						}
					}
					this.fields.put("KeyUsage", usage);
				}
				case "2.5.29.19" -> {
					boolean ca = false;
					int maxPathLen = -1;
					for (Der part : value.children()) {
						if (part.tag() == Der.BOOLEAN) {
							ca = part.bool();
						}
						else if (part.tag() == Der.INTEGER) {
							maxPathLen = part.integer().intValueExact();
						}
					}
					this.fields.put("BasicConstraintsValid", true);
					this.fields.put("IsCA", ca);
					this.fields.put("MaxPathLen", maxPathLen);
					this.fields.put("MaxPathLenZero", maxPathLen == 0);
				}
				case "2.5.29.17" -> generalNames(value);
				case "2.5.29.14" -> this.fields.put("SubjectKeyId", B64.encodeToString(value.content()));
				case "2.5.29.35" -> {
					for (Der part : value.children()) {
						if (part.isContext(0)) {
							this.fields.put("AuthorityKeyId", B64.encodeToString(part.content()));
						}
					}
				}
				case "2.5.29.37" -> {
					List<Object> known = new ArrayList<>();
					List<Object> unknown = new ArrayList<>();
					for (Der usage : value.children()) {
						int index = EXT_KEY_USAGES.indexOf(Der.dotted(usage.oid()));
						if (index >= 0) {
							known.add(index);
						}
						else {
							unknown.add(usage.oid());
						}
					}
					this.fields.put("ExtKeyUsage", known.isEmpty() ? null : known);
					this.fields.put("UnknownExtKeyUsage", unknown.isEmpty() ? null : unknown);
				}
				case "1.3.6.1.5.5.7.1.1" -> {
					List<String> ocsp = new ArrayList<>();
					List<String> issuers = new ArrayList<>();
					for (Der access : value.children()) {
						List<Der> parts = access.children();
						String method = Der.dotted(parts.get(0).oid());
						if (parts.get(1).tag() == 0x86) {
							(method.equals("1.3.6.1.5.5.7.48.1") ? ocsp : issuers).add(parts.get(1).text());
						}
					}
					this.fields.put("OCSPServer", ocsp.isEmpty() ? null : ocsp);
					this.fields.put("IssuingCertificateURL", issuers.isEmpty() ? null : issuers);
				}
				case "2.5.29.31" -> {
					List<String> points = new ArrayList<>();
					for (Der point : value.children()) {
						for (Der part : point.children()) {
							if (part.isContext(0)) {
								for (Der fullName : part.children()) {
									for (Der name : fullName.isContext(0) ? fullName.children() : List.<Der>of()) {
										if (name.tag() == 0x86) {
											points.add(name.text());
										}
									}
								}
							}
						}
					}
					this.fields.put("CRLDistributionPoints", points.isEmpty() ? null : points);
				}
				case "2.5.29.32" -> {
					List<Object> ids = new ArrayList<>();
					List<Object> dotted = new ArrayList<>();
					for (Der policy : value.children()) {
						List<Long> id = policy.children().get(0).oid();
						ids.add(id);
						dotted.add(Der.dotted(id));
					}
					this.fields.put("PolicyIdentifiers", ids);
					this.fields.put("Policies", dotted);
				}
				default -> {
					// Kept only in Extensions, as Go does.
				}
			}
		}

		private void generalNames(Der value) {
			for (Der name : value.children()) {
				switch (name.tag()) {
					case 0x81 -> this.emails.add(name.text());
					case 0x82 -> this.dnsNames.add(name.text());
					case 0x86 -> this.uris.add(name.text());
					case 0x87 -> this.ips.add(ip(name.content()));
					default -> {
						// Other names (directory names, other names) have no field.
					}
				}
			}
		}

		void put(Map<String, Object> out, boolean certificate) {
			if (certificate) {
				out.put("KeyUsage", this.fields.getOrDefault("KeyUsage", 0));
			}
			out.put("Extensions", this.raw.isEmpty() ? null : this.raw);
			out.put("ExtraExtensions", null);
			if (!certificate) {
				putNames(out);
				return;
			}
			out.put("UnhandledCriticalExtensions", this.unhandledCritical.isEmpty() ? null : this.unhandledCritical);
			out.put("ExtKeyUsage", this.fields.get("ExtKeyUsage"));
			out.put("UnknownExtKeyUsage", this.fields.get("UnknownExtKeyUsage"));
			out.put("BasicConstraintsValid", this.fields.getOrDefault("BasicConstraintsValid", false));
			out.put("IsCA", this.fields.getOrDefault("IsCA", false));
			out.put("MaxPathLen", this.fields.getOrDefault("MaxPathLen", 0));
			out.put("MaxPathLenZero", this.fields.getOrDefault("MaxPathLenZero", false));
			out.put("SubjectKeyId", this.fields.get("SubjectKeyId"));
			out.put("AuthorityKeyId", this.fields.get("AuthorityKeyId"));
			out.put("OCSPServer", this.fields.get("OCSPServer"));
			out.put("IssuingCertificateURL", this.fields.get("IssuingCertificateURL"));
			putNames(out);
			out.put("PermittedDNSDomainsCritical", false);
			for (String field : List.of("PermittedDNSDomains", "ExcludedDNSDomains", "PermittedIPRanges",
					"ExcludedIPRanges", "PermittedEmailAddresses", "ExcludedEmailAddresses", "PermittedURIDomains",
					"ExcludedURIDomains")) {
				out.put(field, null);
			}
			out.put("CRLDistributionPoints", this.fields.get("CRLDistributionPoints"));
			out.put("PolicyIdentifiers", this.fields.get("PolicyIdentifiers"));
			out.put("Policies", this.fields.get("Policies"));
			// Policy constraints are not interpreted; these are Go's values without them.
			for (String field : List.of("InhibitAnyPolicy", "InhibitPolicyMapping", "RequireExplicitPolicy")) {
				out.put(field, 0);
				out.put(field + "Zero", false);
			}
			out.put("PolicyMappings", null);
			out.put("URIStrings", this.uris.isEmpty() ? null : this.uris);
		}

		private void putNames(Map<String, Object> out) {
			out.put("DNSNames", this.dnsNames.isEmpty() ? null : this.dnsNames);
			out.put("EmailAddresses", this.emails.isEmpty() ? null : this.emails);
			out.put("IPAddresses", this.ips.isEmpty() ? null : this.ips);
			List<Object> urls = new ArrayList<>();
			for (String uri : this.uris) {
				urls.add(url(uri));
			}
			out.put("URIs", urls.isEmpty() ? null : urls);
		}

	}

	/** A URI as Go's {@code url.URL} marshals. */
	private static Map<String, Object> url(String text) {
		Map<String, Object> out = new LinkedHashMap<>();
		try {
			URI uri = new URI(text);
			out.put("Scheme", (uri.getScheme() != null) ? uri.getScheme() : "");
			out.put("Opaque", uri.isOpaque() ? uri.getRawSchemeSpecificPart() : "");
			out.put("User", null);
			out.put("Host", (uri.getRawAuthority() != null) ? uri.getRawAuthority() : "");
			out.put("Path", (uri.getPath() != null) ? uri.getPath() : "");
			out.put("RawPath", "");
			out.put("OmitHost", false);
			out.put("ForceQuery", false);
			out.put("RawQuery", (uri.getRawQuery() != null) ? uri.getRawQuery() : "");
			out.put("Fragment", (uri.getFragment() != null) ? uri.getFragment() : "");
			out.put("RawFragment", "");
		}
		catch (URISyntaxException ex) {
			out.put("Opaque", text);
		}
		return out;
	}

	private static String ip(byte[] bytes) {
		try {
			return java.net.InetAddress.getByAddress(bytes).getHostAddress();
		}
		catch (java.net.UnknownHostException ex) {
			return B64.encodeToString(bytes);
		}
	}

}
