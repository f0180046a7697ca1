package dev.cairn.rego.internal.eval;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import dev.cairn.rego.RegoException;
import dev.cairn.rego.value.BoolValue;
import dev.cairn.rego.value.ObjectValue;
import dev.cairn.rego.value.StringValue;

import static dev.cairn.rego.internal.eval.Functions.string;

/**
 * {@code uri.parse} and {@code uri.is_valid}, reading URIs as Go's {@code net/url} does.
 * {@code uri.parse} gives the non-empty parts among scheme, hostname, port, path
 * (decoded), raw_path (as written, or re-escaped), raw_query and fragment (decoded); an
 * opaque URI such as {@code mailto:a@b} has only its scheme. {@code uri.is_valid} asks
 * what Go's {@code ParseRequestURI} asks: an absolute URI or an absolute path.
 */
final class UriBuiltins {

	private static final String PATH_KEEP = "-_.~$&+,/:;=@";

	private static final String PATH_VALID = "-_.~!$&'()*+,;=:@[]%";

	private static final String HOST_KEEP = "-_.~!$&'()*+,;=:[]<>\"%";

	private UriBuiltins() {
	}

	static void registerAll() {
		Functions.register("uri.parse", 1, (a) -> parse(string(a[0], 1), false).toObject());
		Functions.register("uri.is_valid", 1, (a) -> {
			if (!(a[0] instanceof StringValue s)) {
				return BoolValue.FALSE;
			}
			try {
				parse(s.value(), true);
				return BoolValue.TRUE;
			}
			catch (RegoException ex) {
				return BoolValue.FALSE;
			}
		});
	}

	/** The parts of a URI; empty strings for absent ones. */
	record Uri(String scheme, String host, String path, String rawPath, String rawQuery, String fragment) {

		ObjectValue toObject() {
			ObjectValue.Builder out = ObjectValue.builder();
			put(out, "scheme", this.scheme);
			String hostname = this.host;
			String port = "";
			int colon = hostname.lastIndexOf(':');
			if (colon >= 0 && validPort(hostname.substring(colon))) {
				port = hostname.substring(colon + 1);
				hostname = hostname.substring(0, colon);
			}
			if (hostname.startsWith("[") && hostname.endsWith("]")) {
				hostname = hostname.substring(1, hostname.length() - 1);
			}
			put(out, "hostname", hostname);
			put(out, "port", port);
			put(out, "path", this.path);
			put(out, "raw_path", this.rawPath);
			put(out, "raw_query", this.rawQuery);
			put(out, "fragment", this.fragment);
			return out.build();
		}

		private static void put(ObjectValue.Builder out, String key, String value) {
			if (!value.isEmpty()) {
				out.put(key, StringValue.of(value));
			}
		}

	}

	/**
	 * Go's {@code url.Parse}, or with {@code request} its {@code ParseRequestURI}, which
	 * keeps {@code #} in the path and wants an absolute URI or path.
	 */
	static Uri parse(String text, boolean request) {
		for (char c : text.toCharArray()) {
			if (c < 0x20 || c == 0x7f) {
				throw Functions.builtinError("net/url: invalid control character in URL");
			}
		}
		if (request && text.isEmpty()) {
			throw Functions.builtinError("empty url");
		}
		String rest = text;
		String fragment = "";
		int hash = rest.indexOf('#');
		if (!request && hash >= 0) {
			fragment = unescape(rest.substring(hash + 1));
			rest = rest.substring(0, hash);
		}
		String scheme = "";
		int colon = schemeEnd(rest);
		if (colon == 0) {
			throw Functions.builtinError("missing protocol scheme");
		}
		if (colon > 0) {
			scheme = rest.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
			rest = rest.substring(colon + 1);
		}
		String query = "";
		int question = rest.indexOf('?');
		if (question >= 0) {
			query = rest.substring(question + 1);
			rest = rest.substring(0, question);
		}
		if (!rest.startsWith("/")) {
			if (!scheme.isEmpty()) {
				// Rootless, such as mailto:a@b: opaque.
				return new Uri(scheme, "", "", "", query, fragment);
			}
			if (request) {
				throw Functions.builtinError("invalid URI for request");
			}
			int slash = rest.indexOf('/');
			if (((slash < 0) ? rest : rest.substring(0, slash)).contains(":")) {
				throw Functions.builtinError("first path segment in URL cannot contain colon");
			}
		}
		String host = "";
		if ((!scheme.isEmpty() || (!request && !rest.startsWith("///"))) && rest.startsWith("//")) {
			String authority = rest.substring(2);
			int slash = authority.indexOf('/');
			rest = (slash >= 0) ? authority.substring(slash) : "";
			authority = (slash >= 0) ? authority.substring(0, slash) : authority;
			host = host(authority.substring(authority.lastIndexOf('@') + 1));
		}
		String path = unescape(rest);
		String rawPath = validEncoded(rest) ? rest : escapePath(path);
		return new Uri(scheme, host, path, rawPath, query, fragment);
	}

	/** The index of the colon ending a scheme, -1 when there is none. */
	private static int schemeEnd(String s) {
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
				continue;
			}
			if ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.') {
				if (i == 0) {
					return -1;
				}
				continue;
			}
			return (c == ':') ? i : -1;
		}
		return -1;
	}

	private static String host(String host) {
		String port = "";
		if (host.startsWith("[")) {
			int close = host.lastIndexOf(']');
			if (close < 0) {
				throw Functions.builtinError("missing ']' in host");
			}
			port = host.substring(close + 1);
		}
		else if (host.lastIndexOf(':') >= 0) {
			port = host.substring(host.lastIndexOf(':'));
		}
		if (!validPort(port)) {
			throw Functions.builtinError("invalid port \"" + port + "\" after host");
		}
		for (char c : host.toCharArray()) {
			if (c < 0x80 && !Character.isLetterOrDigit(c) && HOST_KEEP.indexOf(c) < 0) {
				throw Functions.builtinError("invalid character \"" + c + "\" in host name");
			}
		}
		return unescape(host);
	}

	private static boolean validPort(String port) {
		return port.isEmpty()
				|| (port.charAt(0) == ':' && port.substring(1).chars().allMatch((c) -> c >= '0' && c <= '9'));
	}

	/** Decodes {@code %XX} escapes (as UTF-8); a malformed escape is an error. */
	private static String unescape(String s) {
		if (s.indexOf('%') < 0) {
			return s;
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c != '%') {
				int end = Character.isHighSurrogate(c) && i + 1 < s.length() ? i + 2 : i + 1;
				out.writeBytes(s.substring(i, end).getBytes(StandardCharsets.UTF_8));
				i = end - 1;
				continue;
			}
			int hi = (i + 2 < s.length()) ? Character.digit(s.charAt(i + 1), 16) : -1;
			int lo = (i + 2 < s.length()) ? Character.digit(s.charAt(i + 2), 16) : -1;
			if (hi < 0 || lo < 0) {
				throw Functions
					.builtinError("invalid URL escape \"" + s.substring(i, Math.min(s.length(), i + 3)) + "\"");
			}
			out.write(hi * 16 + lo);
			i += 2;
		}
		return out.toString(StandardCharsets.UTF_8);
	}

	private static boolean validEncoded(String s) {
		for (char c : s.toCharArray()) {
			if (!isAlphanumeric(c) && PATH_VALID.indexOf(c) < 0 && PATH_KEEP.indexOf(c) < 0) {
				return false;
			}
		}
		return true;
	}

	private static String escapePath(String path) {
		StringBuilder sb = new StringBuilder();
		for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xff);
			if (isAlphanumeric(c) || PATH_KEEP.indexOf(c) >= 0) {
				sb.append(c);
			}
			else {
				sb.append('%').append(String.format("%02X", b & 0xff));
			}
		}
		return sb.toString();
	}

	private static boolean isAlphanumeric(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
	}

}
