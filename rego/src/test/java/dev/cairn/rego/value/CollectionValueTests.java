package dev.cairn.rego.value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Arrays, sets and objects: construction, lookup, sorted iteration, operations and
 * immutability.
 */
class CollectionValueTests {

	@Test
	void arraysKeepOrderAndIndex() {
		ArrayValue array = ArrayValue.of(num(3), str("a"), num(1));
		assertThat(array.size()).isEqualTo(3);
		assertThat(array.get(1)).isEqualTo(str("a"));
		assertThat(array.elements()).containsExactly(num(3), str("a"), num(1));
		assertThat(array.slice(1, 3).elements()).containsExactly(str("a"), num(1));
		assertThat((Value) array.slice(0, 3)).isSameAs(array);
		assertThat((Value) array.slice(1, 1)).isSameAs(ArrayValue.EMPTY);
		assertThat(array.append(NullValue.NULL).elements()).containsExactly(num(3), str("a"), num(1), NullValue.NULL);
		assertThat(array.concat(ArrayValue.of(num(9))).size()).isEqualTo(4);
		assertThatExceptionOfType(IndexOutOfBoundsException.class).isThrownBy(() -> array.get(3));
		assertThatExceptionOfType(IndexOutOfBoundsException.class).isThrownBy(() -> array.slice(2, 1));
	}

	@Test
	void arraysDoNotShareTheirCallersArrays() {
		Value[] elements = { num(1), num(2) };
		ArrayValue array = ArrayValue.of(elements);
		elements[0] = num(9);
		assertThat(array.get(0)).isEqualTo(num(1));
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> array.elements().set(0, num(5)));
		List<Value> list = new ArrayList<>(List.of(num(1)));
		ArrayValue fromList = ArrayValue.of(list);
		list.add(num(2));
		assertThat(fromList.size()).isEqualTo(1);
	}

	@Test
	void buildersBuildOnce() {
		ArrayValue.Builder arrays = ArrayValue.builder().add(num(1));
		assertThat(arrays.build().size()).isEqualTo(1);
		assertThatIllegalStateException().isThrownBy(() -> arrays.add(num(2)));
		SetValue.Builder sets = SetValue.builder();
		sets.build();
		assertThatIllegalStateException().isThrownBy(() -> sets.add(num(2)));
		ObjectValue.Builder objects = ObjectValue.builder();
		objects.build();
		assertThatIllegalStateException().isThrownBy(() -> objects.put(num(2), num(2)));
		assertThat((Value) ArrayValue.builder().build()).isSameAs(ArrayValue.EMPTY);
		assertThat((Value) SetValue.builder().build()).isSameAs(SetValue.EMPTY);
		assertThat(ObjectValue.builder().build()).isSameAs(ObjectValue.EMPTY);
	}

	@Test
	void setsDropDuplicatesAndIterateSorted() {
		SetValue set = SetValue.of(str("b"), num(2), str("a"), num(2.0), NullValue.NULL, ArrayValue.EMPTY);
		assertThat(set.elements()).containsExactly(NullValue.NULL, num(2), str("a"), str("b"), ArrayValue.EMPTY);
		assertThat(set.contains(num(2))).isTrue();
		assertThat(set.contains(NumberValue.parse("2.00"))).isTrue();
		assertThat(set.contains(str("c"))).isFalse();
		assertThat(set.get(0)).isEqualTo(NullValue.NULL);
		assertThat(set.toArray().elements()).containsExactlyElementsOf(set.elements());
		List<Value> iterated = new ArrayList<>();
		set.forEach(iterated::add);
		assertThat(iterated).containsExactlyElementsOf(set.elements());
	}

	@Test
	void setBuildersReportWhatTheyAdd() {
		SetValue.Builder builder = SetValue.builder(2);
		assertThat(builder.add(num(1))).isTrue();
		assertThat(builder.add(NumberValue.parse("1.0"))).isFalse();
		assertThat(builder.contains(num(1))).isTrue();
		builder.addAll(List.of(num(3), num(2), num(3)));
		assertThat(builder.size()).isEqualTo(3);
		assertThat(builder.build().elements()).containsExactly(num(1), num(2), num(3));
	}

	@Test
	void combinesSets() {
		SetValue a = SetValue.of(num(1), num(2), num(3), num(4));
		SetValue b = SetValue.of(num(1), num(3), num(5));
		assertThat(a.union(b).elements()).containsExactly(num(1), num(2), num(3), num(4), num(5));
		assertThat(a.intersect(b).elements()).containsExactly(num(1), num(3));
		assertThat(a.difference(b).elements()).containsExactly(num(2), num(4));
		assertThat(b.difference(a).elements()).containsExactly(num(5));
		assertThat((Value) a.union(SetValue.of(num(2)))).isSameAs(a);
		assertThat((Value) a.difference(SetValue.EMPTY)).isSameAs(a);
		assertThat((Value) a.intersect(SetValue.of(str("x")))).isSameAs(SetValue.EMPTY);
		assertThat(a.add(num(0)).elements()).containsExactly(num(0), num(1), num(2), num(3), num(4));
		assertThat((Value) a.add(num(2))).isSameAs(a);
		assertThat(a.elements()).containsExactly(num(1), num(2), num(3), num(4));
	}

	@Test
	void objectsLookUpAnyKeyAndIterateInKeyOrder() {
		ObjectValue object = ObjectValue.builder()
			.put("b", num(2))
			.put(num(1), str("one"))
			.put("a", num(1))
			.put(ArrayValue.of(num(1)), BoolValue.TRUE)
			.put(NullValue.NULL, NullValue.NULL)
			.build();
		assertThat(object.keys()).containsExactly(NullValue.NULL, num(1), str("a"), str("b"), ArrayValue.of(num(1)));
		assertThat(object.values()).containsExactly(NullValue.NULL, str("one"), num(1), num(2), BoolValue.TRUE);
		assertThat(object.get("a")).isEqualTo(num(1));
		assertThat(object.get(str("b"))).isEqualTo(num(2));
		assertThat(object.get(NumberValue.parse("1.0"))).isEqualTo(str("one"));
		assertThat(object.get(ArrayValue.of(NumberValue.parse("1e0")))).isEqualTo(BoolValue.TRUE);
		assertThat(object.get("c")).isNull();
		assertThat(object.get(str("1"))).isNull();
		assertThat(object.containsKey(NullValue.NULL)).isTrue();
		assertThat(object.key(2)).isEqualTo(str("a"));
		assertThat(object.value(2)).isEqualTo(num(1));
		assertThat(object.keySet().contains(str("b"))).isTrue();
		Map<Value, Value> seen = new LinkedHashMap<>();
		object.forEach(seen::put);
		assertThat(seen.keySet()).containsExactlyElementsOf(object.keys());
	}

	@Test
	void laterEntriesReplaceEarlierOnes() {
		ObjectValue.Builder builder = ObjectValue.builder().put("a", num(1)).put("a", num(2));
		assertThat(builder.get(str("a"))).isEqualTo(num(2));
		assertThat(builder.size()).isEqualTo(1);
		assertThat(builder.build().get("a")).isEqualTo(num(2));
	}

	@Test
	void updatesObjectsIntoNewOnes() {
		ObjectValue object = ObjectValue.of(Map.of(str("a"), num(1), str("c"), num(3)));
		ObjectValue added = object.put(str("b"), num(2));
		assertThat(added.keys()).containsExactly(str("a"), str("b"), str("c"));
		assertThat(object.keys()).containsExactly(str("a"), str("c"));
		assertThat(object.put(str("a"), num(9)).get("a")).isEqualTo(num(9));
		assertThat(object.get("a")).isEqualTo(num(1));
		assertThat(object.put(str("a"), num(1))).isSameAs(object);
		assertThat(added.remove(str("b"))).isEqualTo(object);
		assertThat(object.remove(str("x"))).isSameAs(object);
		assertThat(ObjectValue.of(str("a"), num(1)).remove(str("a"))).isSameAs(ObjectValue.EMPTY);
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> object.keys().add(str("z")));
	}

	@Test
	void largeCollectionsFindEveryMember() {
		Random random = new Random(3);
		SetValue.Builder set = SetValue.builder();
		ObjectValue.Builder object = ObjectValue.builder();
		List<Value> members = new ArrayList<>();
		for (int i = 0; i < 5000; i++) {
			Value value = (i % 3 == 0) ? num(random.nextInt(100_000)) : str("k" + random.nextInt(100_000));
			members.add(value);
			set.add(value);
			object.put(value, num(i));
		}
		SetValue builtSet = set.build();
		ObjectValue builtObject = object.build();
		assertThat(builtSet.size()).isEqualTo(builtObject.size());
		for (Value member : members) {
			assertThat(builtSet.contains(member)).isTrue();
			assertThat(builtObject.containsKey(member)).isTrue();
		}
		assertThat(builtSet.contains(str("absent"))).isFalse();
		assertThat(SetValue.isSorted(builtSet.elementArray())).isTrue();
		assertThat((Value) builtObject.keySet()).isEqualTo(builtSet);
		assertThat(builtSet.union(SetValue.of(str("zz"))).contains(str("k1"))).isEqualTo(builtSet.contains(str("k1")));
	}

	@Test
	void equalCollectionsHashAlike() {
		assertThat(SetValue.of(num(1), num(2)).hashCode()).isEqualTo(SetValue.of(num(2), num(1)).hashCode());
		assertThat((Value) SetValue.of(num(1), num(2))).isEqualTo(SetValue.of(num(2), num(1)));
		ObjectValue ab = ObjectValue.builder().put("a", num(1)).put("b", num(2)).build();
		ObjectValue ba = ObjectValue.builder().put("b", num(2)).put("a", NumberValue.parse("1.0")).build();
		assertThat((Value) ab).isEqualTo(ba);
		assertThat(ab.hashCode()).isEqualTo(ba.hashCode());
		assertThat((Value) ab).isNotEqualTo(ObjectValue.builder().put("a", num(1)).put("b", num(3)).build());
		assertThat((Value) ArrayValue.of(num(1), num(2))).isNotEqualTo(ArrayValue.of(num(2), num(1)));
		assertThat((Value) ArrayValue.of(num(1))).isNotEqualTo(SetValue.of(num(1)));
	}

	private static NumberValue num(double value) {
		return NumberValue.of(value);
	}

	private static StringValue str(String value) {
		return StringValue.of(value);
	}

}
