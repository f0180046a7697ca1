package dev.cairn.identity;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.springframework.stereotype.Component;

/**
 * The one place that decides who a request acts as. Today it knows one rule (the local
 * demo developer); credentials and agent delegation join here, so callers never decide
 * identity themselves.
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
			throw new UnauthenticatedException(
					"credentials were sent but this Cairn has no credential scheme configured; remove the Authorization header or configure one");
		}
		if (this.properties.localDemo() && isLocal(facts)) {
			return new Caller(this.properties.demoUser(), Caller.PrincipalKind.USER, channel, agentClient, null,
					"local-demo:" + facts.transport());
		}
		throw new UnauthenticatedException("unauthenticated request from " + describe(facts)
				+ " refused: only loopback and stdio requests may act as the demo developer, and only in the sandbox profile");
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
