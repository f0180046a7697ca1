package dev.cairn.telemetry.loki;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * One answer of Loki's {@code query_range} read as a stream of tokens, keeping only the
 * newest {@code limit} lines whatever the server sends: {@code {"status": "success",
 * "data": {"resultType": "streams", "result": [{"stream": {labels}, "values": [["<unix
 * ns>", "<line>"], ["<unix ns>", "<line>", {metadata}]]}], "stats": {...}}}}. The
 * optional third element holds structured metadata, either flat or (with Loki's
 * {@code categorize-labels} encoding) as {@code structuredMetadata} and {@code parsed}.
 * Streams are merged by time whatever order they come in; kept lines are already cut to
 * {@code maxLineBytes}, so memory stays within {@code limit} of them.
 */
final class LokiAnswer {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The answer is not JSON of the API's shape. */
	static final class Unreadable extends Exception {

		Unreadable(String message) {
			super(message, null, false, false);
		}

	}

	/** One stream's labels, shared by its lines. */
	static final class Stream {

		final Map<String, String> labels = new LinkedHashMap<>();

	}

	/**
	 * A line kept for the page.
	 *
	 * @param nanos its time
	 * @param order its place in the answer, to order lines of the same time
	 * @param stream its stream
	 * @param metadata its structured metadata, or {@code null}
	 * @param text the line, cut to at most {@code maxLineBytes}
	 * @param bytes the whole line's length in UTF-8
	 */
	record Kept(long nanos, long order, Stream stream, Map<String, String> metadata, String text, long bytes) {

	}

	/** Newest first; of lines with the same time, the one that came first. */
	static final Comparator<Kept> NEWEST_FIRST = Comparator.comparingLong(Kept::nanos)
		.reversed()
		.thenComparingLong(Kept::order);

	private final int limit;

	private final String minimumLevel;

	private final int maxLineBytes;

	/** The least new kept line on top. */
	private final PriorityQueue<Kept> kept;

	String status;

	String resultType;

	/** Whether the result holds samples (a metric query) rather than streams. */
	boolean samples;

	/** Lines the answer held, before the level check. */
	long lines;

	/** Lines the level check left out. */
	long belowLevel;

	/** Whether matching lines were dropped to stay within {@code limit}. */
	boolean overflow;

	/** Whether the answer was cut at the byte cap before its end. */
	boolean cut;

	private long order;

	private LokiAnswer(int limit, String minimumLevel, int maxLineBytes) {
		this.limit = limit;
		this.minimumLevel = minimumLevel;
		this.maxLineBytes = maxLineBytes;
		this.kept = new PriorityQueue<>(Math.min(limit, 1024) + 1, NEWEST_FIRST.reversed());
	}

	/**
	 * @param minimumLevel lines whose level can be told and is lower are left out, or
	 * {@code null} to keep every line
	 */
	static LokiAnswer read(byte[] body, int length, boolean cut, int limit, String minimumLevel, int maxLineBytes)
			throws Unreadable {
		LokiAnswer answer = new LokiAnswer(limit, minimumLevel, maxLineBytes);
		try (JsonParser json = JSON.createParser(body, 0, length)) {
			if (json.nextToken() != JsonToken.START_OBJECT) {
				throw new Unreadable("not a JSON object");
			}
			answer.readTop(json);
		}
		catch (JacksonException ex) {
			if (!cut || answer.status == null) {
				throw new Unreadable((cut ? "cut before its status: " : "") + ex.getOriginalMessage());
			}
			answer.cut = true;
		}
		catch (NumberFormatException ex) {
			throw new Unreadable("a line's time is not a number of nanoseconds: " + ex.getMessage());
		}
		return answer;
	}

	/** The kept lines, newest first. */
	List<Kept> newestFirst() {
		List<Kept> lines = new ArrayList<>(this.kept);
		lines.sort(NEWEST_FIRST);
		return lines;
	}

	private void readTop(JsonParser json) throws Unreadable {
		while (json.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = json.currentName();
			JsonToken value = json.nextToken();
			if ("status".equals(name)) {
				this.status = string(json, value);
			}
			else if ("data".equals(name) && value == JsonToken.START_OBJECT) {
				readData(json);
			}
			else {
				json.skipChildren();
			}
		}
	}

	private void readData(JsonParser json) throws Unreadable {
		while (json.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = json.currentName();
			JsonToken value = json.nextToken();
			if ("resultType".equals(name)) {
				this.resultType = string(json, value);
			}
			else if ("result".equals(name) && value == JsonToken.START_ARRAY) {
				if (this.resultType != null && !"streams".equals(this.resultType)) {
					this.samples = true;
					json.skipChildren();
				}
				else {
					readStreams(json);
				}
			}
			else {
				json.skipChildren();
			}
		}
	}

	private void readStreams(JsonParser json) throws Unreadable {
		while (json.nextToken() != JsonToken.END_ARRAY) {
			if (json.currentToken() != JsonToken.START_OBJECT) {
				throw new Unreadable("a result element is not an object");
			}
			Stream stream = new Stream();
			while (json.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = json.currentName();
				JsonToken value = json.nextToken();
				if ("stream".equals(name)) {
					readLabels(json, value, stream.labels);
				}
				else if ("values".equals(name) && value == JsonToken.START_ARRAY) {
					// Loki writes a stream's labels before its values; were they to come
					// after, the level check would see only the line.
					while (json.nextToken() != JsonToken.END_ARRAY) {
						readEntry(json, stream);
					}
				}
				else {
					if ("metric".equals(name)) {
						this.samples = true;
					}
					json.skipChildren();
				}
			}
		}
	}

	private void readEntry(JsonParser json, Stream stream) throws Unreadable {
		if (json.currentToken() != JsonToken.START_ARRAY) {
			throw new Unreadable("a line is not a [time, line] pair");
		}
		if (json.nextToken() != JsonToken.VALUE_STRING) {
			throw new Unreadable("a line's time is not a string");
		}
		long nanos = Long.parseLong(json.getString());
		if (json.nextToken() != JsonToken.VALUE_STRING) {
			throw new Unreadable("a line's text is not a string");
		}
		String line = json.getString();
		Map<String, String> metadata = null;
		JsonToken next = json.nextToken();
		if (next == JsonToken.START_OBJECT) {
			metadata = readMetadata(json);
			next = json.nextToken();
		}
		while (next != JsonToken.END_ARRAY) {
			json.skipChildren();
			next = json.nextToken();
		}
		offer(nanos, stream, metadata, line);
	}

	private void offer(long nanos, Stream stream, Map<String, String> metadata, String line) {
		this.lines++;
		if (this.minimumLevel != null) {
			String level = LogLevels.detect(stream.labels, metadata, line);
			if (level != null && LogLevels.rank(level) < LogLevels.rank(this.minimumLevel)) {
				this.belowLevel++;
				return;
			}
		}
		long place = this.order++;
		if (this.kept.size() >= this.limit) {
			this.overflow = true;
			Kept oldest = this.kept.peek();
			if (oldest.nanos() >= nanos) {
				return;
			}
			this.kept.poll();
		}
		long bytes = Utf8.length(line);
		String text = (bytes > this.maxLineBytes) ? Utf8.prefix(line, this.maxLineBytes) : line;
		this.kept.add(new Kept(nanos, place, stream, metadata, text, bytes));
	}

	private static Map<String, String> readMetadata(JsonParser json) throws Unreadable {
		Map<String, String> metadata = new HashMap<>();
		while (json.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = json.currentName();
			JsonToken value = json.nextToken();
			if (value == JsonToken.START_OBJECT && ("structuredMetadata".equals(name) || "parsed".equals(name))) {
				readLabels(json, value, metadata);
			}
			else if (value == JsonToken.VALUE_STRING) {
				metadata.put(name, json.getString());
			}
			else {
				json.skipChildren();
			}
		}
		return metadata;
	}

	private static void readLabels(JsonParser json, JsonToken value, Map<String, String> labels) throws Unreadable {
		if (value != JsonToken.START_OBJECT) {
			throw new Unreadable("labels are not an object");
		}
		while (json.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = json.currentName();
			JsonToken label = json.nextToken();
			if (label == JsonToken.VALUE_STRING) {
				labels.put(name, json.getString());
			}
			else {
				json.skipChildren();
			}
		}
	}

	private static String string(JsonParser json, JsonToken value) throws Unreadable {
		if (value == JsonToken.VALUE_NULL) {
			return null;
		}
		if (value != JsonToken.VALUE_STRING) {
			throw new Unreadable("expected a string, got " + value);
		}
		return json.getString();
	}

}
