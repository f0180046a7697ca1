package dev.cairn.identity;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.springframework.stereotype.Component;

/**
 * The one place that decides who a request acts as: a configured API token
 * ({@code Authorization: Bearer}), or, in the sandbox, the local demo developer for
 * unauthenticated loopback and stdio requests. OAuth joins here later, so callers never
 * decide identity themselves.
 */
@Component
public class CallerResolver {

	private final IdentityProperties properties;

	public CallerResolver(IdentityProperties properties) {
		this.properties = properties;
	}

	/**
	 * Resolves the caller of an MCP request.
	 * @param facts what the transport saw
	 * @param agentClient the MCP client's {@code name/version} from initialization, or
	 * {@code null}
	 * @return the caller; never a default identity unless the local demo mode applies
	 * @throws UnauthenticatedException when no identity can be established
	 */
	public Caller resolveMcp(RequestFacts facts, String agentClient) {
		return resolve(facts, Caller.Channel.MCP, agentClient);
	}

	/**
	 * Resolves the caller of a request on any channel (MCP, or a REST call from a person
	 * or a script), by the same rules.
	 * @param facts what the transport saw
	 * @param channel how the request arrived
	 * @param agentClient the agent client's {@code name/version}, or {@code null}
	 * @return the caller; never a default identity unless the local demo mode applies
	 * @throws UnauthenticatedException when no identity can be established
	 */
	public Caller resolve(RequestFacts facts, Caller.Channel channel, String agentClient) {
		if (facts.hasCredentials()) {
			return fromToken(facts.authorization(), channel, agentClient);
		}
		if (this.properties.localDemo() && isLocal(facts)) {
			return new Caller(this.properties.demoUser(), Caller.PrincipalKind.USER, channel, agentClient, null,
					"local-demo:" + facts.transport());
		}
		throw new UnauthenticatedException("unauthenticated request from " + describe(facts)
				+ " refused: only loopback and stdio requests may act as the demo developer, and only in the sandbox profile");
	}

	/**
	 * A caller from an {@code Authorization: Bearer} API token. Any other scheme, and any
	 * token not configured, is refused: credentials are never ignored.
	 */
	private Caller fromToken(String authorization, Caller.Channel channel, String agentClient) {
		String[] parts = authorization.trim().split("\\s+", 2);
		if (parts.length != 2 || !parts[0].equalsIgnoreCase("Bearer")) {
			throw new UnauthenticatedException(
					"unsupported Authorization scheme; send 'Authorization: Bearer <API token>'");
		}
		ApiToken match = null;
		for (ApiToken token : this.properties.tokens()) {
			// Every configured token is compared, so timing does not reveal which one is
			// closest.
			if (token.matches(parts[1]) && match == null) {
				match = token;
			}
		}
		if (match == null) {
			throw new UnauthenticatedException("the bearer token is not a configured API token");
		}
		String client = (agentClient != null) ? agentClient
				: (match.kind() == Caller.PrincipalKind.AGENT) ? match.name() : null;
		return new Caller(match.principal(), match.kind(), channel, client, match.actingFor(),
				"api-token:" + match.name());
	}

	private static boolean isLocal(RequestFacts facts) {
		if (RequestFacts.STDIO.equals(facts.transport())) {
			return true;
		}
		return isLoopback(facts.remoteAddress());
	}

	static boolean isLoopback(String address) {
		if (address == null || address.isBlank()) {
			return false;
		}
		// Only literal IP addresses are accepted: resolving a name here would be a DNS
		// lookup per request.
		if (!address.matches("[0-9a-fA-F:.\\[\\]%]+")) {
			return false;
		}
		try {
			String literal = address.startsWith("[") ? address.substring(1, address.length() - 1) : address;
			return InetAddress.getByName(literal).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	private static String describe(RequestFacts facts) {
		return RequestFacts.STDIO.equals(facts.transport()) ? "stdio" : String.valueOf(facts.remoteAddress());
	}

}
