package dev.cairn.rego.value;

import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Conversions between values and JSON or plain Java objects, and printing.
 * <p>
 * JSON has no sets and only string keys, so going out to JSON follows OPA: a set becomes
 * an array of its elements in sort order, and a key that is not a string becomes its own
 * JSON text ({@code {1: "a"}} becomes {@code {"1":"a"}}; if that collides with a string
 * key, the later key in OPA's order wins).
 */
public final class Values {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private Values() {
	}

	/**
	 * Parses JSON text exactly: numbers keep all their digits and their text
	 * ({@code 1e400}, {@code 0.1}, {@code 123456789012345678901234567890}).
	 * @throws IllegalArgumentException if {@code json} is not one JSON value
	 */
	public static Value parseJson(String json) {
		return JsonReader.read(json);
	}

	/**
	 * Parses JSON text exactly, as {@link #parseJson(String)} does.
	 * @throws IllegalArgumentException if the text is not one JSON value
	 */
	public static Value parseJson(Reader json) {
		return JsonReader.read(json);
	}

	/**
	 * The value of a Jackson tree. Numbers are as exact as the tree holds them: a tree
	 * read with doubles has already rounded them, so prefer {@link #parseJson(String)}.
	 * Binary nodes become their base64 text, as Go marshals bytes.
	 * @throws IllegalArgumentException for missing and POJO nodes that hold no JSON
	 */
	public static Value fromJson(JsonNode node) {
		switch (node.getNodeType()) {
			case NULL:
				return NullValue.NULL;
			case BOOLEAN:
				return BoolValue.of(node.booleanValue());
			case NUMBER:
				return numberOf(node);
			case STRING:
				return StringValue.of(node.stringValue());
			case BINARY:
				return StringValue.of(Base64.getEncoder().encodeToString(node.binaryValue()));
			case ARRAY: {
				ArrayValue.Builder array = ArrayValue.builder(node.size());
				for (JsonNode element : node) {
					array.add(fromJson(element));
				}
				return array.build();
			}
			case OBJECT: {
				ObjectValue.Builder object = ObjectValue.builder(node.size());
				for (Map.Entry<String, JsonNode> property : node.properties()) {
					object.put(StringValue.of(property.getKey()), fromJson(property.getValue()));
				}
				return object.build();
			}
			default:
				throw new IllegalArgumentException("no JSON value in a " + node.getNodeType() + " node");
		}
	}

	private static NumberValue numberOf(JsonNode node) {
		if (node.isIntegralNumber()) {
			return node.canConvertToLong() ? NumberValue.of(node.longValue()) : NumberValue.of(node.bigIntegerValue());
		}
		if (node.isBigDecimal()) {
			return NumberValue.of(node.decimalValue());
		}
		return NumberValue.of(node.doubleValue());
	}

	/**
	 * The value of a plain Java object: {@code null}, {@link Boolean}, {@link String},
	 * {@link Character}, any {@link Number} (exactly, doubles by their decimal
	 * {@code toString}), {@link Map} (keys converted too), {@link Set} (to a Rego set),
	 * other {@link Collection}s and {@code Object[]} (to arrays), {@link JsonNode}, and
	 * values themselves.
	 * @throws IllegalArgumentException for anything else, and for NaN and infinities
	 */
	public static Value fromJava(Object object) {
		if (object == null) {
			return NullValue.NULL;
		}
		if (object instanceof Value value) {
			return value;
		}
		if (object instanceof String string) {
			return StringValue.of(string);
		}
		if (object instanceof Boolean bool) {
			return BoolValue.of(bool);
		}
		if (object instanceof Number number) {
			return numberOf(number);
		}
		if (object instanceof Character character) {
			return StringValue.of(character.toString());
		}
		if (object instanceof Map<?, ?> map) {
			ObjectValue.Builder builder = ObjectValue.builder(map.size());
			map.forEach((key, value) -> builder.put(fromJava(key), fromJava(value)));
			return builder.build();
		}
		if (object instanceof Set<?> set) {
			SetValue.Builder builder = SetValue.builder(set.size());
			set.forEach((element) -> builder.add(fromJava(element)));
			return builder.build();
		}
		if (object instanceof Collection<?> collection) {
			ArrayValue.Builder builder = ArrayValue.builder(collection.size());
			collection.forEach((element) -> builder.add(fromJava(element)));
			return builder.build();
		}
		if (object instanceof Object[] array) {
			ArrayValue.Builder builder = ArrayValue.builder(array.length);
			for (Object element : array) {
				builder.add(fromJava(element));
			}
			return builder.build();
		}
		if (object instanceof JsonNode node) {
			return fromJson(node);
		}
		throw new IllegalArgumentException("no Rego value for a " + object.getClass().getName());
	}

	private static NumberValue numberOf(Number number) {
		if (number instanceof Long || number instanceof Integer || number instanceof Short || number instanceof Byte) {
			return NumberValue.of(number.longValue());
		}
		if (number instanceof BigInteger big) {
			return NumberValue.of(big);
		}
		if (number instanceof BigDecimal decimal) {
			return NumberValue.of(decimal);
		}
		if (number instanceof Double || number instanceof Float) {
			double value = number.doubleValue();
			if (Double.isNaN(value) || Double.isInfinite(value)) {
				throw new IllegalArgumentException("not a finite number: " + value);
			}
			// Float's own decimal, not the binary expansion of its double.
			return (number instanceof Float) ? NumberValue.of(new BigDecimal(number.toString()))
					: NumberValue.of(value);
		}
		try {
			return NumberValue.parse(number.toString());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("no Rego value for the number " + number, ex);
		}
	}

	/**
	 * The plain Java form of {@code value}, as JSON would have it: {@code null},
	 * {@link Boolean}, {@link String}; numbers as {@link Long} when they fit, else
	 * {@link BigInteger} for integers and {@link BigDecimal} otherwise; arrays and sets
	 * (sorted) as {@link List}; objects as a {@link Map} from JSON keys, in Go's order of
	 * those keys. The collections are new and mutable.
	 */
	public static Object toJava(Value value) {
		if (value instanceof NullValue) {
			return null;
		}
		if (value instanceof BoolValue bool) {
			return bool.value();
		}
		if (value instanceof NumberValue number) {
			if (number.fitsLong()) {
				return number.asLong();
			}
			return number.isInteger() ? number.asBigInteger() : number.toBigDecimal();
		}
		if (value instanceof StringValue string) {
			return string.value();
		}
		if (value instanceof ArrayValue array) {
			return toJavaList(array.elementArray());
		}
		if (value instanceof SetValue set) {
			return toJavaList(set.elementArray());
		}
		ObjectValue object = (ObjectValue) value;
		Map<String, Object> map = new LinkedHashMap<>();
		if (JsonWriter.hasOnlyStringKeys(object)) {
			object.forEach((key, entry) -> map.put(((StringValue) key).value(), toJava(entry)));
		}
		else {
			JsonWriter.jsonEntries(object).forEach((key, entry) -> map.put(key, toJava(entry)));
		}
		return map;
	}

	private static List<Object> toJavaList(Value[] elements) {
		List<Object> list = new ArrayList<>(elements.length);
		for (Value element : elements) {
			list.add(toJava(element));
		}
		return list;
	}

	/**
	 * {@code value} as a Jackson tree, with the same mapping as {@link #toJava(Value)};
	 * numbers stay exact.
	 */
	public static JsonNode toJson(Value value) {
		if (value instanceof NullValue) {
			return NODES.nullNode();
		}
		if (value instanceof BoolValue bool) {
			return NODES.booleanNode(bool.value());
		}
		if (value instanceof NumberValue number) {
			if (number.fitsInt()) {
				return NODES.numberNode(number.asInt());
			}
			if (number.fitsLong()) {
				return NODES.numberNode(number.asLong());
			}
			BigDecimal decimal = number.toBigDecimal();
			// The node types Jackson reads integers into, unless the digits would run to
			// thousands.
			return (decimal.scale() <= 0 && decimal.scale() > -1000) ? NODES.numberNode(decimal.toBigIntegerExact())
					: NODES.numberNode(decimal);
		}
		if (value instanceof StringValue string) {
			return NODES.stringNode(string.value());
		}
		if (value instanceof ArrayValue array) {
			return toJsonArray(array.elementArray());
		}
		if (value instanceof SetValue set) {
			return toJsonArray(set.elementArray());
		}
		ObjectValue object = (ObjectValue) value;
		ObjectNode node = NODES.objectNode();
		if (JsonWriter.hasOnlyStringKeys(object)) {
			object.forEach((key, entry) -> node.set(((StringValue) key).value(), toJson(entry)));
		}
		else {
			JsonWriter.jsonEntries(object).forEach((key, entry) -> node.set(key, toJson(entry)));
		}
		return node;
	}

	private static ArrayNode toJsonArray(Value[] elements) {
		ArrayNode node = NODES.arrayNode(elements.length);
		for (Value element : elements) {
			node.add(toJson(element));
		}
		return node;
	}

	/**
	 * {@code value} as compact JSON text, byte for byte as OPA's {@code json.marshal}
	 * writes it: keys sorted, {@code <}, {@code >} and {@code &} escaped, numbers as they
	 * were written.
	 */
	/**
	 * {@code value} placed under {@code path}: {@code ["a", "b"]} and {@code 1} give
	 * {@code {"a": {"b": 1}}}, as OPA places a data file found in folder {@code a/b}.
	 */
	public static Value nest(List<String> path, Value value) {
		Value placed = value;
		for (int i = path.size() - 1; i >= 0; i--) {
			placed = ObjectValue.of(StringValue.of(path.get(i)), placed);
		}
		return placed;
	}

	/**
	 * Two data documents merged as OPA merges data files: objects key by key, and nothing
	 * else may be defined by both.
	 * @return the merged document, or {@code null} when the documents overlap
	 */
	public static ObjectValue mergeData(ObjectValue a, ObjectValue b) {
		return (ObjectValue) mergeDisjoint(a, b);
	}

	private static Value mergeDisjoint(Value a, Value b) {
		if (!(a instanceof ObjectValue x) || !(b instanceof ObjectValue y)) {
			return null;
		}
		ObjectValue out = x;
		for (int i = 0; i < y.size(); i++) {
			Value mine = x.get(y.key(i));
			Value value = (mine != null) ? mergeDisjoint(mine, y.value(i)) : y.value(i);
			if (value == null) {
				return null;
			}
			out = out.put(y.key(i), value);
		}
		return out;
	}

	public static String toJsonText(Value value) {
		return JsonWriter.write(value);
	}

	/**
	 * {@code value} in Rego's term syntax, as OPA prints terms: {@code {"a": 1}},
	 * {@code {1, 2}}, {@code set()}, {@code "x"}. The same as {@code value.toString()}.
	 */
	public static String toRego(Value value) {
		return RegoPrinter.print(value);
	}

}
