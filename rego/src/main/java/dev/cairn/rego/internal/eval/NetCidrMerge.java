package dev.cairn.rego.internal.eval;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.cairn.rego.value.ArrayValue;
import dev.cairn.rego.value.SetValue;
import dev.cairn.rego.value.StringValue;
import dev.cairn.rego.value.Value;

/**
 * {@code net.cidr_merge}: the fewest networks that cover exactly the given ones. A bare
 * IPv4 address stands for its classful network, as Go's {@code DefaultMask} gives it (so
 * {@code 192.0.2.1} is {@code 192.0.2.0/24}); a bare IPv6 address is an error.
 */
final class NetCidrMerge {

	private NetCidrMerge() {
	}

	static void registerAll() {
		Functions.register("net.cidr_merge", 1, (a) -> {
			if (!(a[0] instanceof ArrayValue || a[0] instanceof SetValue)) {
				throw Functions.typeError("operand 1 must be one of {array, set} but got " + a[0].typeName());
			}
			List<NetBuiltins.Cidr> v4 = new ArrayList<>();
			List<NetBuiltins.Cidr> v6 = new ArrayList<>();
			for (Value element : Functions.elements(a[0], 1, "net.cidr_merge")) {
				NetBuiltins.Cidr cidr = network(element);
				((cidr.bits() == 32) ? v4 : v6).add(cidr);
			}
			SetValue.Builder out = SetValue.builder();
			for (NetBuiltins.Cidr cidr : merge(v4)) {
				out.add(StringValue.of(cidr.toString()));
			}
			for (NetBuiltins.Cidr cidr : merge(v6)) {
				out.add(StringValue.of(cidr.toString()));
			}
			return out.build();
		});
	}

	private static NetBuiltins.Cidr network(Value element) {
		if (!(element instanceof StringValue s)) {
			throw Functions.typeError("element must be string but got " + element.typeName());
		}
		String text = s.value();
		if (text.contains("/")) {
			return NetBuiltins.Cidr.parse(text, false);
		}
		NetBuiltins.Cidr address = NetBuiltins.Cidr.parse(text, true);
		if (address.bits() != 32) {
			throw Functions.builtinError("IPv6 invalid: needs prefix length");
		}
		int first = address.network().shiftRight(24).intValue();
		int prefix = (first < 0x80) ? 8 : (first < 0xc0) ? 16 : 24;
		return NetBuiltins.Cidr.parse(text + "/" + prefix, false);
	}

	/** Networks of one family: drops those inside others, then joins sibling halves. */
	static List<NetBuiltins.Cidr> merge(List<NetBuiltins.Cidr> networks) {
		List<NetBuiltins.Cidr> sorted = new ArrayList<>(networks);
		sorted.sort(Comparator.comparing(NetBuiltins.Cidr::network).thenComparingInt(NetBuiltins.Cidr::prefix));
		List<NetBuiltins.Cidr> disjoint = new ArrayList<>();
		for (NetBuiltins.Cidr cidr : sorted) {
			if (disjoint.isEmpty() || !disjoint.get(disjoint.size() - 1).contains(cidr)) {
				disjoint.add(cidr);
			}
		}
		boolean joined = true;
		while (joined) {
			joined = false;
			List<NetBuiltins.Cidr> next = new ArrayList<>();
			for (int i = 0; i < disjoint.size(); i++) {
				NetBuiltins.Cidr a = disjoint.get(i);
				NetBuiltins.Cidr b = (i + 1 < disjoint.size()) ? disjoint.get(i + 1) : null;
				if (b != null && siblings(a, b)) {
					next.add(new NetBuiltins.Cidr(a.network(), a.prefix() - 1, a.bits()));
					i++;
					joined = true;
				}
				else {
					next.add(a);
				}
			}
			disjoint = next;
		}
		return disjoint;
	}

	/** Whether two networks are the two halves of one network a bit shorter. */
	private static boolean siblings(NetBuiltins.Cidr a, NetBuiltins.Cidr b) {
		if (a.prefix() != b.prefix() || a.prefix() == 0) {
			return false;
		}
		int hostBits = a.bits() - a.prefix();
		BigInteger size = BigInteger.ONE.shiftLeft(hostBits);
		return !a.network().testBit(hostBits) && b.network().equals(a.network().add(size));
	}

}
