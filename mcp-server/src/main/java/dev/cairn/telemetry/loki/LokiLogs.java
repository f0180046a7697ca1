package dev.cairn.telemetry.loki;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.cairn.telemetry.BackendException;
import dev.cairn.telemetry.LogLine;
import dev.cairn.telemetry.LogPage;
import dev.cairn.telemetry.LogQuery;
import dev.cairn.telemetry.Logs;
import dev.cairn.telemetry.http.BackendHttp;
import dev.cairn.telemetry.http.BackendHttpBuilder;
import dev.cairn.telemetry.http.HttpAnswer;

/**
 * Asks a Loki over its HTTP API: {@code GET /loki/api/v1/query_range} with the LogQL,
 * {@code start} and {@code end} in Unix nanoseconds, {@code limit} and
 * {@code direction=backward}, the tenant in {@code X-Scope-OrgID} where configured. The
 * LogQL is built from the service's stream selector, the text filter and the level filter
 * (see {@link LokiSettings}), or is the caller's own, unchanged.
 *
 * <p>
 * The page holds at most {@code limit} lines, newest first across streams, and at most
 * {@code maxBytes} of line text: longer lines are cut and end with a mark saying how many
 * bytes were left out. It is marked truncated when Loki returned {@code limit} lines
 * (more may match), when a server sent more than that, when bytes were cut, or when the
 * answer was larger than {@code maxResponseBytes} and was not read to its end. A LogQL
 * error (Loki answers 400 with the parser's words in plain text) is an
 * {@link IllegalArgumentException}; anything else that keeps an answer from being read is
 * a {@link BackendException}.
 */
public final class LokiLogs implements Logs {

	private static final List<String> POD_LABELS = List.of("pod", "k8s_pod_name", "pod_name");

	private static final List<String> CONTAINER_LABELS = List.of("container", "k8s_container_name", "container_name");

	private final LokiSettings settings;

	private final BackendHttp http;

	public LokiLogs(LokiSettings settings) {
		this.settings = settings;
		BackendHttpBuilder http = BackendHttp.to("Loki", settings.url())
			.auth(settings.auth())
			.timeout(settings.timeout())
			.maxBodyBytes(settings.maxResponseBytes());
		if (settings.tenant() != null) {
			http.header("X-Scope-OrgID", settings.tenant());
		}
		this.http = http.build();
	}

	@Override
	public LogPage query(LogQuery query) {
		String backend = "Loki (" + query.target().environment() + ")";
		boolean raw = query.logql() != null && !query.logql().isBlank();
		String level = (!raw && query.level() != null && !query.level().isBlank()) ? LogLevels.requested(query.level())
				: null;
		String logql = raw ? query.logql().trim() : LogQl.build(this.settings, query.target(), level, query.text());
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("query", logql);
		parameters.put("start", nanos(query.from()));
		parameters.put("end", nanos(query.to()));
		parameters.put("limit", Integer.toString(query.limit()));
		parameters.put("direction", "backward");
		HttpAnswer answer = this.http.get(backend, "/loki/api/v1/query_range", parameters);
		LokiAnswer read = read(backend, answer, query.limit(),
				(level != null && LogLevels.rank(level) > 0) ? level : null);
		if (read.samples) {
			throw new IllegalArgumentException("the LogQL is a metric query (Loki answered a "
					+ ((read.resultType != null) ? read.resultType : "matrix")
					+ "); ask for lines with a log query such as {app=\"checkout-api\"} |= \"timeout\"");
		}
		return page(read, query, logql, backend, answer.cut());
	}

	private LokiAnswer read(String backend, HttpAnswer answer, int limit, String level) {
		String where = "Loki at " + this.http.url();
		int status = answer.status();
		if (status == 400) {
			String words = this.http.excerpt(answer);
			if (words.equals("no org id")) {
				throw new BackendException(backend,
						where + " is multi-tenant and needs a tenant (X-Scope-OrgID); none is configured");
			}
			throw new IllegalArgumentException(
					"Loki rejected the query: " + (words.isEmpty() ? "(no message)" : words));
		}
		if (status == 401 || status == 403) {
			throw new BackendException(backend,
					where + " refused the request (HTTP " + status + "); check the credentials configured for it");
		}
		if (status == 404) {
			throw new BackendException(backend,
					where + " answered HTTP 404; is this Loki's base URL (the API is under /loki/api/v1)?");
		}
		if (status != 200) {
			String excerpt = this.http.excerpt(answer);
			throw new BackendException(backend,
					where + " answered HTTP " + status + (excerpt.isEmpty() ? "" : ": " + excerpt));
		}
		LokiAnswer read;
		try {
			read = LokiAnswer.read(answer.body(), answer.length(), answer.cut(), limit, level,
					this.settings.maxLineBytes());
		}
		catch (LokiAnswer.Unreadable ex) {
			read = null;
		}
		if (read == null || !"success".equals(read.status)) {
			throw new BackendException(backend,
					where + " answered with something that is not a Loki query result" + (answer.cut()
							? " within its first " + answer.length() + " bytes" : ": " + this.http.excerpt(answer)));
		}
		return read;
	}

	private LogPage page(LokiAnswer read, LogQuery query, String logql, String backend, boolean cut) {
		boolean truncated = read.lines >= query.limit() || read.overflow || read.cut || cut;
		List<LogLine> lines = new ArrayList<>();
		List<LokiAnswer.Kept> kept = read.newestFirst();
		long budget = query.maxBytes();
		for (int i = 0; i < kept.size(); i++) {
			LokiAnswer.Kept line = kept.get(i);
			long allowance = Math.min(budget, this.settings.maxLineBytes());
			boolean whole = line.bytes() <= allowance;
			String text = whole ? line.text() : fit(line, allowance);
			if (text == null) {
				truncated = true;
				break;
			}
			truncated |= !whole;
			budget -= whole ? line.bytes() : Utf8.length(text);
			Map<String, String> labels = line.stream().labels;
			lines.add(new LogLine(Instant.ofEpochSecond(0, line.nanos()),
					LogLevels.detect(labels, line.metadata(), line.text()), label(labels, line.metadata(), POD_LABELS),
					label(labels, line.metadata(), CONTAINER_LABELS), text));
			if (budget <= 0 && i + 1 < kept.size()) {
				truncated = true;
				break;
			}
		}
		return new LogPage(lines, truncated, logql, backend);
	}

	/**
	 * The start of a line too long for {@code allowance} bytes and a mark saying how many
	 * bytes were left out; {@code null} when not even the mark fits.
	 */
	private static String fit(LokiAnswer.Kept kept, long allowance) {
		long widest = Utf8.length(mark(kept.bytes()));
		if (allowance - widest < 1) {
			return null;
		}
		String start = Utf8.prefix(kept.text(), allowance - widest);
		return start + mark(kept.bytes() - Utf8.length(start));
	}

	private static String mark(long leftOut) {
		return " …[" + leftOut + " more bytes]";
	}

	private static String label(Map<String, String> labels, Map<String, String> metadata, List<String> names) {
		for (String name : names) {
			String value = (metadata != null && metadata.containsKey(name)) ? metadata.get(name) : labels.get(name);
			if (value != null && !value.isEmpty()) {
				return value;
			}
		}
		return null;
	}

	private static String nanos(Instant time) {
		return Long.toString(Math.addExact(Math.multiplyExact(time.getEpochSecond(), 1_000_000_000L), time.getNano()));
	}

	@Override
	public String toString() {
		return "LokiLogs[" + this.http.url() + "]";
	}

}
