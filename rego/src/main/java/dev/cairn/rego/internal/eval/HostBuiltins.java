package dev.cairn.rego.internal.eval;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import dev.cairn.rego.value.SetValue;
import dev.cairn.rego.value.StringValue;
import dev.cairn.rego.value.Value;

import static dev.cairn.rego.internal.eval.Functions.string;

/**
 * Builtins that answer from the embedding application rather than from their arguments:
 * {@code opa.runtime} and the name lookup {@code net.lookup_ip_addr}, which needs the
 * same network grant as {@code http.send}.
 */
final class HostBuiltins {

	private HostBuiltins() {
	}

	static void registerAll() {
		Functions.registerHosted("opa.runtime", 0, (ev, s, a) -> ev.host.runtime());
		Functions.registerHosted("net.lookup_ip_addr", 1, HostBuiltins::lookup);
	}

	private static Value lookup(Evaluator ev, Scope scope, Value[] a) {
		String name = string(a[0], 1);
		if (isAddressLiteral(name)) {
			return SetValue.of(StringValue.of(format(parseLiteral(name))));
		}
		ev.host.requireAllowed(name, -1);
		try {
			List<Value> addresses = new ArrayList<>();
			for (InetAddress address : InetAddress.getAllByName(name)) {
				addresses.add(StringValue.of(format(address)));
			}
			return SetValue.of(addresses);
		}
		catch (UnknownHostException ex) {
			throw Functions.builtinError("lookup " + name + ": no such host");
		}
	}

	private static boolean isAddressLiteral(String name) {
		return name.contains(":") || name.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
	}

	private static InetAddress parseLiteral(String name) {
		if (!name.matches("[0-9a-fA-F:.]+")) {
			throw Functions.builtinError("lookup " + name + ": no such host");
		}
		try {
			// A literal of hex digits, dots and colons is never sent to a resolver.
			return InetAddress.getByName(name);
		}
		catch (UnknownHostException ex) {
			throw Functions.builtinError("lookup " + name + ": no such host");
		}
	}

	/** An address as Go prints it: IPv6 in lower case with the longest zero run as ::. */
	static String format(InetAddress address) {
		return (address instanceof Inet4Address) ? address.getHostAddress()
				: NetBuiltins.Cidr.ipv6(address.getAddress());
	}

}
