package dev.cairn.rego.internal.eval;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;

import dev.cairn.rego.value.ArrayValue;
import dev.cairn.rego.value.BoolValue;
import dev.cairn.rego.value.ObjectValue;
import dev.cairn.rego.value.SetValue;
import dev.cairn.rego.value.StringValue;
import dev.cairn.rego.value.Value;

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
		Functions.register("net.cidr_contains_matches", 2, (a) -> {
			java.util.Map<Value, String> outer = operands(a[0], 1);
			java.util.Map<Value, String> inner = operands(a[1], 2);
			SetValue.Builder out = SetValue.builder();
			outer.forEach((k1, c1) -> {
				Cidr container = Cidr.parse(c1, true);
				inner.forEach((k2, c2) -> {
					if (container.contains(Cidr.parse(c2, true))) {
						out.add(ArrayValue.of(k1, k2));
					}
				});
			});
			return out.build();
		});
		Functions.register("net.cidr_expand", 1, (a) -> {
			Cidr cidr = Cidr.parse(string(a[0], 1), false);
			if (cidr.bits() - cidr.prefix() > 16) {
				throw Functions.builtinError("CIDR too large to expand: " + string(a[0], 1));
			}
			SetValue.Builder out = SetValue.builder();
			BigInteger count = BigInteger.ONE.shiftLeft(cidr.bits() - cidr.prefix());
			for (BigInteger i = BigInteger.ZERO; i.compareTo(count) < 0; i = i.add(BigInteger.ONE)) {
				out.add(StringValue.of(cidr.address(cidr.network().add(i))));
			}
			return out.build();
		});
		Functions.register("net.cidr_intersects", 2, (a) -> {
			Cidr x = Cidr.parse(string(a[0], 1), false);
			Cidr y = Cidr.parse(string(a[1], 2), false);
			return BoolValue.of(x.contains(y) || y.contains(x));
		});
	}

	/**
	 * The CIDRs of a {@code cidr_contains_matches} operand by their keys: a string is its
	 * own key; arrays key by index, sets by element and objects by key; an element may be
	 * a tuple whose first item is the CIDR.
	 */
	private static java.util.Map<Value, String> operands(Value v, int pos) {
		java.util.Map<Value, String> out = new java.util.LinkedHashMap<>();
		if (v instanceof StringValue s) {
			out.put(s, s.value());
			return out;
		}
		if (!(v instanceof ArrayValue || v instanceof SetValue || v instanceof ObjectValue)) {
			throw Functions
				.typeError("operand " + pos + " must be one of {string, array, set, object} but got " + v.typeName());
		}
		Exprs.forEach(v, (key, element) -> {
			String cidr = (element instanceof StringValue s) ? s.value()
					: (element instanceof ArrayValue t && t.size() > 0 && t.get(0) instanceof StringValue s) ? s.value()
							: null;
			if (cidr == null) {
				throw Functions.builtinError("operand " + pos + ": element must be string or non-empty array");
			}
			out.put(key, cidr);
		});
		return out;
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

		/**
		 * An address of this network's family as Go prints it: IPv6 in lower case with
		 * the first longest run of two or more zero groups as {@code ::}, an IPv4-mapped
		 * address dotted.
		 */
		String address(BigInteger value) {
			byte[] raw = value.toByteArray();
			byte[] bytes = new byte[this.bits / 8];
			int copy = Math.min(raw.length, bytes.length);
			System.arraycopy(raw, raw.length - copy, bytes, bytes.length - copy, copy);
			if (bytes.length == 16 && !mapped(bytes)) {
				return ipv6(bytes);
			}
			int from = bytes.length - 4;
			return (bytes[from] & 0xff) + "." + (bytes[from + 1] & 0xff) + "." + (bytes[from + 2] & 0xff) + "."
					+ (bytes[from + 3] & 0xff);
		}

		@Override
		public String toString() {
			return address(this.network) + "/" + this.prefix;
		}

		private static boolean mapped(byte[] b) {
			for (int i = 0; i < 10; i++) {
				if (b[i] != 0) {
					return false;
				}
			}
			return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
		}

		static String ipv6(byte[] b) {
			int[] groups = new int[8];
			for (int i = 0; i < 8; i++) {
				groups[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
			}
			int runStart = -1;
			int runLength = 0;
			for (int i = 0; i < 8;) {
				int j = i;
				while (j < 8 && groups[j] == 0) {
					j++;
				}
				if (j - i > runLength) {
					runStart = i;
					runLength = j - i;
				}
				i = (j > i) ? j : i + 1;
			}
			if (runLength < 2) {
				runStart = -1;
			}
			StringBuilder sb = new StringBuilder();
			for (int i = 0; i < 8; i++) {
				if (i == runStart) {
					sb.append("::");
					i += runLength - 1;
					continue;
				}
				if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
					sb.append(':');
				}
				sb.append(Integer.toHexString(groups[i]));
			}
			return sb.toString();
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
