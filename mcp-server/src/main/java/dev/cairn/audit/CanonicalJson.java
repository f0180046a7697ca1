package dev.cairn.audit;

import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON form the trail digests and stores: object keys sorted at every level, no
 * whitespace, values as Jackson writes them. Two calls with the same arguments in any key
 * order get the same text, and so the same digest.
 */
final class CanonicalJson {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
		.build();

	private CanonicalJson() {
	}

	static String write(Object value) {
		return MAPPER.writeValueAsString(value);
	}

	/**
	 * Parses stored JSON; text that is not JSON (a cut copy) comes back as the string.
	 */
	static Object read(String json) {
		if (json == null) {
			return null;
		}
		try {
			return MAPPER.readValue(json, Object.class);
		}
		catch (JacksonException ex) {
			return json;
		}
	}

	static List<String> readStrings(String json) {
		if (json == null) {
			return List.of();
		}
		try {
			return MAPPER.readValue(json, new TypeReference<List<String>>() {
			});
		}
		catch (JacksonException ex) {
			return List.of(json);
		}
	}

}
