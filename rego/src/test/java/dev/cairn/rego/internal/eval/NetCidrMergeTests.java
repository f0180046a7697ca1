package dev.cairn.rego.internal.eval;

import java.math.BigInteger;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.cairn.rego.Rego;
import dev.cairn.rego.value.Value;

import static org.assertj.core.api.Assertions.assertThat;

class NetCidrMergeTests {

	@Test
	void printsIpv6AsGoDoes() {
		assertThat(address("2001:db8:0:0:1:0:0:1")).isEqualTo("2001:db8::1:0:0:1");
		assertThat(address("2001:0:0:1:0:0:0:1")).isEqualTo("2001:0:0:1::1");
		assertThat(address("2001:db8:0:1:1:1:1:1")).isEqualTo("2001:db8:0:1:1:1:1:1");
		assertThat(address("0:0:0:0:0:0:0:0")).isEqualTo("::");
		assertThat(address("FE80:0:0:0:0:0:0:0")).isEqualTo("fe80::");
	}

	@Test
	void printsIpv4MappedAddressesDotted() {
		NetBuiltins.Cidr any = NetBuiltins.Cidr.parse("::/0", false);
		assertThat(any.address(new BigInteger("ffffc0000201", 16))).isEqualTo("192.0.2.1");
	}

	@Test
	void bareIpv4AddressesTakeTheirClassfulNetwork() {
		assertThat(merge("[\"10.1.2.3\", \"172.16.0.1\", \"192.0.2.1\", \"224.0.0.1\"]"))
			.isEqualTo("{\"10.0.0.0/8\", \"172.16.0.0/16\", \"192.0.2.0/24\", \"224.0.0.0/24\"}");
	}

	@Test
	void joinsHalvesUntilNoneAreLeft() {
		assertThat(merge("[\"10.0.0.192/26\", \"10.0.0.0/25\", \"10.0.0.128/26\", \"10.0.1.0/24\"]"))
			.isEqualTo("{\"10.0.0.0/23\"}");
		// Adjacent but not halves of one network: 10.0.1.0/24 and 10.0.2.0/24.
		assertThat(merge("[\"10.0.1.0/24\", \"10.0.2.0/24\"]")).isEqualTo("{\"10.0.1.0/24\", \"10.0.2.0/24\"}");
	}

	@Test
	void expandsIpv6InGoNotation() {
		List<java.util.Map<String, Value>> rows = Rego.builder()
			.build()
			.prepare("x := net.cidr_expand(\"2001:db8::/127\")")
			.evaluate(null)
			.rows();
		assertThat(rows.get(0).get("x").toString()).isEqualTo("{\"2001:db8::\", \"2001:db8::1\"}");
	}

	private static String address(String literal) {
		NetBuiltins.Cidr cidr = NetBuiltins.Cidr.parse(literal + "/128", false);
		return cidr.address(cidr.network());
	}

	private static String merge(String networks) {
		return Rego.builder()
			.build()
			.prepare("x := net.cidr_merge(" + networks + ")")
			.evaluate(null)
			.rows()
			.get(0)
			.get("x")
			.toString();
	}

}
