package dev.cairn.telemetry.projection;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;

import dev.cairn.telemetry.BackendException;
import dev.cairn.telemetry.LogLine;
import dev.cairn.telemetry.LogPage;
import dev.cairn.telemetry.LogQuery;
import dev.cairn.telemetry.Logs;
import dev.cairn.telemetry.ServiceTarget;
import dev.cairn.telemetry.loki.LokiLogs;
import dev.cairn.telemetry.loki.LokiSettings;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * A Loki answering {@code GET /loki/api/v1/query_range} over the source's log lines, in
 * Loki's documented shape ({@code {"status": "success", "data": {"resultType": "streams",
 * "result": [{"stream": {...}, "values": [["<ns>", "<line>"]]}]}}}), computed for each
 * request's LogQL, {@code start} (inclusive), {@code end} (exclusive), {@code limit} and
 * {@code direction}.
 *
 * <p>
 * Each line is in a stream labelled as a Kubernetes log shipper labels it: the adapter's
 * default selector ({@code namespace}, {@code app} for the workload), and {@code pod},
 * {@code container} and {@code level} where the source knows them. The adapter is set to
 * filter levels on that {@code level} label: the source's lines carry their level beside
 * the text, not in it, so a filter on the text could not find it.
 *
 * <p>
 * It holds every line of the last {@link #RECENT four hours} and, before that, the
 * warnings and errors of the last {@link #HISTORY day}: a diagnosis reads at most three
 * hours back, and a source that writes a request line a second (the sandbox) has too many
 * lines in a day to hold them all. A query for lower levels further back finds fewer
 * lines here than in the source.
 */
public final class LokiStandIn implements AutoCloseable {

	/** How far back warnings and errors are read from the source. */
	static final Duration HISTORY = Duration.ofDays(1);

	/** How far back lines of every level are read from the source. */
	static final Duration RECENT = Duration.ofHours(4);

	/** At most as many lines of one target and range are held. */
	static final int MAX_LINES = 50_000;

	/** One line in its stream. */
	private record Entry(Map<String, String> stream, long nanos, String line) {

	}

	private final StandInServer server = new StandInServer();

	private final List<Entry> entries = new ArrayList<>();

	private final List<String> notes = new ArrayList<>();

	private LokiStandIn() {
		this.server.computed(get(urlPathEqualTo("/loki/api/v1/query_range")), this::queryRange);
	}

	/**
	 * Holds every line the source has of the targets over the last four hours, and their
	 * warnings and errors over the day before.
	 */
	public static LokiStandIn of(Logs source, List<ServiceTarget> targets, Instant now) {
		LokiStandIn loki = new LokiStandIn();
		Instant recent = now.minus(RECENT);
		for (ServiceTarget target : targets) {
			loki.read(source, target, null, recent, now.plusSeconds(1));
			loki.read(source, target, "warn", now.minus(HISTORY), recent);
		}
		return loki;
	}

	/** Keeps the source's lines of the target at or above the level in [from, to). */
	private void read(Logs source, ServiceTarget target, String level, Instant from, Instant to) {
		LogPage page;
		try {
			page = source.query(new LogQuery(target, from, to, level, null, null, MAX_LINES, Integer.MAX_VALUE));
		}
		catch (BackendException | IllegalArgumentException ex) {
			this.notes.add("no lines of " + target + " from " + from + ": " + ex.getMessage());
			return;
		}
		if (page.truncated()) {
			this.notes.add("the lines of " + target + " from " + from + " were cut at " + MAX_LINES);
		}
		for (LogLine line : page.lines()) {
			Map<String, String> stream = new LinkedHashMap<>();
			stream.put("namespace", target.annotation(ServiceTarget.KUBERNETES_NAMESPACE, "default"));
			stream.put("app", target.kubernetesId());
			putIfSet(stream, "pod", line.pod());
			putIfSet(stream, "container", line.container());
			putIfSet(stream, "level", line.level());
			long nanos = Math.addExact(Math.multiplyExact(line.time().getEpochSecond(), 1_000_000_000L),
					line.time().getNano());
			this.entries.add(new Entry(stream, nanos, line.message()));
		}
	}

	private static void putIfSet(Map<String, String> map, String key, String value) {
		if (value != null && !value.isEmpty()) {
			map.put(key, value);
		}
	}

	/** The real adapter, filtering levels on the streams' {@code level} label. */
	public LokiLogs logs() {
		return new LokiLogs(LokiSettings.of(this.server.url()).withLevelLabel("level"));
	}

	public List<String> notes() {
		return List.copyOf(this.notes);
	}

	private ResponseDefinition queryRange(Request request) {
		LogQlFilter filter;
		try {
			filter = LogQlFilter.parse(parameter(request, "query", ""));
		}
		catch (IllegalArgumentException ex) {
			return StandInServer.text(400, ex.getMessage());
		}
		long start = Long.parseLong(parameter(request, "start", "0"));
		long end = Long.parseLong(parameter(request, "end", Long.toString(Long.MAX_VALUE)));
		int limit = Integer.parseInt(parameter(request, "limit", "100"));
		boolean backward = !"forward".equals(parameter(request, "direction", "backward"));
		List<Entry> matched = new ArrayList<>();
		for (Entry entry : this.entries) {
			if (entry.nanos() >= start && entry.nanos() < end && filter.matches(entry.stream(), entry.line())) {
				matched.add(entry);
			}
		}
		Comparator<Entry> byTime = Comparator.comparingLong(Entry::nanos);
		// Stable: lines of the same time keep the source's order.
		matched.sort(backward ? byTime.reversed() : byTime);
		Map<Map<String, String>, List<List<String>>> streams = new LinkedHashMap<>();
		for (Entry entry : matched.subList(0, Math.min(limit, matched.size()))) {
			streams.computeIfAbsent(entry.stream(), (labels) -> new ArrayList<>())
				.add(List.of(Long.toString(entry.nanos()), entry.line()));
		}
		List<Map<String, Object>> result = new ArrayList<>();
		streams.forEach((labels, values) -> result.add(Map.of("stream", labels, "values", values)));
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("resultType", "streams");
		data.put("result", result);
		data.put("stats", Map.of());
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("status", "success");
		answer.put("data", data);
		return StandInServer.json(200, answer);
	}

	private static String parameter(Request request, String name, String fallback) {
		QueryParameter parameter = request.queryParameter(name);
		return (parameter != null && parameter.isPresent()) ? parameter.firstValue() : fallback;
	}

	@Override
	public void close() {
		this.server.close();
	}

}
