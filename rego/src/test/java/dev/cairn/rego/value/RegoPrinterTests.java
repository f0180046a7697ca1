package dev.cairn.rego.value;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Printing in OPA's term syntax, as error messages and {@code print} show values.
 */
class RegoPrinterTests {

	@Test
	void printsScalarsAsOpa() {
		assertThat(NullValue.NULL).hasToString("null");
		assertThat(BoolValue.TRUE).hasToString("true");
		assertThat(BoolValue.FALSE).hasToString("false");
		assertThat(NumberValue.parse("1.0")).hasToString("1.0");
		assertThat(NumberValue.of(-42)).hasToString("-42");
		assertThat(StringValue.of("x")).hasToString("\"x\"");
	}

	@Test
	void printsCollectionsInSortOrder() {
		Value value = Values.parseJson("{\"b\": [1, {\"c\": null}], \"a\": 1}");
		assertThat(value).hasToString("{\"a\": 1, \"b\": [1, {\"c\": null}]}");
		assertThat(Values.toRego(value)).isEqualTo(value.toString());
		assertThat((Value) SetValue.of(NumberValue.of(2), NumberValue.of(1))).hasToString("{1, 2}");
		assertThat((Value) SetValue.EMPTY).hasToString("set()");
		assertThat(ObjectValue.EMPTY).hasToString("{}");
		assertThat((Value) ArrayValue.EMPTY).hasToString("[]");
		assertThat((Value) SetValue.of(SetValue.EMPTY,
				ObjectValue.of(NumberValue.of(1), SetValue.of(StringValue.of("s")))))
			.hasToString("{{1: {\"s\"}}, set()}");
	}

	@Test
	void quotesStringsAsGoStrconvQuote() {
		// The expected texts are Go's strconv.Quote of the same strings.
		assertThat(StringValue.of("a\u0000b")).hasToString("\"a\\x00b\"");
		assertThat(StringValue.of("\u0007\b\f\n\r\t\u000b")).hasToString("\"\\a\\b\\f\\n\\r\\t\\v\"");
		assertThat(StringValue.of("\u001b\u007f")).hasToString("\"\\x1b\\x7f\"");
		assertThat(StringValue.of("\u00a0\u00ad\u00e9")).hasToString("\"\\u00a0\\u00ad\u00e9\"");
		assertThat(StringValue.of("\u2028\u2029")).hasToString("\"\\u2028\\u2029\"");
		assertThat(StringValue.of("\uD83D\uDE00\uDB40\uDC01\uFEFF")).hasToString("\"\uD83D\uDE00\\U000e0001\\ufeff\"");
		assertThat(StringValue.of("\u0378\uDBFF\uDFFF\uE000")).hasToString("\"\\u0378\\U0010ffff\\ue000\"");
		assertThat(StringValue.of("\"\\")).hasToString("\"\\\"\\\\\"");
		assertThat(StringValue.of("\u0085\u3000")).hasToString("\"\\u0085\\u3000\"");
		assertThat(StringValue.of("<&>")).hasToString("\"<&>\"");
	}

}
