package dev.cairn.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A static API token ({@code cairn.identity.tokens[n].*}) and the principal it stands
 * for. Configure the token's SHA-256 ({@code sha256}, preferred: the secret itself is
 * then never in configuration) or the token ({@code token}, for example from an
 * environment variable). An agent token names the user the agent acts for.
 *
 * @param name a label for logs and the audit trail, never the secret
 * @param sha256 the hex SHA-256 of the token, or {@code null} when {@code token} is set
 * @param token the token itself, or {@code null} when {@code sha256} is set
 * @param principal the catalog ref of the principal, for example {@code user:default/ana}
 * or {@code agent:default/release-bot}
 * @param kind {@code user}, {@code agent} or {@code service}
 * @param actingFor for an agent, the catalog ref of the user it acts for
 */
public record ApiToken(String name, String sha256, String token, String principal, Caller.PrincipalKind kind,
		String actingFor) {

	private static final int MIN_TOKEN_LENGTH = 16;

	public ApiToken {
		String at = "cairn.identity.tokens[" + name + "]";
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("cairn.identity.tokens[].name is required");
		}
		if (principal == null || !principal.matches("[a-z][a-z0-9-]*:[^/\\s]+/\\S+")) {
			throw new IllegalArgumentException(
					at + ".principal: expected a ref such as user:default/ana, got '" + principal + "'");
		}
		if (kind == null) {
			throw new IllegalArgumentException(at + ".kind is required: user, agent or service");
		}
		if (kind == Caller.PrincipalKind.AGENT && (actingFor == null || actingFor.isBlank())) {
			throw new IllegalArgumentException(at + ".acting-for is required for an agent token");
		}
		if (kind != Caller.PrincipalKind.AGENT && actingFor != null && !actingFor.isBlank()) {
			throw new IllegalArgumentException(at + ".acting-for applies to agent tokens only");
		}
		boolean hasHash = sha256 != null && !sha256.isBlank();
		boolean hasToken = token != null && !token.isBlank();
		if (hasHash == hasToken) {
			throw new IllegalArgumentException(at + ": set exactly one of sha256 and token");
		}
		if (hasHash && !sha256.matches("[0-9a-fA-F]{64}")) {
			throw new IllegalArgumentException(at + ".sha256: expected 64 hex digits");
		}
		if (hasToken && token.length() < MIN_TOKEN_LENGTH) {
			throw new IllegalArgumentException(
					at + ".token: tokens must be at least " + MIN_TOKEN_LENGTH + " characters long");
		}
		sha256 = hasHash ? sha256.toLowerCase(Locale.ROOT) : hex(token);
		token = null;
		actingFor = (actingFor == null || actingFor.isBlank()) ? null : actingFor;
	}

	/** Whether {@code presented} is this token, compared in constant time. */
	boolean matches(String presented) {
		return MessageDigest.isEqual(hex(presented).getBytes(StandardCharsets.US_ASCII),
				this.sha256.getBytes(StandardCharsets.US_ASCII));
	}

	static String hex(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

	@Override
	public String toString() {
		return "ApiToken[name=" + this.name + ", principal=" + this.principal + ", kind=" + this.kind + "]";
	}

}
