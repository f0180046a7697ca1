package dev.cairn.rego.internal.eval;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the extensions of a certificate or certificate request say, as the fields of Go's
 * {@code x509.Certificate} ({@code KeyUsage}, {@code DNSNames}, {@code IsCA}, ...), for
 * {@link X509Json}. Extensions Go does not interpret stay only in {@code Extensions}.
 */
final class X509Extensions {

	private static final Base64.Encoder B64 = Base64.getEncoder();

	private static final List<String> EXT_KEY_USAGES = List.of("2.5.29.37.0", "1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2",
			"1.3.6.1.5.5.7.3.3", "1.3.6.1.5.5.7.3.4", "1.3.6.1.5.5.7.3.5", "1.3.6.1.5.5.7.3.6", "1.3.6.1.5.5.7.3.7",
			"1.3.6.1.5.5.7.3.8", "1.3.6.1.5.5.7.3.9", "1.3.6.1.4.1.311.10.3.3", "2.16.840.1.113730.4.1",
			"1.3.6.1.4.1.311.2.1.22", "1.3.6.1.4.1.311.61.1.1");

	private static final Set<String> HANDLED_EXTENSIONS = Set.of("2.5.29.14", "2.5.29.15", "2.5.29.17", "2.5.29.19",
			"2.5.29.30", "2.5.29.31", "2.5.29.32", "2.5.29.35", "2.5.29.36", "2.5.29.37", "2.5.29.54", "2.5.29.33",
			"1.3.6.1.5.5.7.1.1");

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
