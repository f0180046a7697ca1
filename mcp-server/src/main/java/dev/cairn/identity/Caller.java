package dev.cairn.identity;

import java.util.Objects;

/**
 * The identity a request acts under.
 *
 * @param principal the catalog ref of the principal, for example
 * {@code user:default/dana}
 * @param kind what sort of principal it is
 * @param channel how the request arrived
 * @param agentClient the MCP client's name and version when an agent calls, otherwise
 * {@code null}
 * @param onBehalfOf the catalog ref of the human an agent acts for, otherwise
 * {@code null}
 * @param authentication how the identity was established, for the audit trail
 */
public record Caller(String principal, PrincipalKind kind, Channel channel, String agentClient, String onBehalfOf,
		String authentication) {

	public Caller {
		Objects.requireNonNull(principal, "principal");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(channel, "channel");
		Objects.requireNonNull(authentication, "authentication");
		if (principal.isBlank()) {
			throw new IllegalArgumentException("principal must not be blank");
		}
	}

	public enum PrincipalKind {

		USER, AGENT, SERVICE

	}

	public enum Channel {

		MCP, CHAT, WEB, API

	}

}
