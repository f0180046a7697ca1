package dev.cairn.telemetry.projection;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;

import dev.cairn.telemetry.BackendException;
import dev.cairn.telemetry.LogLine;
import dev.cairn.telemetry.LogPage;

/**
 * Container logs as the kubelet serves them through the API server
 * ({@code GET /api/v1/namespaces/<ns>/pods/<pod>/log?container=&previous=&tailLines=&timestamps=true}):
 * one line per entry, oldest first, each prefixed with its RFC 3339 time when
 * {@code timestamps} is asked for, the last {@code tailLines} of them. A log the source
 * could not give is answered as the kubelet answers a missing previous instance: 400 with
 * a {@code Status}.
 */
final class KubeletLogs {

	private static final Pattern PATH = Pattern.compile("/api/v1/namespaces/([^/]+)/pods/([^/]+)/log");

	/** A log as text lines (oldest first), or the source's refusal. */
	private record Kept(List<LogLine> oldestFirst, String refusal) {

	}

	private final Map<String, Kept> logs = new ConcurrentHashMap<>();

	/**
	 * Reads and keeps one log now, so the stand-in holds state rather than asking later.
	 */
	void keep(String namespace, String pod, String container, boolean previous, Supplier<LogPage> read) {
		Kept kept;
		try {
			List<LogLine> lines = new ArrayList<>(read.get().lines());
			java.util.Collections.reverse(lines);
			kept = new Kept(lines, null);
		}
		catch (BackendException | IllegalArgumentException ex) {
			kept = new Kept(null, ex.getMessage());
		}
		this.logs.put(key(namespace, pod, container, previous), kept);
	}

	/** The answer to a log request, or {@code null} for any other request. */
	MockResponse answer(RecordedRequest request) {
		URI uri = URI.create(request.getPath());
		Matcher path = PATH.matcher(uri.getPath());
		if (!"GET".equals(request.getMethod()) || !path.matches()) {
			return null;
		}
		Map<String, String> query = query(uri.getRawQuery());
		boolean previous = "true".equals(query.get("previous"));
		Kept kept = this.logs.get(key(path.group(1), path.group(2), query.get("container"), previous));
		if (kept == null) {
			return status(404, "NotFound", "pods \"" + path.group(2) + "\" not found");
		}
		if (kept.refusal() != null) {
			return status(400, "BadRequest", kept.refusal());
		}
		int tail = query.containsKey("tailLines") ? Integer.parseInt(query.get("tailLines")) : Integer.MAX_VALUE;
		boolean timestamps = "true".equals(query.get("timestamps"));
		List<LogLine> lines = kept.oldestFirst();
		StringBuilder body = new StringBuilder();
		for (LogLine line : lines.subList(Math.max(0, lines.size() - tail), lines.size())) {
			if (timestamps) {
				body.append(line.time()).append(' ');
			}
			body.append(line.message()).append('\n');
		}
		return new MockResponse().setResponseCode(200).setHeader("Content-Type", "text/plain").setBody(body.toString());
	}

	private static MockResponse status(int code, String reason, String message) {
		String json = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\",\"message\":\""
				+ message.replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"reason\":\"" + reason + "\",\"code\":"
				+ code + "}";
		return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json").setBody(json);
	}

	private static Map<String, String> query(String raw) {
		Map<String, String> query = new HashMap<>();
		if (raw != null) {
			for (String pair : raw.split("&")) {
				int equals = pair.indexOf('=');
				String name = (equals >= 0) ? pair.substring(0, equals) : pair;
				String value = (equals >= 0) ? pair.substring(equals + 1) : "";
				query.put(URLDecoder.decode(name, StandardCharsets.UTF_8),
						URLDecoder.decode(value, StandardCharsets.UTF_8));
			}
		}
		return query;
	}

	private static String key(String namespace, String pod, String container, boolean previous) {
		return namespace + "/" + pod + "/" + container + (previous ? "/previous" : "");
	}

}
