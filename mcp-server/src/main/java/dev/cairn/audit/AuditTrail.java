package dev.cairn.audit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import dev.cairn.identity.Caller;
import dev.cairn.redaction.Redactor;

/**
 * What the rest of the gateway sees of the audit trail. Each call is recorded twice,
 * append-only: {@link #decided} before it runs, once its decision is known, and
 * {@link #completed} after, with the outcome. Both return only once the entry is
 * committed. Arguments are stored as a keyed digest of their canonical JSON and a
 * redacted copy; outcome details are redacted too. Thread-safe.
 */
public final class AuditTrail implements AutoCloseable {

	/** Longest redacted copy of the arguments kept, in characters of JSON. */
	static final int MAX_ARGUMENTS = 16_000;

	static final int MAX_DETAIL = 2_000;

	private final AuditWriter writer;

	private final AuditSearch search;

	private final AuditKey key;

	private final Clock clock;

	AuditTrail(AuditWriter writer, AuditSearch search, AuditKey key, Clock clock) {
		this.writer = writer;
		this.search = search;
		this.key = key;
		this.clock = clock;
	}

	/**
	 * Records a decided call; the call may run only after this returns.
	 * @return what {@link #completed} needs to record the outcome
	 * @throws AuditUnavailableException when the entry could not be written; the call
	 * must then not run
	 */
	public Ticket decided(AuditCall call, Decision decision) {
		String canonical = CanonicalJson.write((call.arguments() != null) ? call.arguments() : Map.of());
		String digest = AuditKey.argumentsDigest(this.key.mac(), canonical);
		String redacted = redactedArguments(call.arguments());
		List<String> reasons = new ArrayList<>();
		for (String reason : decision.reasons()) {
			if (reasons.size() == 8) {
				break;
			}
			reasons.add(cap(Redactor.text(reason), 400));
		}
		Caller caller = call.caller();
		AuditEntry entry = new AuditEntry(0, AuditEntry.DECIDED, call.at(), cap(call.requestId(), 64),
				(caller != null) ? cap(caller.principal(), 512) : null,
				(caller != null) ? caller.kind().name().toLowerCase(Locale.ROOT) : null,
				(caller != null) ? cap(caller.agentClient(), 512) : null,
				(caller != null) ? cap(caller.onBehalfOf(), 512) : null, wireName(call.channel()),
				cap(call.tool(), 128), cap(call.target(), 512), digest, redacted, decision.verdict().wireName(),
				CanonicalJson.write(reasons), cap(decision.policyRevision(), 128), null, null, null, null, null, null);
		AuditEntry stored = this.writer.append(entry);
		return new Ticket(stored);
	}

	/**
	 * Records how a decided call ended. The entry is queued and written moments later
	 * (with the next call's entry, or by the writer thread), so the caller's answer does
	 * not wait for it; a search always sees it. Should the process die in between, the
	 * trail shows the call as decided and never completed, as it would had the process
	 * died while the call ran. A failure to write it is logged.
	 * @param detail what went wrong (redacted here), or {@code null}
	 * @param latencyMicros from arrival to completion
	 */
	public void completed(Ticket ticket, Outcome outcome, String detail, long latencyMicros) {
		Objects.requireNonNull(outcome, "outcome");
		AuditEntry decided = ticket.decided;
		AuditEntry entry = new AuditEntry(0, AuditEntry.COMPLETED, this.clock.instant(), decided.requestId(),
				decided.principal(), decided.principalKind(), decided.agentClient(), decided.onBehalfOf(),
				decided.channel(), decided.tool(), decided.target(), null, null, null, null, null, decided.seq(),
				outcome.wireName(), cap(Redactor.text(detail), MAX_DETAIL), latencyMicros, null, null);
		this.writer.appendLater(entry);
	}

	/**
	 * Calls matching the query, newest first.
	 * @throws AuditUnavailableException when the database cannot be read
	 */
	public AuditPage search(AuditQuery query) {
		// Read what this process wrote, completions included.
		this.writer.drain();
		return this.search.search(query);
	}

	/** Writes the completions still queued, for readers of the store itself. */
	void flush() {
		this.writer.drain();
	}

	/** Writes the completions still queued; called when the application stops. */
	@Override
	public void close() {
		this.writer.close();
	}

	static String redactedArguments(Map<String, Object> arguments) {
		if (arguments == null) {
			return null;
		}
		String json = CanonicalJson.write(Redactor.json(arguments));
		if (json.length() <= MAX_ARGUMENTS) {
			return json;
		}
		// Still JSON, so that search can show it; the cut cannot open a secret because
		// the text was redacted before it was cut.
		return cap(CanonicalJson
			.write(Map.of("truncated", true, "length", json.length(), "prefix", json.substring(0, MAX_ARGUMENTS / 2))),
				MAX_ARGUMENTS + 4_000);
	}

	static String wireName(Caller.Channel channel) {
		return channel.name().toLowerCase(Locale.ROOT);
	}

	static String cap(String value, int max) {
		if (value == null || value.length() <= max) {
			return value;
		}
		return value.substring(0, max - 1) + "…";
	}

	/** A call recorded as decided, waiting for its outcome. */
	public static final class Ticket {

		private final AuditEntry decided;

		Ticket(AuditEntry decided) {
			this.decided = decided;
		}

		/** The decided entry's sequence. */
		public long seq() {
			return this.decided.seq();
		}

	}

}
