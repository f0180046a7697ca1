package dev.cairn.telemetry.prometheus;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.cairn.telemetry.MetricResult;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * One answer of Prometheus' HTTP API read as a stream of tokens, keeping only what the
 * bounds allow: {@code {"status": "success"|"error", "data": {"resultType":
 * "vector"|"matrix"|"scalar"|"string", "result": ...}, "errorType": ..., "error": ...,
 * "warnings": [...], "infos": [...]}}. Samples are {@code [<unix seconds>, "<value>"]}
 * with {@code NaN}, {@code +Inf} and {@code -Inf} spelled as strings. Native-histogram
 * samples are counted and skipped. An answer cut at the byte cap keeps the series read
 * before the cut.
 */
final class PrometheusAnswer {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int MAX_WARNINGS = 10;

	/** The answer is not JSON of the API's shape. */
	static final class Unreadable extends Exception {

		Unreadable(String message) {
			super(message, null, false, false);
		}

	}

	private final int maxSeries;

	private final int maxPoints;

	String status;

	String errorType;

	String error;

	String resultType;

	final List<MetricResult.Series> series = new ArrayList<>();

	final List<String> warnings = new ArrayList<>();

	/** Series left out beyond {@code maxSeries}. */
	int seriesLeftOut;

	/** Series that lost their oldest points to {@code maxPoints}. */
	int seriesShortened;

	int histogramSamples;

	/** The first value that is not a number, as a string result has. */
	String text;

	/** Whether the answer was cut at the byte cap before its end. */
	boolean cut;

	private PrometheusAnswer(int maxSeries, int maxPoints) {
		this.maxSeries = maxSeries;
		this.maxPoints = maxPoints;
	}

	static PrometheusAnswer read(byte[] body, int length, boolean cut, int maxSeries, int maxPoints) throws Unreadable {
		PrometheusAnswer answer = new PrometheusAnswer(maxSeries, maxPoints);
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
		return answer;
	}

	private void readTop(JsonParser json) throws Unreadable {
		while (json.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = json.currentName();
			JsonToken value = json.nextToken();
			switch (name) {
				case "status":
					this.status = string(json, value);
					break;
				case "errorType":
					this.errorType = string(json, value);
					break;
				case "error":
					this.error = string(json, value);
					break;
				case "warnings":
				case "infos":
					readWarnings(json, value);
					break;
				case "data":
					if (value == JsonToken.START_OBJECT) {
						readData(json);
					}
					else {
						json.skipChildren();
					}
					break;
				default:
					json.skipChildren();
			}
		}
	}

	private void readWarnings(JsonParser json, JsonToken value) throws Unreadable {
		if (value != JsonToken.START_ARRAY) {
			json.skipChildren();
			return;
		}
		while (json.nextToken() != JsonToken.END_ARRAY) {
			String warning = string(json, json.currentToken());
			if (warning != null && this.warnings.size() < MAX_WARNINGS) {
				this.warnings.add(warning);
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
				readResult(json);
			}
			else {
				json.skipChildren();
			}
		}
	}

	private void readResult(JsonParser json) throws Unreadable {
		JsonToken first = json.nextToken();
		if (first == JsonToken.VALUE_NUMBER_INT || first == JsonToken.VALUE_NUMBER_FLOAT) {
			// scalar and string results are one bare [time, value] pair
			MetricResult.Point point = readPairRest(json);
			this.series.add(new MetricResult.Series(Map.of(), List.of(point)));
			return;
		}
		for (JsonToken token = first; token != JsonToken.END_ARRAY; token = json.nextToken()) {
			if (token != JsonToken.START_OBJECT) {
				throw new Unreadable("a result element is not an object");
			}
			if (this.series.size() >= this.maxSeries) {
				json.skipChildren();
				this.seriesLeftOut++;
			}
			else {
				readSeries(json);
			}
		}
	}

	private void readSeries(JsonParser json) throws Unreadable {
		Map<String, String> labels = new LinkedHashMap<>();
		ArrayDeque<MetricResult.Point> points = new ArrayDeque<>();
		boolean shortened = false;
		while (json.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = json.currentName();
			JsonToken value = json.nextToken();
			switch (name) {
				case "metric":
					readLabels(json, value, labels);
					break;
				case "value":
					points.add(readPair(json, value));
					break;
				case "values":
					if (value != JsonToken.START_ARRAY) {
						throw new Unreadable("values is not an array");
					}
					while (json.nextToken() != JsonToken.END_ARRAY) {
						points.add(readPair(json, json.currentToken()));
						if (points.size() > this.maxPoints) {
							points.removeFirst();
							shortened = true;
						}
					}
					break;
				case "histogram":
					this.histogramSamples++;
					json.skipChildren();
					break;
				case "histograms":
					if (value == JsonToken.START_ARRAY) {
						while (json.nextToken() != JsonToken.END_ARRAY) {
							this.histogramSamples++;
							json.skipChildren();
						}
					}
					else {
						json.skipChildren();
					}
					break;
				default:
					json.skipChildren();
			}
		}
		if (shortened) {
			this.seriesShortened++;
		}
		this.series.add(new MetricResult.Series(labels, new ArrayList<>(points)));
	}

	private static void readLabels(JsonParser json, JsonToken value, Map<String, String> labels) throws Unreadable {
		if (value != JsonToken.START_OBJECT) {
			throw new Unreadable("metric is not an object");
		}
		while (json.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = json.currentName();
			labels.put(name, string(json, json.nextToken()));
		}
	}

	private MetricResult.Point readPair(JsonParser json, JsonToken start) throws Unreadable {
		if (start != JsonToken.START_ARRAY) {
			throw new Unreadable("a sample is not a [time, value] pair");
		}
		JsonToken time = json.nextToken();
		if (time != JsonToken.VALUE_NUMBER_INT && time != JsonToken.VALUE_NUMBER_FLOAT) {
			throw new Unreadable("a sample's time is not a number");
		}
		return readPairRest(json);
	}

	/** The rest of a pair whose time is the current token. */
	private MetricResult.Point readPairRest(JsonParser json) throws Unreadable {
		BigDecimal seconds = json.getDecimalValue();
		Instant time = Instant.ofEpochSecond(0,
				seconds.movePointRight(9).setScale(0, RoundingMode.HALF_UP).longValueExact());
		if (json.nextToken() != JsonToken.VALUE_STRING) {
			throw new Unreadable("a sample's value is not a string");
		}
		double value = number(json.getString());
		if (json.nextToken() != JsonToken.END_ARRAY) {
			throw new Unreadable("a sample has more than a time and a value");
		}
		return new MetricResult.Point(time, value);
	}

	private double number(String value) {
		switch (value) {
			case "NaN":
				return Double.NaN;
			case "+Inf":
			case "Inf":
				return Double.POSITIVE_INFINITY;
			case "-Inf":
				return Double.NEGATIVE_INFINITY;
			default:
				try {
					return Double.parseDouble(value);
				}
				catch (NumberFormatException ex) {
					if (this.text == null) {
						this.text = value;
					}
					return Double.NaN;
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
