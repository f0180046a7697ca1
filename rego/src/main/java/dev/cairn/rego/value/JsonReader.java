package dev.cairn.rego.value;

import java.io.Reader;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads JSON text straight into values, token by token, keeping every number exact and
 * its text (as OPA reads input with {@code json.Number}); for a repeated key the last
 * value wins, as with Go's decoder.
 */
final class JsonReader {

	private static final JsonFactory FACTORY = JsonFactory.builder()
		.streamReadConstraints(StreamReadConstraints.builder().maxNumberLength(10_000).build())
		.build();

	private JsonReader() {
	}

	static Value read(String json) {
		try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), json)) {
			return readDocument(parser);
		}
		catch (JacksonException ex) {
			throw invalid(ex);
		}
	}

	static Value read(Reader json) {
		try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), json)) {
			return readDocument(parser);
		}
		catch (JacksonException ex) {
			throw invalid(ex);
		}
	}

	private static IllegalArgumentException invalid(JacksonException ex) {
		return new IllegalArgumentException("invalid JSON: " + ex.getOriginalMessage(), ex);
	}

	private static Value readDocument(JsonParser parser) {
		JsonToken token = parser.nextToken();
		if (token == null) {
			throw new IllegalArgumentException("invalid JSON: no value");
		}
		Value value = readValue(parser, token);
		if (parser.nextToken() != null) {
			throw new IllegalArgumentException("invalid JSON: more than one value");
		}
		return value;
	}

	private static Value readValue(JsonParser parser, JsonToken token) {
		switch (token) {
			case START_OBJECT: {
				ObjectValue.Builder object = ObjectValue.builder();
				while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
					StringValue key = StringValue.of(parser.currentName());
					object.put(key, readValue(parser, parser.nextToken()));
				}
				return object.build();
			}
			case START_ARRAY: {
				ArrayValue.Builder array = ArrayValue.builder();
				JsonToken next;
				while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
					array.add(readValue(parser, next));
				}
				return array.build();
			}
			case VALUE_STRING:
				return StringValue.of(parser.getString());
			case VALUE_NUMBER_INT:
				return readInteger(parser);
			case VALUE_NUMBER_FLOAT:
				return NumberValue.parse(parser.getText());
			case VALUE_TRUE:
				return BoolValue.TRUE;
			case VALUE_FALSE:
				return BoolValue.FALSE;
			case VALUE_NULL:
				return NullValue.NULL;
			default:
				throw new IllegalArgumentException("invalid JSON: unexpected " + token);
		}
	}

	private static Value readInteger(JsonParser parser) {
		JsonParser.NumberType type = parser.getNumberType();
		if (type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG) {
			long value = parser.getLongValue();
			// Only zero can be written in a way that prints differently: -0.
			if (value != 0) {
				return NumberValue.of(value);
			}
		}
		return NumberValue.parse(parser.getText());
	}

}
