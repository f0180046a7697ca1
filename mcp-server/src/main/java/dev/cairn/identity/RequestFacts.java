package dev.cairn.identity;

/**
 * What a transport knows about the origin of one request, gathered before identity is
 * resolved.
 *
 * @param transport {@code http} or {@code stdio}
 * @param remoteAddress the peer's IP address for HTTP, {@code null} for stdio
 * @param authorization the raw {@code Authorization} header, or {@code null}
 */
public record RequestFacts(String transport, String remoteAddress, String authorization) {

	public static final String HTTP = "http";

	public static final String STDIO = "stdio";

	public static RequestFacts stdio() {
		return new RequestFacts(STDIO, null, null);
	}

	boolean hasCredentials() {
		return this.authorization != null && !this.authorization.isBlank();
	}

}
