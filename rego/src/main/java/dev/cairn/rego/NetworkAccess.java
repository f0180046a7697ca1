package dev.cairn.rego;

import java.util.List;
import java.util.Locale;

/**
 * Which hosts the network builtins ({@code http.send}, {@code net.lookup_ip_addr}) may
 * reach. Policies run with {@link #NONE} unless the embedding application allows hosts: a
 * guardrail should not be able to call out of the gateway by accident.
 *
 * <p>
 * A pattern is a host name or address ({@code opa.internal}), optionally with a port
 * ({@code opa.internal:8181}); a leading {@code *.} matches any subdomain
 * ({@code *.example.com}); {@code *} alone allows every host.
 *
 * @param hosts the allowed host patterns, compared without regard to case
 */
public record NetworkAccess(List<String> hosts) {

	/** No network access: every network builtin fails with a clear error. */
	public static final NetworkAccess NONE = new NetworkAccess(List.of());

	/** Every host may be reached. */
	public static final NetworkAccess ANY = new NetworkAccess(List.of("*"));

	public NetworkAccess {
		hosts = hosts.stream().map((h) -> h.trim().toLowerCase(Locale.ROOT)).toList();
		for (String h : hosts) {
			if (h.isEmpty()) {
				throw new IllegalArgumentException("empty host pattern in network access list");
			}
		}
	}

	/** Allows exactly these host patterns. */
	public static NetworkAccess hosts(String... patterns) {
		return new NetworkAccess(List.of(patterns));
	}

	/**
	 * Whether a host (and port, {@code -1} when none) may be reached.
	 * @param host a host name or address, without brackets for IPv6
	 * @param port the port, or -1 when the caller does not know it
	 */
	public boolean allows(String host, int port) {
		String h = host.toLowerCase(Locale.ROOT);
		for (String pattern : this.hosts) {
			if (matches(pattern, h, port)) {
				return true;
			}
		}
		return false;
	}

	private static boolean matches(String pattern, String host, int port) {
		if ("*".equals(pattern)) {
			return true;
		}
		String hostPattern = pattern;
		int colon = pattern.lastIndexOf(':');
		if (colon > 0 && pattern.indexOf(':') == colon) {
			// host:port; an IPv6 pattern has several colons and no port.
			String portText = pattern.substring(colon + 1);
			if (port < 0 || !portText.equals(Integer.toString(port))) {
				return false;
			}
			hostPattern = pattern.substring(0, colon);
		}
		if (hostPattern.startsWith("*.")) {
			return host.endsWith(hostPattern.substring(1));
		}
		return hostPattern.equals(host);
	}

}
