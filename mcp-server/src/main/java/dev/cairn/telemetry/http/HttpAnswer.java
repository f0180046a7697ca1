package dev.cairn.telemetry.http;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a backend answered, read up to a cap. The body is the reader's buffer, not a copy:
 * only its first {@code length} bytes count, which spares copying an answer of many
 * megabytes once more.
 *
 * @param status the HTTP status
 * @param headers the response headers
 * @param body the bytes read; only the first {@code length} count
 * @param length how many bytes were read
 * @param cut whether the answer was longer than the cap and the rest was not read
 */
public record HttpAnswer(int status, HttpHeaders headers, byte[] body, int length, boolean cut) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	public boolean ok() {
		return this.status / 100 == 2;
	}

	/** The first value of a header, or {@code null}. */
	public String header(String name) {
		return this.headers.firstValue(name).orElse(null);
	}

	/** The body as UTF-8 text. */
	public String text() {
		return new String(this.body, 0, this.length, StandardCharsets.UTF_8);
	}

	/**
	 * The body as JSON, or {@code null} when it is empty, cut, or not JSON (an error
	 * page, say).
	 */
	public JsonNode jsonOrNull() {
		if (this.length == 0 || this.cut) {
			return null;
		}
		try {
			return readJson();
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	JsonNode readJson() {
		return JSON.readTree(this.body, 0, this.length);
	}

}
