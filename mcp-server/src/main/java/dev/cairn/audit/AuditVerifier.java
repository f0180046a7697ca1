package dev.cairn.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.crypto.Mac;

/**
 * Checks a trail read in sequence order, and names every anomaly with its sequence rather
 * than stopping at the first. For each entry it checks that the sequence follows the
 * previous one (a gap is a deletion), that the entry's MAC holds at its sequence (an edit
 * or a forgery breaks it), and that its previous-hash field is the stored hash of the
 * entry before it (a deletion, insertion or move breaks it). Then it checks the sealed
 * head against the end of the trail (a truncated tail, entries added after the head, a
 * forged head).
 * <p>
 * An authentic entry stored at the wrong sequence (the trail was renumbered around an
 * inserted or deleted entry, or two entries swapped) is recognised by trying its MAC a
 * few places away; a renumbered run is then reported once where it starts, not once per
 * entry.
 */
final class AuditVerifier {

	private final Mac mac;

	private final List<Anomaly> anomalies = new ArrayList<>();

	private long entries;

	private long firstSeq = -1;

	private long prevSeq;

	private String prevHash = AuditEntry.GENESIS;

	/** How far the current run of entries sits from where it was written. */
	private long shift;

	/**
	 * The last few shifts seen, most recent first: after a swap inside a renumbered run
	 * the run's shift is found again here.
	 */
	private final long[] recentShifts = new long[4];

	AuditVerifier(AuditKey key) {
		this.mac = key.newMac();
	}

	/**
	 * Reads the head and the whole trail in one read-only snapshot (so that appends
	 * running meanwhile are not mistaken for tampering) and verifies them.
	 * @throws SQLException when the trail cannot be read
	 */
	static Report verify(AuditStore store, AuditKey key) throws SQLException {
		AuditVerifier verifier = new AuditVerifier(key);
		try (Connection connection = store.dataSource().getConnection()) {
			connection.setAutoCommit(false);
			connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
			connection.setReadOnly(true);
			try {
				AuditStore.Head head = store.head(connection);
				store.forEach(connection, verifier::accept);
				return verifier.finish(head);
			}
			finally {
				connection.rollback();
			}
		}
	}

	void accept(AuditEntry entry) {
		long seq = entry.seq();
		this.entries++;
		if (this.firstSeq < 0) {
			this.firstSeq = seq;
		}
		if (seq > this.prevSeq + 1) {
			long from = this.prevSeq + 1;
			long to = seq - 1;
			report(Anomaly.Kind.MISSING, from, (from == to) ? "entry " + from + " is missing: it was deleted"
					: "entries " + from + ".." + to + " are missing: they were deleted");
		}
		if (!authentic(entry, seq)) {
			Long moved = findShift(entry, seq);
			if (moved == null) {
				report(Anomaly.Kind.NOT_AUTHENTIC, seq, "entry " + seq
						+ " does not match its MAC: a field was edited, or the entry was forged or moved here");
			}
			else if (moved != this.shift) {
				this.shift = moved;
				remember(moved);
				report(Anomaly.Kind.MOVED, seq, "entry " + seq + " was written as entry " + (seq - moved)
						+ ": the trail was renumbered or reordered from here (an entry was inserted, deleted or moved)");
			}
		}
		else {
			this.shift = 0;
		}
		if (!this.prevHash.equals(entry.prevHash())) {
			report(Anomaly.Kind.BROKEN_LINK, seq,
					"entry " + seq + " does not chain to the entry stored before it"
							+ ((this.entries > 1) ? " (" + this.prevSeq + ")" : " (the start of the trail)")
							+ ": an entry was deleted, inserted or moved here");
		}
		this.prevSeq = seq;
		this.prevHash = (entry.hash() != null) ? entry.hash() : "";
	}

	/** Checks the head against the end of the trail and returns the finished report. */
	Report finish(AuditStore.Head head) {
		long lastSeq = this.prevSeq;
		if (head == null) {
			report(Anomaly.Kind.BAD_HEAD, null, "the audit_head row is missing");
		}
		else if (head.mac() == null) {
			if (head.lastSeq() != 0 || this.entries > 0) {
				report(Anomaly.Kind.BAD_HEAD, null, "the head is not sealed but the trail has entries");
			}
		}
		else if (!head.mac().equals(AuditKey.headMac(this.mac, head.lastSeq(), head.lastHash()))) {
			report(Anomaly.Kind.BAD_HEAD, null, "the head (last entry " + head.lastSeq()
					+ ") does not match its MAC: it was edited or forged, or the key is not the one that wrote it");
		}
		else if (head.lastSeq() > lastSeq) {
			report(Anomaly.Kind.TRUNCATED, lastSeq + 1, "the trail ends at entry " + lastSeq
					+ " but the head records entry " + head.lastSeq() + ": entries were removed from the end");
		}
		else if (head.lastSeq() < lastSeq) {
			report(Anomaly.Kind.BEYOND_HEAD, head.lastSeq() + 1, "entries " + (head.lastSeq() + 1) + ".." + lastSeq
					+ " come after the last entry the head records: they were added outside the gateway");
		}
		else if (!head.lastHash().equals(this.prevHash)) {
			report(Anomaly.Kind.HEAD_MISMATCH, lastSeq,
					"the last entry is not the one the head records: it was replaced");
		}
		return new Report(this.entries, (this.entries > 0) ? this.firstSeq : 0, lastSeq,
				(head != null) ? head.lastSeq() : -1, List.copyOf(this.anomalies));
	}

	private boolean authentic(AuditEntry entry, long seq) {
		return entry.hash() != null && entry.hash().equals(AuditKey.entryHash(this.mac, entry, seq));
	}

	/**
	 * The shift at which this entry's MAC holds, trying the current run's shift and its
	 * neighbours first; {@code null} if none nearby.
	 */
	private Long findShift(AuditEntry entry, long seq) {
		long[] near = { 0, 1, -1, 2, -2 };
		for (long base : new long[] { this.shift, this.recentShifts[0], this.recentShifts[1], this.recentShifts[2],
				this.recentShifts[3] }) {
			for (long delta : near) {
				long candidate = base + delta;
				if (candidate != 0 && seq - candidate > 0 && authentic(entry, seq - candidate)) {
					return candidate;
				}
			}
		}
		return null;
	}

	private void remember(long shift) {
		for (long known : this.recentShifts) {
			if (known == shift) {
				return;
			}
		}
		System.arraycopy(this.recentShifts, 0, this.recentShifts, 1, this.recentShifts.length - 1);
		this.recentShifts[0] = shift;
	}

	private void report(Anomaly.Kind kind, Long seq, String message) {
		this.anomalies.add(new Anomaly(kind, seq, message));
	}

	/**
	 * What a verification found.
	 *
	 * @param entries how many entries were read
	 * @param firstSeq the first sequence read (0 when empty)
	 * @param lastSeq the last sequence read (0 when empty)
	 * @param headSeq the sequence the head records, or -1 without a head
	 * @param anomalies every anomaly, in the order found
	 */
	record Report(long entries, long firstSeq, long lastSeq, long headSeq, List<Anomaly> anomalies) {

		boolean clean() {
			return this.anomalies.isEmpty();
		}

	}

}
