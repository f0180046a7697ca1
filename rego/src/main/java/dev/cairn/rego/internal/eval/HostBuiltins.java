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
		if (!ev.host.network().allows(name, -1)) {
			throw Functions.builtinError("unallowed host: " + name
					+ " (network access is off for this policy; the embedding application allows hosts with Rego.Builder.network)");
		}
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
		if (address instanceof Inet4Address) {
			return address.getHostAddress();
		}
		byte[] b = address.getAddress();
		int[] groups = new int[8];
		for (int i = 0; i < 8; i++) {
			groups[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
		}
		int bestStart = -1;
		int bestLength = 1;
		for (int i = 0; i < 8; i++) {
			int j = i;
			while (j < 8 && groups[j] == 0) {
				j++;
			}
			if (j - i > bestLength) {
				bestStart = i;
				bestLength = j - i;
			}
			i = Math.max(i, j);
		}
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < 8; i++) {
			if (i == bestStart) {
				out.append("::");
				i += bestLength - 1;
				continue;
			}
			if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
				out.append(':');
			}
			out.append(Integer.toHexString(groups[i]));
		}
		return out.toString();
	}

}
