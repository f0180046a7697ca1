package dev.cairn.rego.value;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OPA's total order ({@code ast.Compare}) and its agreement with equals and hashCode.
 */
class ValueOrderTests {

	private static final Value NULL = NullValue.NULL;

	@Test
	void ordersKindsAsOpa() {
		List<Value> ascending = List.of(NULL, BoolValue.FALSE, BoolValue.TRUE, num("-1e400"), num("0"), num("1e400"),
				str(""), str("a"), ArrayValue.EMPTY, ArrayValue.of(num("1")), ObjectValue.EMPTY,
				ObjectValue.of(str("a"), num("1")), SetValue.EMPTY, SetValue.of(num("1")));
		assertStrictlyAscending(ascending);
		assertThat(Value.Kind.values()).extracting(Value.Kind::typeName)
			.containsExactly("null", "boolean", "number", "string", "array", "object", "set");
	}

	@Test
	void ordersStringsByUtf8BytesNotUtf16Units() {
		// U+FF5E is below U+1F600 in UTF-8, but above it in UTF-16 (surrogate D83D).
		String fullwidthTilde = "\uFF5E";
		String grinning = "\uD83D\uDE00";
		assertThat(fullwidthTilde.compareTo(grinning)).isPositive();
		assertThat(str(fullwidthTilde)).isLessThan(str(grinning));
		assertThat(StringValue.compareUtf8("\uE000", "\uD800\uDC00")).isNegative();
		assertThat(StringValue.compareUtf8("\uD7FF", "\uD800\uDC00")).isNegative();
		assertStrictlyAscending(List.of(str(""), str("A"), str("B"), str("a"), str("ab"), str("b"), str("\u00e9"),
				str("\uFFFF"), str(grinning), str(grinning + "a")));
	}

	@Test
	void ordersArraysElementWiseThenShorterFirst() {
		assertStrictlyAscending(List.of(ArrayValue.EMPTY, ArrayValue.of(NULL), ArrayValue.of(num("1")),
				ArrayValue.of(num("1"), num("1")), ArrayValue.of(num("1"), str("a")), ArrayValue.of(num("2")),
				ArrayValue.of(str("a"))));
	}

	@Test
	void ordersObjectsBySortedEntriesThenSize() {
		// The cases of OPA's compare_test.go.
		assertThat(obj(1, 2, 3, 4)).isLessThan(obj(4, 3, 1, 2));
		assertThat(obj(1, 2, 3, 4)).isLessThan(obj(1, 2, 4, 3));
		assertThat(obj(1, 2, 3, 4)).isLessThan(obj(1, 2, 3, 5));
		assertThat(obj(1, 2, 3, 4)).isLessThan(obj(1, 2, 3, 4, 5, 6));
		assertThat(obj(1, 2, 3, 4, 5, 6)).isGreaterThan(obj(1, 2, 3, 4));
		// A key decides before the value of an earlier key.
		assertThat(obj(1, 9)).isLessThan(obj(2, 0));
		assertThat(obj(1, 2, 3, 4).compareTo(obj(3, 4, 1, 2))).isZero();
	}

	@Test
	void ordersSetsBySortedElementsThenSize() {
		assertStrictlyAscending(List.of(SetValue.EMPTY, SetValue.of(num("1")), SetValue.of(num("1"), num("2")),
				SetValue.of(num("1"), num("3")), SetValue.of(num("2")), SetValue.of(str("a"))));
		assertThat(SetValue.of(num("3"), num("1")).compareTo(SetValue.of(num("1"), num("3")))).isZero();
	}

	@Test
	void ordersNumbersInsideCollectionsByValue() {
		assertThat((Value) ArrayValue.of(num("1.0"))).isEqualTo(ArrayValue.of(num("1")));
		assertThat(SetValue.of(num("1"), num("1.0"), num("1e0")).size()).isEqualTo(1);
		assertThat(obj(1, 2).get(num("1.0"))).isEqualTo(num("2"));
		assertThat(ObjectValue.of(num("2.0"), str("x")).hashCode())
			.isEqualTo(ObjectValue.of(num("2"), str("x")).hashCode());
	}

	@Test
	void agreesWithEqualsAndHashCodeOnRandomValues() {
		Random random = new Random(7);
		List<Value> values = new ArrayList<>();
		for (int i = 0; i < 400; i++) {
			values.add(randomValue(random, 3));
		}
		for (Value a : values) {
			assertThat(a.compareTo(a)).isZero();
			for (Value b : values) {
				int ab = a.compareTo(b);
				assertThat(Integer.signum(ab)).isEqualTo(-Integer.signum(b.compareTo(a)));
				assertThat(ab == 0).isEqualTo(a.equals(b));
				if (ab == 0) {
					assertThat(a.hashCode()).isEqualTo(b.hashCode());
				}
			}
		}
		List<Value> sorted = new ArrayList<>(values);
		sorted.sort(null);
		for (int i = 2; i < sorted.size(); i++) {
			assertThat(sorted.get(i - 2).compareTo(sorted.get(i))).isNotPositive();
		}
	}

	static Value randomValue(Random random, int depth) {
		int kind = random.nextInt((depth > 0) ? 7 : 4);
		return switch (kind) {
			case 0 -> (random.nextInt(4) == 0) ? NULL : BoolValue.of(random.nextBoolean());
			case 1 -> randomNumber(random);
			case 2, 3 -> str(List.of("", "a", "b", "ab", "\u00e9", "\uFF5E", "\uD83D\uDE00").get(random.nextInt(7)));
			case 4 -> {
				ArrayValue.Builder array = ArrayValue.builder();
				for (int i = random.nextInt(3); i > 0; i--) {
					array.add(randomValue(random, depth - 1));
				}
				yield array.build();
			}
			case 5 -> {
				ObjectValue.Builder object = ObjectValue.builder();
				for (int i = random.nextInt(3); i > 0; i--) {
					object.put(randomValue(random, 0), randomValue(random, depth - 1));
				}
				yield object.build();
			}
			default -> {
				SetValue.Builder set = SetValue.builder();
				for (int i = random.nextInt(3); i > 0; i--) {
					set.add(randomValue(random, depth - 1));
				}
				yield set.build();
			}
		};
	}

	private static Value randomNumber(Random random) {
		String[] texts = { "0", "-0", "1", "1.0", "1e0", "-1", "2", "2.5", "2.50", "0.1", "1e400", "10e399",
				"18446744073709551617", "-9223372036854775808", "-9223372036854775808.0" };
		return num(texts[random.nextInt(texts.length)]);
	}

	private static void assertStrictlyAscending(List<Value> values) {
		for (int i = 0; i < values.size(); i++) {
			for (int j = 0; j < values.size(); j++) {
				assertThat(Integer.signum(values.get(i).compareTo(values.get(j))))
					.as("%s vs %s", values.get(i), values.get(j))
					.isEqualTo(Integer.compare(i, j));
			}
		}
	}

	private static ObjectValue obj(int... keysAndValues) {
		ObjectValue.Builder builder = ObjectValue.builder();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			builder.put(NumberValue.of(keysAndValues[i]), NumberValue.of(keysAndValues[i + 1]));
		}
		return builder.build();
	}

	private static NumberValue num(String text) {
		return NumberValue.parse(text);
	}

	private static StringValue str(String value) {
		return StringValue.of(value);
	}

}
