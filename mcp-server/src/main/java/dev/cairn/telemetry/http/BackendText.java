package dev.cairn.telemetry.http;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * Text from a backend and addresses of backends, made fit for a message an agent reads:
 * on one line, a few hundred characters at most, without a URL's user info, path or query
 * where only the server matters, and with a secret masked where a backend echoed it.
 */
public final class BackendText {

	static final int MAX_QUOTE = 300;

	private BackendText() {
	}

	/** Whitespace folded to single spaces, cut at a few hundred characters. */
	public static String quote(String text) {
		if (text == null) {
			return "";
		}
		String line = text.replaceAll("\\s+", " ").trim();
		return (line.length() > MAX_QUOTE) ? line.substring(0, MAX_QUOTE) + "..." : line;
	}

	/**
	 * The text with every occurrence of the secret masked: backends sometimes echo what
	 * they were sent. Secrets shorter than four characters are left alone, since masking
	 * them would mangle ordinary words and show where they occur.
	 */
	public static String scrub(String text, String secret) {
		if (text == null || secret == null || secret.length() < 4) {
			return text;
		}
		return text.replace(secret, "****");
	}

	/** {@code host[:port]} of a URI, an IPv6 host in brackets: never its user info. */
	public static String hostAndPort(URI uri) {
		String host = uri.getHost();
		return ((host.indexOf(':') >= 0 && !host.startsWith("[")) ? "[" + host + "]" : host)
				+ ((uri.getPort() != -1) ? ":" + uri.getPort() : "");
	}

	/**
	 * A base URL as it may appear in messages: scheme, host, port and path, without user
	 * info, query or a trailing slash.
	 */
	public static String display(URI base) {
		String path = (base.getRawPath() != null) ? base.getRawPath().replaceAll("/+$", "") : "";
		return base.getScheme() + "://" + hostAndPort(base) + path;
	}

	/** {@code 5s}, {@code 1500 ms}. */
	public static String duration(Duration duration) {
		long millis = duration.toMillis();
		return (millis % 1000 == 0) ? (millis / 1000) + "s" : millis + " ms";
	}

	/**
	 * The text as the inside of a double-quoted string in PromQL or LogQL (both take Go's
	 * escapes): backslash, quote and control characters escaped, so a value cannot end
	 * the string and change the query around it.
	 */
	public static String goStringContent(String text) {
		StringBuilder escaped = new StringBuilder(text.length() + 8);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '\\':
					escaped.append("\\\\");
					break;
				case '"':
					escaped.append("\\\"");
					break;
				case '\n':
					escaped.append("\\n");
					break;
				case '\r':
					escaped.append("\\r");
					break;
				case '\t':
					escaped.append("\\t");
					break;
				default:
					if (c < 0x20 || c == 0x7f) {
						escaped.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
					}
					else {
						escaped.append(c);
					}
			}
		}
		return escaped.toString();
	}

}
