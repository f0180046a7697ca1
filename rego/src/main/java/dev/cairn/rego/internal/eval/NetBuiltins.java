package dev.cairn.rego.internal.eval;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;

import dev.cairn.rego.value.BoolValue;

import static dev.cairn.rego.internal.eval.Functions.string;

/**
 * CIDR builtins. Addresses are parsed as literals only, never looked up, so a policy
 * cannot make evaluation wait on DNS.
 */
final class NetBuiltins {

	private NetBuiltins() {
	}

	static void registerAll() {
		Functions.register("net.cidr_is_valid", 1, (a) -> {
			try {
				Cidr.parse(string(a[0], 1), false);
				return BoolValue.TRUE;
			}
			catch (RuntimeException ex) {
				return BoolValue.FALSE;
			}
		});
		Functions.register("net.cidr_contains", 2, (a) -> {
			Cidr outer = Cidr.parse(string(a[0], 1), false);
			Cidr inner = Cidr.parse(string(a[1], 2), true);
			return BoolValue.of(outer.contains(inner));
		});
		Functions.register("net.cidr_intersects", 2, (a) -> {
			Cidr x = Cidr.parse(string(a[0], 1), false);
			Cidr y = Cidr.parse(string(a[1], 2), false);
			return BoolValue.of(x.contains(y) || y.contains(x));
		});
	}

	/**
	 * A network: its first address as a number, the prefix length and the address size in
	 * bits.
	 */
	record Cidr(BigInteger network, int prefix, int bits) {

		static Cidr parse(String text, boolean addressAllowed) {
			int slash = text.indexOf('/');
			if (slash < 0 && !addressAllowed) {
				throw Functions.builtinError("invalid CIDR address: " + text);
			}
			String host = (slash < 0) ? text : text.substring(0, slash);
			byte[] bytes = literal(host);
			if (bytes == null) {
				throw Functions.builtinError("invalid CIDR address: " + text);
			}
			int bits = bytes.length * 8;
			int prefix;
			try {
				prefix = (slash < 0) ? bits : Integer.parseInt(text.substring(slash + 1));
			}
			catch (NumberFormatException ex) {
				throw Functions.builtinError("invalid CIDR address: " + text);
			}
			if (prefix < 0 || prefix > bits) {
				throw Functions.builtinError("invalid CIDR address: " + text);
			}
			BigInteger address = new BigInteger(1, bytes);
			BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE.shiftLeft(bits - prefix));
			return new Cidr(address.and(mask), prefix, bits);
		}

		boolean contains(Cidr other) {
			if (this.bits != other.bits || other.prefix < this.prefix) {
				return false;
			}
			return other.network.shiftRight(this.bits - this.prefix)
				.equals(this.network.shiftRight(this.bits - this.prefix));
		}

		private static byte[] literal(String host) {
			if (host.contains(":")) {
				try {
					// A literal with colons is parsed, not resolved.
					return InetAddress.getByName(host).getAddress();
				}
				catch (UnknownHostException | SecurityException ex) {
					return null;
				}
			}
			String[] parts = host.split("\\.", -1);
			if (parts.length != 4) {
				return null;
			}
			byte[] out = new byte[4];
			for (int i = 0; i < 4; i++) {
				if (!parts[i].matches("[0-9]{1,3}") || Integer.parseInt(parts[i]) > 255) {
					return null;
				}
				out[i] = (byte) Integer.parseInt(parts[i]);
			}
			return out;
		}

	}

}
