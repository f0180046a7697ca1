package dev.cairn.rego.internal.eval;

import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.cairn.rego.value.BoolValue;
import dev.cairn.rego.value.NumberValue;
import dev.cairn.rego.value.ObjectValue;
import dev.cairn.rego.value.StringValue;
import dev.cairn.rego.value.Value;
import dev.cairn.rego.value.Values;

/**
 * {@code providers.aws.sign_req}: AWS Signature Version 4 for a request object shaped
 * like {@code http.send}'s, so that policies can call AWS APIs. The request comes back
 * with {@code Authorization}, {@code host}, {@code x-amz-date} (and, for S3 and Glacier,
 * {@code x-amz-content-sha256}; with a session token, {@code x-amz-security-token}).
 */
final class AwsSigning {

	private static final String NAME = "providers.aws.sign_req";

	private static final List<String> REQUIRED_CONFIG = List.of("aws_access_key", "aws_region", "aws_secret_access_key",
			"aws_service");

	/** Headers that proxies and clients rewrite, so they are never signed. */
	private static final Set<String> UNSIGNED_HEADERS = Set.of("authorization", "content-length", "user-agent");

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private AwsSigning() {
	}

	static void registerAll() {
		Functions.register(NAME, 3, (a) -> sign(StringBuiltins.object(a[0], 1), StringBuiltins.object(a[1], 2), a[2]));
	}

	private static Value sign(ObjectValue request, ObjectValue config, Value timeNs) {
		required(request, List.of("method", "url"), 1, "request");
		required(config, REQUIRED_CONFIG, 2, "AWS config");
		Value disable = config.get("disable_payload_signing");
		if (disable != null && !(disable instanceof BoolValue)) {
			throw Functions.typeError("operand 2 invalid value for 'disable_payload_signing' in AWS config");
		}
		Instant time = instant(timeNs);
		String method = text(request, "method");
		URI url = url(text(request, "url"));
		String service = text(config, "aws_service");
		String region = text(config, "aws_region");
		String token = (config.get("aws_session_token") instanceof StringValue s) ? s.value() : "";

		byte[] body = body(request);
		String payloadHash = (disable instanceof BoolValue b && b.value()) ? "UNSIGNED-PAYLOAD" : hex(sha256(body));
		Map<String, String> amz = new TreeMap<>();
		amz.put("host", url.getRawAuthority());
		amz.put("x-amz-date", STAMP.format(time));
		if (service.equals("s3") || service.equals("glacier")) {
			amz.put("x-amz-content-sha256", payloadHash);
		}
		if (!token.isEmpty()) {
			amz.put("x-amz-security-token", token);
		}
		// The request's own headers are signed as given, over the ones added here.
		Map<String, String> signed = new TreeMap<>(amz);
		Map<Value, Value> out = new TreeMap<>();
		if (request.get("headers") instanceof ObjectValue headers) {
			for (Value key : headers.keys()) {
				String name = (key instanceof StringValue k) ? k.value() : Values.toJsonText(key);
				String value = (headers.get(key) instanceof StringValue v) ? v.value()
						: Values.toJsonText(headers.get(key));
				out.put(StringValue.of(name), StringValue.of(value));
				if (!UNSIGNED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
					signed.put(name.toLowerCase(Locale.ROOT), value.trim());
				}
			}
		}
		String scope = DAY.format(time) + "/" + region + "/" + service + "/aws4_request";
		String canonical = canonicalRequest(method, url, signed, payloadHash);
		String toSign = "AWS4-HMAC-SHA256\n" + STAMP.format(time) + "\n" + scope + "\n"
				+ hex(sha256(canonical.getBytes(StandardCharsets.UTF_8)));
		byte[] key = ("AWS4" + text(config, "aws_secret_access_key")).getBytes(StandardCharsets.UTF_8);
		for (String part : List.of(DAY.format(time), region, service, "aws4_request")) {
			key = hmac(key, part);
		}
		String signature = hex(hmac(key, toSign));
		amz.put("Authorization", "AWS4-HMAC-SHA256 Credential=" + text(config, "aws_access_key") + "/" + scope
				+ ",SignedHeaders=" + String.join(";", signed.keySet()) + ",Signature=" + signature);
		amz.forEach((name, value) -> out.put(StringValue.of(name), StringValue.of(value)));
		return request.put(StringValue.of("headers"), ObjectValue.of(out));
	}

	private static String canonicalRequest(String method, URI url, Map<String, String> headers, String payloadHash) {
		StringBuilder c = new StringBuilder();
		// The method and path are signed exactly as given (no upper-casing, no "/" for an
		// empty path), as OPA signs them, so that signatures agree with OPA's.
		c.append(method).append('\n');
		c.append((url.getRawPath() == null) ? "" : url.getRawPath()).append('\n');
		c.append(canonicalQuery(url.getRawQuery())).append('\n');
		headers.forEach((name, value) -> c.append(name).append(':').append(value).append('\n'));
		c.append('\n').append(String.join(";", headers.keySet())).append('\n');
		c.append(payloadHash);
		return c.toString();
	}

	/** The query with its parameters sorted by name, then value, each encoded. */
	private static String canonicalQuery(String raw) {
		if (raw == null || raw.isEmpty()) {
			return "";
		}
		List<String[]> pairs = new ArrayList<>();
		for (String part : raw.split("&")) {
			if (part.isEmpty()) {
				continue;
			}
			int eq = part.indexOf('=');
			String name = decode((eq < 0) ? part : part.substring(0, eq));
			String value = (eq < 0) ? "" : decode(part.substring(eq + 1));
			pairs.add(new String[] { encode(name), encode(value) });
		}
		pairs.sort((x, y) -> (x[0].equals(y[0])) ? x[1].compareTo(y[1]) : x[0].compareTo(y[0]));
		List<String> joined = pairs.stream().map((p) -> p[0] + "=" + p[1]).toList();
		return String.join("&", joined);
	}

	private static String decode(String s) {
		try {
			return java.net.URLDecoder.decode(s, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw Functions.builtinError("invalid query escape in url: " + s);
		}
	}

	private static String encode(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
	}

	private static byte[] body(ObjectValue request) {
		if (request.get("raw_body") instanceof StringValue raw) {
			return raw.value().getBytes(StandardCharsets.UTF_8);
		}
		Value body = request.get("body");
		return (body == null) ? new byte[0] : Values.toJsonText(body).getBytes(StandardCharsets.UTF_8);
	}

	private static void required(ObjectValue o, List<String> keys, int operand, String what) {
		List<String> missing = new ArrayList<>();
		List<String> invalid = new ArrayList<>();
		for (String key : keys) {
			Value v = o.get(key);
			if (v == null) {
				missing.add("\"" + key + "\"");
			}
			else if (!(v instanceof StringValue)) {
				invalid.add("\"" + key + "\"");
			}
		}
		if (!missing.isEmpty()) {
			throw Functions.typeError("operand " + operand + " missing required " + what + " parameters(s): {"
					+ String.join(", ", missing) + "}");
		}
		if (!invalid.isEmpty()) {
			throw Functions.typeError("operand " + operand + " invalid values for required " + what
					+ " parameters(s): {" + String.join(", ", invalid) + "}");
		}
	}

	private static Instant instant(Value v) {
		if (v instanceof NumberValue n && n.isInteger() && n.signum() >= 0) {
			BigInteger ns = n.asBigInteger();
			if (ns.bitLength() < 63) {
				long nanos = ns.longValue();
				return Instant.ofEpochSecond(nanos / 1_000_000_000L, nanos % 1_000_000_000L);
			}
		}
		throw Functions.typeError("operand 3 could not convert time_ns value into a unix timestamp");
	}

	private static String text(ObjectValue o, String key) {
		return ((StringValue) o.get(key)).value();
	}

	private static URI url(String text) {
		try {
			URI uri = new URI(text);
			if (uri.getRawAuthority() == null) {
				throw Functions.builtinError("url " + text + " has no host");
			}
			return uri;
		}
		catch (URISyntaxException ex) {
			throw Functions.builtinError("invalid url " + text + ": " + ex.getReason());
		}
	}

	private static byte[] sha256(byte[] data) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

	private static byte[] hmac(byte[] key, String data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is missing from this JVM", ex);
		}
	}

	private static String hex(byte[] bytes) {
		return java.util.HexFormat.of().formatHex(bytes);
	}

}
