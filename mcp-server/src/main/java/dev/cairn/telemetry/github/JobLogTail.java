package dev.cairn.telemetry.github;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.cairn.telemetry.LogLine;

/**
 * Reads a GitHub Actions job log as it arrives and keeps its last lines: at most
 * {@code maxLines} lines and {@code maxBytes} bytes are ever held, and the transfer is
 * cancelled once {@code maxBytes} have arrived.
 *
 * <p>
 * GitHub writes every line as {@code <ISO-8601 timestamp, 7 decimals, Z> <text>}, the
 * text carrying ANSI colours and workflow commands. Each line's time is its timestamp (a
 * line without one takes the time of the line before it); colours are removed; the
 * commands {@code ##[error]}, {@code ##[warning]}, {@code ##[notice]} and
 * {@code ##[debug]} become the line's level (error, warn, info, debug) and are removed
 * from its text. Other lines have no level.
 */
final class JobLogTail implements HttpResponse.BodySubscriber<JobLogTail.Tail> {

	/** A line longer than this is cut: a minified bundle in a log is not evidence. */
	static final int MAX_LINE_BYTES = 8 * 1024;

	private static final Pattern TIMESTAMP = Pattern
		.compile("^(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?Z) ?");

	private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-?]*[ -/]*[@-~]");

	private static final String[][] LEVELS = { { "##[error]", "error" }, { "##[warning]", "warn" },
			{ "##[notice]", "info" }, { "##[debug]", "debug" } };

	private final int maxLines;

	private final long maxBytes;

	private final Deque<Entry> lines = new ArrayDeque<>();

	private final ByteArrayOutputStream line = new ByteArrayOutputStream();

	private final CompletableFuture<Tail> result = new CompletableFuture<>();

	private boolean skipping;

	private boolean dropped;

	private long received;

	private Instant lastTime;

	private Flow.Subscription subscription;

	/**
	 * @param startsMidLine the body starts inside a line (a byte range): its first line
	 * is dropped
	 */
	JobLogTail(int maxLines, long maxBytes, boolean startsMidLine) {
		this.maxLines = maxLines;
		this.maxBytes = maxBytes;
		this.skipping = startsMidLine;
		this.dropped = startsMidLine;
	}

	@Override
	public void onSubscribe(Flow.Subscription subscription) {
		this.subscription = subscription;
		subscription.request(Long.MAX_VALUE);
	}

	@Override
	public void onNext(List<ByteBuffer> items) {
		if (this.result.isDone()) {
			return;
		}
		for (ByteBuffer item : items) {
			while (item.hasRemaining()) {
				if (this.received >= this.maxBytes) {
					this.subscription.cancel();
					finish(true);
					return;
				}
				this.received++;
				accept(item.get());
			}
		}
	}

	private void accept(byte next) {
		if (next == '\n') {
			if (!this.skipping) {
				add(this.line.toByteArray());
			}
			this.skipping = false;
			this.line.reset();
		}
		else if (!this.skipping && this.line.size() < MAX_LINE_BYTES) {
			this.line.write(next);
		}
	}

	@Override
	public void onError(Throwable throwable) {
		this.result.completeExceptionally(throwable);
	}

	@Override
	public void onComplete() {
		finish(false);
	}

	private void finish(boolean cut) {
		if (this.line.size() > 0 && !this.skipping && !cut) {
			add(this.line.toByteArray());
		}
		this.line.reset();
		List<LogLine> tail = new ArrayList<>(this.lines.size());
		Instant firstKnown = null;
		for (Entry entry : this.lines) {
			if (entry.time() != null) {
				firstKnown = entry.time();
				break;
			}
		}
		Instant before = (firstKnown != null) ? firstKnown : Instant.EPOCH;
		for (Entry entry : this.lines) {
			Instant time = (entry.time() != null) ? entry.time() : before;
			tail.add(new LogLine(time, entry.level(), null, null, entry.message()));
			before = time;
		}
		this.result.complete(new Tail(List.copyOf(tail), this.dropped || cut, this.received));
	}

	private void add(byte[] raw) {
		String text = new String(raw, StandardCharsets.UTF_8);
		if (text.endsWith("\r")) {
			text = text.substring(0, text.length() - 1);
		}
		if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
			text = text.substring(1);
		}
		Instant time = null;
		Matcher stamp = TIMESTAMP.matcher(text);
		if (stamp.find()) {
			try {
				time = Instant.parse(stamp.group(1));
				text = text.substring(stamp.end());
			}
			catch (DateTimeParseException ex) {
				time = null;
			}
		}
		if (time == null) {
			time = this.lastTime;
		}
		else {
			this.lastTime = time;
		}
		text = ANSI.matcher(text).replaceAll("");
		String level = null;
		for (String[] marker : LEVELS) {
			if (text.startsWith(marker[0])) {
				level = marker[1];
				text = text.substring(marker[0].length());
				break;
			}
		}
		if (this.lines.size() == this.maxLines) {
			this.lines.removeFirst();
			this.dropped = true;
		}
		this.lines.addLast(new Entry(time, level, text));
	}

	@Override
	public CompletionStage<Tail> getBody() {
		return this.result;
	}

	/**
	 * The end of a log.
	 *
	 * @param lines the last lines, oldest first
	 * @param truncated whether the log had more than these lines
	 * @param bytes how many bytes were read
	 */
	record Tail(List<LogLine> lines, boolean truncated, long bytes) {

	}

	private record Entry(Instant time, String level, String message) {

	}

}
