package dev.cairn.rego.test;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GoTextTests {

	@Test
	void formatsDurationsAsGo() {
		assertThat(GoText.duration(0)).isEqualTo("0s");
		assertThat(GoText.duration(999)).isEqualTo("999ns");
		assertThat(GoText.duration(1_200)).isEqualTo("1.2µs");
		assertThat(GoText.duration(68_875)).isEqualTo("68.875µs");
		assertThat(GoText.duration(2_000_000)).isEqualTo("2ms");
		assertThat(GoText.duration(1_234_567)).isEqualTo("1.234567ms");
		assertThat(GoText.duration(1_500_000_000L)).isEqualTo("1.5s");
		assertThat(GoText.duration(61_500_000_000L)).isEqualTo("1m1.5s");
		assertThat(GoText.duration(3_600_000_000_000L)).isEqualTo("1h0m0s");
	}

	@Test
	void formatsFloatsAsGoJson() {
		assertThat(GoText.number(0)).isEqualTo("0");
		assertThat(GoText.number(100)).isEqualTo("100");
		assertThat(GoText.number(37.5)).isEqualTo("37.5");
		assertThat(GoText.number(200.0 / 3)).isEqualTo("66.66666666666667");
	}

	@Test
	void escapesJsonStringsAsGo() {
		assertThat(GoJson.write("a<b>&\"\\\n\u0001")).isEqualTo("\"a\\u003cb\\u003e\\u0026\\\"\\\\\\n\\u0001\"");
	}

}
