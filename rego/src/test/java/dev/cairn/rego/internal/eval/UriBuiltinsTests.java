package dev.cairn.rego.internal.eval;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UriBuiltinsTests {

	@Test
	void splitsUserInfoOffTheHostAndLeavesItOut() {
		assertThat(parse("HTTPS://ana:secret@example.com:8443/a+b?x=1&y=%20#frag%21"))
			.isEqualTo("{\"fragment\": \"frag!\", \"hostname\": \"example.com\", \"path\": \"/a+b\", "
					+ "\"port\": \"8443\", \"raw_path\": \"/a+b\", \"raw_query\": \"x=1&y=%20\", \"scheme\": \"https\"}");
	}

	@Test
	void rawPathIsReEscapedWhenWrittenUnescaped() {
		assertThat(parse("http://h/a b/ü")).isEqualTo("{\"hostname\": \"h\", \"path\": \"/a b/ü\", "
				+ "\"raw_path\": \"/a%20b/%C3%BC\", \"scheme\": \"http\"}");
	}

	@Test
	void aLeadingDigitMeansNoScheme() {
		assertThat(parse("/1http:x")).isEqualTo("{\"path\": \"/1http:x\", \"raw_path\": \"/1http:x\"}");
		assertThat(parse("//host/p")).isEqualTo("{\"hostname\": \"host\", \"path\": \"/p\", \"raw_path\": \"/p\"}");
	}

	@Test
	void validMeansAnAbsoluteUriOrPath() {
		assertThat(valid("https://example.com/path?q=1")).isTrue();
		assertThat(valid("/just/a/path")).isTrue();
		assertThat(valid("mailto:ana@example.com")).isTrue();
		assertThat(valid("relative/path")).isFalse();
		assertThat(valid("")).isFalse();
		assertThat(valid("http://host:80x/")).isFalse();
		assertThat(valid("http://a b/")).isFalse();
		assertThat(valid("http://host/%zz")).isFalse();
		assertThat(valid(":nothing")).isFalse();
	}

	private static String parse(String uri) {
		return UriBuiltins.parse(uri, false).toObject().toString();
	}

	private static boolean valid(String uri) {
		try {
			UriBuiltins.parse(uri, true);
			return true;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

}
