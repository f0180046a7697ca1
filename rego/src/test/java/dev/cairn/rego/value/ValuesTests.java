package dev.cairn.rego.value;

import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Conversions between values, JSON and plain Java objects.
 */
class ValuesTests {

	@Test
	void parsesJsonExactlyAndWritesItBackAsItWasWritten() {
		String json = "{\"big\":123456789012345678901234567890,\"huge\":1e400,\"n\":1.0,\"neg\":-0,"
				+ "\"point\":0.1,\"tiny\":1E-400}";
		Value value = Values.parseJson(json);
		ObjectValue object = (ObjectValue) value;
		assertThat(object.get("big")).isEqualTo(NumberValue.of(new BigInteger("123456789012345678901234567890")));
		assertThat(object.get("huge")).isEqualTo(NumberValue.of(BigDecimal.TEN.pow(400)));
		assertThat(object.get("tiny")).isEqualTo(NumberValue.of(new BigDecimal("1e-400")));
		assertThat(object.get("point")).isEqualTo(NumberValue.of(new BigDecimal("0.1")));
		assertThat(object.get("n")).isEqualTo(NumberValue.ONE).hasToString("1.0");
		assertThat(Values.toJsonText(value)).isEqualTo(json);
		assertThat(Values.parseJson(Values.toJsonText(value))).isEqualTo(value);
	}

	@Test
	void readsEveryKindOfJsonValue() {
		Value value = Values.parseJson(" [null, true, false, -12, 3.5, \"s\\u00e9\\n\", [], {}, {\"a\": [1]}] ");
		assertThat(value).hasToString("[null, true, false, -12, 3.5, \"s\u00e9\\n\", [], {}, {\"a\": [1]}]");
		assertThat(Values.parseJson(new StringReader("{\"k\": \"v\"}"))).isEqualTo(ObjectValue.of(str("k"), str("v")));
		assertThat(Values.parseJson("9223372036854775808")).hasToString("9223372036854775808");
	}

	@Test
	void keepsTheLastOfRepeatedKeys() {
		assertThat(Values.parseJson("{\"a\": 1, \"a\": 2}")).isEqualTo(ObjectValue.of(str("a"), NumberValue.of(2)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "1 2", "{", "[1,]", "NaN", "01", "{a: 1}", "'x'", "[1] x", "\"unterminated" })
	void rejectsInvalidJson(String json) {
		assertThatIllegalArgumentException().isThrownBy(() -> Values.parseJson(json))
			.withMessageStartingWith("invalid JSON");
	}

	@Test
	void writesJsonAsGoDoes() {
		Value value = Values
			.parseJson("{\"z\": {\"b\": 1, \"a\": [true, null]}, \"\u00e9\": 1, \"A\": \"<a href='x'>&</a>\"}");
		assertThat(Values.toJsonText(value)).isEqualTo(
				"{\"A\":\"\\u003ca href='x'\\u003e\\u0026\\u003c/a\\u003e\",\"z\":{\"a\":[true,null],\"b\":1},\"\u00e9\":1}");
		assertThat(Values.toJsonText(str("\"\\\b\f\n\r\t\u0000\u001f\u007f\u2028\u2029\uD83D\uDE00")))
			.isEqualTo("\"\\\"\\\\\\b\\f\\n\\r\\t\\u0000\\u001f\u007f\\u2028\\u2029\uD83D\uDE00\"");
		assertThat(Values.toJsonText(str("\uD800"))).isEqualTo("\"\\ufffd\"");
		assertThat(Values.toJsonText(SetValue.of(str("b"), NumberValue.of(2), str("a")))).isEqualTo("[2,\"a\",\"b\"]");
		assertThat(Values.toJsonText(SetValue.EMPTY)).isEqualTo("[]");
		assertThat(Values.toJsonText(ObjectValue.EMPTY)).isEqualTo("{}");
		assertThat(Values.toJsonText(NumberValue.parse(".5"))).isEqualTo("0.5");
		assertThat(Values.toJsonText(NumberValue.parse("-.5"))).isEqualTo("-0.5");
		assertThat(Values.toJsonText(NumberValue.parse("1E3"))).isEqualTo("1E3");
		assertThat(Values.toJsonText(NumberValue.of(new BigDecimal("1e2000")))).isEqualTo("1e+2000");
	}

	@Test
	void turnsNonStringKeysIntoTheirJsonText() {
		ObjectValue object = ObjectValue.builder()
			.put(NumberValue.of(1), str("a"))
			.put(str("b"), NumberValue.of(2))
			.put(ArrayValue.of(NumberValue.of(1)), NumberValue.of(3))
			.put(BoolValue.TRUE, NumberValue.of(4))
			.put(NullValue.NULL, NumberValue.of(5))
			.put(ArrayValue.of(str("a<")), NumberValue.of(6))
			.put(SetValue.of(NumberValue.of(2), NumberValue.of(1)), NumberValue.of(7))
			.put(ObjectValue.of(str("k"), NumberValue.of(1)), NumberValue.of(8))
			.build();
		assertThat(Values.toJsonText(object)).isEqualTo("{\"1\":\"a\",\"[\\\"a\\\\u003c\\\"]\":6,\"[1,2]\":7,\"[1]\":3,"
				+ "\"b\":2,\"null\":5,\"true\":4,\"{\\\"k\\\":1}\":8}");
		Map<String, Object> map = asMap(Values.toJava(object));
		assertThat(map.keySet()).containsExactly("1", "[\"a\\u003c\"]", "[1,2]", "[1]", "b", "null", "true",
				"{\"k\":1}");
		JsonNode node = Values.toJson(object);
		assertThat(node.get("[1]").asInt()).isEqualTo(3);
	}

	@Test
	void letsTheLaterKeyWinWhenKeysCollideInJson() {
		// The number 1 sorts before the string "1", so the string's value wins.
		ObjectValue object = ObjectValue.builder()
			.put(str("1"), str("string"))
			.put(NumberValue.of(1), str("number"))
			.build();
		assertThat(Values.toJsonText(object)).isEqualTo("{\"1\":\"string\"}");
		assertThat(Values.toJava(object)).isEqualTo(Map.of("1", "string"));
	}

	@Test
	void convertsToPlainJava() {
		Value value = Values.parseJson("{\"a\": [1, 2.5, 123456789012345678901234567890, \"x\", null, true]}");
		Map<String, Object> map = asMap(Values.toJava(value));
		assertThat(asList(map.get("a"))).containsExactly(1L, new BigDecimal("2.5"),
				new BigInteger("123456789012345678901234567890"), "x", null, true);
		assertThat(Values.toJava(SetValue.of(NumberValue.of(2), NumberValue.of(1)))).isEqualTo(List.of(1L, 2L));
		assertThat(Values.toJava(NumberValue.parse("1e2"))).isEqualTo(100L);
	}

	@Test
	void convertsFromPlainJava() {
		Map<Object, Object> map = new LinkedHashMap<>();
		map.put("list", List.of(1, 2L, (short) 3, (byte) 4));
		map.put("set", new LinkedHashSet<>(List.of("b", "a", "b")));
		map.put(7, new Object[] { 'c', 0.1, 0.1f, null });
		map.put("numbers", List.of(new BigDecimal("1.50"), BigInteger.TWO.pow(80), 1e300, 3.0));
		map.put("value", SetValue.EMPTY);
		Value value = Values.fromJava(map);
		assertThat(value).hasToString("{7: [\"c\", 0.1, 0.1, null], \"list\": [1, 2, 3, 4], "
				+ "\"numbers\": [1.5, 1208925819614629174706176, 1e+300, 3], \"set\": {\"a\", \"b\"}, \"value\": set()}");
		assertThatIllegalArgumentException().isThrownBy(() -> Values.fromJava(new Object()));
		assertThatIllegalArgumentException().isThrownBy(() -> Values.fromJava(Double.NaN));
		assertThatIllegalArgumentException().isThrownBy(() -> Values.fromJava(List.of(Float.POSITIVE_INFINITY)));
	}

	@Test
	void roundTripsJacksonTrees() {
		JsonMapper mapper = JsonMapper.builder().build();
		JsonNode tree = mapper.readTree("{\"a\": [1, \"x\", null, false, {\"b\": 2}], \"c\": 9223372036854775808}");
		Value value = Values.fromJson(tree);
		assertThat(value).isEqualTo(Values.parseJson(tree.toString()));
		assertThat(Values.toJson(value)).isEqualTo(tree);
		Value exact = Values.parseJson("[0.1, 1e400, 123456789012345678901234567890.5]");
		assertThat(Values.fromJson(Values.toJson(exact))).isEqualTo(exact);
		assertThat(Values.fromJson(mapper.getNodeFactory().binaryNode(new byte[] { 1, 2, 3 }))).isEqualTo(str("AQID"));
		assertThat(Values.fromJava(tree)).isEqualTo(value);
	}

	@Test
	void roundTripsRandomValuesThroughJsonText() {
		java.util.Random random = new java.util.Random(11);
		List<Value> values = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			values.add(ValueOrderTests.randomValue(random, 3));
		}
		for (Value value : values) {
			Value back = Values.parseJson(Values.toJsonText(value));
			assertThat(Values.toJsonText(back)).isEqualTo(Values.toJsonText(value));
			assertThat(Values.fromJson(Values.toJson(value))).isEqualTo(back);
			assertThat(Values.fromJava(Values.toJava(value))).isEqualTo(back);
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> asMap(Object object) {
		return (Map<String, Object>) object;
	}

	@SuppressWarnings("unchecked")
	private static List<Object> asList(Object object) {
		return (List<Object>) object;
	}

	private static StringValue str(String value) {
		return StringValue.of(value);
	}

}
