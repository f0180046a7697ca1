package dev.cairn.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tamper test of issue 4: a trail of 100,000 entries, then 1,000 random tamper
 * operations of an attacker who can write the database but does not hold the key (edit a
 * field, delete an entry, insert a forged entry and renumber the rest, swap two entries,
 * truncate the tail, forge the head). They are applied in batches at well-separated
 * positions, the trail restored between batches, and verify must name every operation at
 * its sequence; it must also report nothing where no operation was.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class AuditTamperTests {

	static final int ENTRIES = 100_000;

	static final int OPERATIONS = 1_000;

	static final int BATCHES = 10;

	private static final String[] EDITABLE = { "entry_type", "recorded_at", "request_id", "principal", "principal_kind",
			"agent_client", "channel", "tool", "target", "arguments_digest", "arguments", "decision", "reasons",
			"decided_seq", "outcome", "outcome_detail", "latency_micros", "prev_hash", "hash" };

	@Parameter
	TestDatabase database;

	private HikariDataSource dataSource;

	@AfterEach
	void close() {
		if (this.dataSource != null) {
			this.dataSource.close();
		}
	}

	@Test
	void verifyNamesEveryTamperOperationAtItsSequence() throws SQLException {
		long started = System.nanoTime();
		this.dataSource = this.database.create(2);
		AuditStore store = new AuditStore(this.dataSource, TestEntries.KEY);
		List<AuditEntry> calls = TestEntries.calls(ENTRIES / 2, 1, 42);
		for (int from = 0; from < calls.size(); from += 5_000) {
			store.append(calls.subList(from, Math.min(calls.size(), from + 5_000)));
		}
		long built = System.nanoTime();
		AuditVerifier.Report clean = AuditVerifier.verify(store, TestEntries.KEY);
		assertThat(clean.anomalies()).isEmpty();
		assertThat(clean.entries()).isEqualTo(ENTRIES);
		long cleanVerified = System.nanoTime();
		AuditStore.Head head;
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE audit_pristine AS SELECT * FROM audit_entry");
			head = store.head(connection);
		}
		Random random = new Random(20261121L);
		Map<Kind, Integer> applied = new EnumMap<>(Kind.class);
		Map<Kind, Integer> detected = new EnumMap<>(Kind.class);
		List<String> missed = new ArrayList<>();
		List<String> unexplained = new ArrayList<>();
		long verifyNanos = 0;
		for (int batch = 0; batch < BATCHES; batch++) {
			List<Op> plan = plan(random, OPERATIONS / BATCHES);
			apply(plan, head, random);
			long verifyStart = System.nanoTime();
			AuditVerifier.Report report = AuditVerifier.verify(store, TestEntries.KEY);
			verifyNanos += System.nanoTime() - verifyStart;
			for (Op op : plan) {
				applied.merge(op.kind, 1, Integer::sum);
				if (op.detectedIn(report.anomalies())) {
					detected.merge(op.kind, 1, Integer::sum);
				}
				else {
					missed.add("batch " + batch + ": " + op + " not reported; report: " + report.anomalies());
				}
			}
			for (Anomaly anomaly : report.anomalies()) {
				if (plan.stream().noneMatch((op) -> op.explains(anomaly))) {
					unexplained.add("batch " + batch + ": " + anomaly);
				}
			}
		}
		long finished = System.nanoTime();
		int total = applied.values().stream().mapToInt(Integer::intValue).sum();
		int found = detected.values().stream().mapToInt(Integer::intValue).sum();
		System.out.printf(Locale.ROOT,
				"audit tamper test on %s: %,d entries built in %.1f s, clean verify %.2f s; %,d operations %s, "
						+ "detected %,d (%.1f%%) in %d verify runs (%.1f s of verifying); whole test %.1f s%n",
				this.database, ENTRIES, (built - started) / 1e9, (cleanVerified - built) / 1e9, total, applied, found,
				100.0 * found / total, BATCHES, verifyNanos / 1e9, (finished - started) / 1e9);
		assertThat(total).isEqualTo(OPERATIONS);
		assertThat(missed).isEmpty();
		assertThat(unexplained).isEmpty();
		assertThat(found).isEqualTo(OPERATIONS);
	}

	/**
	 * One batch: positional operations spread over the trail, one per slot of equal size,
	 * then one operation on its end (truncate or forge the head). Positions are in the
	 * original numbering; {@link #apply} works out where each lands once forged entries
	 * are inserted.
	 */
	private static List<Op> plan(Random random, int size) {
		List<Op> plan = new ArrayList<>();
		int positional = size - 1;
		long span = ENTRIES - 6_000;
		long slot = span / positional;
		Kind[] kinds = { Kind.EDIT, Kind.DELETE, Kind.INSERT, Kind.SWAP };
		for (int i = 0; i < positional; i++) {
			long position = 10 + i * slot + random.nextInt((int) slot - 20);
			plan.add(new Op(kinds[random.nextInt(kinds.length)], position));
		}
		if (random.nextBoolean()) {
			plan.add(new Op(Kind.TRUNCATE, ENTRIES - 100 - random.nextInt(2_500)));
		}
		else {
			plan.add(new Op(Kind.FORGE_HEAD, 0));
		}
		return plan;
	}

	private void apply(List<Op> plan, AuditStore.Head head, Random random) throws SQLException {
		List<Long> inserts = plan.stream().filter((op) -> op.kind == Kind.INSERT).map((op) -> op.position).toList();
		for (Op op : plan) {
			long before = inserts.stream().filter((p) -> p < op.position).count();
			op.at = op.position + before;
		}
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			// Restore the pristine trail, renumbered around this batch's insertions.
			statement.execute("TRUNCATE TABLE audit_entry");
			StringBuilder shifted = new StringBuilder("seq");
			for (long position : inserts) {
				shifted.append(" + CASE WHEN seq >= ").append(position).append(" THEN 1 ELSE 0 END");
			}
			statement.execute("INSERT INTO audit_entry (" + AuditStore.COLUMNS + ") SELECT "
					+ AuditStore.COLUMNS.replaceFirst("seq", shifted.toString()) + " FROM audit_pristine");
			try (PreparedStatement restoreHead = connection
				.prepareStatement("UPDATE audit_head SET last_seq = ?, last_hash = ?, mac = ? WHERE id = 1")) {
				restoreHead.setLong(1, head.lastSeq());
				restoreHead.setString(2, head.lastHash());
				restoreHead.setString(3, head.mac());
				if (restoreHead.executeUpdate() == 0) {
					statement.execute("INSERT INTO audit_head (id, last_seq, last_hash, mac) VALUES (1, "
							+ head.lastSeq() + ", '" + head.lastHash() + "', '" + head.mac() + "')");
				}
			}
			for (Op op : plan) {
				switch (op.kind) {
					case EDIT -> edit(connection, op, random);
					case DELETE -> statement.executeUpdate("DELETE FROM audit_entry WHERE seq = " + op.at);
					case SWAP -> swap(statement, op, random);
					case INSERT -> insertForged(connection, op, random);
					case TRUNCATE -> statement.executeUpdate("DELETE FROM audit_entry WHERE seq >= " + op.at);
					case FORGE_HEAD -> forgeHead(statement, head, random, op);
				}
			}
		}
	}

	private static void edit(Connection connection, Op op, Random random) throws SQLException {
		AuditEntry entry = read(connection, op.at);
		String column = EDITABLE[random.nextInt(EDITABLE.length)];
		op.detail = column;
		try (PreparedStatement update = connection
			.prepareStatement("UPDATE audit_entry SET " + column + " = ? WHERE seq = ?")) {
			switch (column) {
				case "recorded_at" ->
					update.setObject(1, OffsetDateTime.ofInstant(entry.at().plusSeconds(1), java.time.ZoneOffset.UTC));
				case "decided_seq" -> update.setLong(1, (entry.decidedSeq() != null) ? entry.decidedSeq() + 2 : 1);
				case "latency_micros" -> update.setLong(1, (entry.latencyMicros() != null) ? 1 : 999);
				case "entry_type" -> update.setString(1,
						AuditEntry.DECIDED.equals(entry.type()) ? AuditEntry.COMPLETED : AuditEntry.DECIDED);
				case "prev_hash" -> update.setString(1, flip(entry.prevHash()));
				case "hash" -> update.setString(1, flip(entry.hash()));
				case "arguments_digest" -> update.setString(1, "f".repeat(64));
				default -> update.setString(1, "tampered");
			}
			update.setLong(2, op.at);
			assertThat(update.executeUpdate()).isEqualTo(1);
		}
	}

	private static void swap(Statement statement, Op op, Random random) throws SQLException {
		long other = op.at + 1 + random.nextInt(2);
		op.other = other;
		statement.executeUpdate("UPDATE audit_entry SET seq = -1 WHERE seq = " + op.at);
		statement.executeUpdate("UPDATE audit_entry SET seq = " + op.at + " WHERE seq = " + other);
		statement.executeUpdate("UPDATE audit_entry SET seq = " + other + " WHERE seq = -1");
	}

	/**
	 * A forged entry where the renumbering left room: either made up (with the previous
	 * entry's hash as its link, as a careful forger would) or a genuine entry replayed
	 * from elsewhere in the trail.
	 */
	private static void insertForged(Connection connection, Op op, Random random) throws SQLException {
		AuditEntry previous = read(connection, op.at - 1);
		AuditEntry forged;
		if (random.nextBoolean()) {
			op.detail = "made up";
			forged = new AuditEntry(op.at, AuditEntry.DECIDED, previous.at(), "forged-" + op.at, "user:default/mallory",
					"user", null, null, "mcp", "catalog_get_entity", "component:default/payment-api", "0".repeat(64),
					"{}", "allow", "[]", null, null, null, null, null, previous.hash(), "e".repeat(64));
		}
		else {
			op.detail = "replayed";
			AuditEntry genuine = readNear(connection, (op.at > ENTRIES / 2) ? op.at - 20_000 : op.at + 20_000);
			forged = genuine.sealed(op.at, genuine.prevHash(), genuine.hash());
		}
		try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_entry (" + AuditStore.COLUMNS
				+ ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, " + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
			AuditStore.bind(insert, forged);
			insert.executeUpdate();
		}
	}

	private static void forgeHead(Statement statement, AuditStore.Head head, Random random, Op op) throws SQLException {
		int variant = random.nextInt(4);
		op.detail = new String[] { "hide the last entry", "point at another hash", "replace the seal",
				"delete" }[variant];
		switch (variant) {
			case 0 -> statement.executeUpdate("UPDATE audit_head SET last_seq = " + (head.lastSeq() - 1));
			case 1 -> statement.executeUpdate("UPDATE audit_head SET last_hash = '" + flip(head.lastHash()) + "'");
			case 2 -> statement.executeUpdate("UPDATE audit_head SET mac = '" + flip(head.mac()) + "'");
			default -> statement.executeUpdate("DELETE FROM audit_head");
		}
	}

	private static AuditEntry read(Connection connection, long seq) throws SQLException {
		try (PreparedStatement select = connection
			.prepareStatement("SELECT " + AuditStore.COLUMNS + " FROM audit_entry WHERE seq = ?")) {
			select.setLong(1, seq);
			try (ResultSet rows = select.executeQuery()) {
				assertThat(rows.next()).as("entry %d exists", seq).isTrue();
				return AuditStore.read(rows);
			}
		}
	}

	/** The first entry at or after {@code seq} (one may have been deleted or moved). */
	private static AuditEntry readNear(Connection connection, long seq) throws SQLException {
		try (PreparedStatement select = connection.prepareStatement(
				"SELECT " + AuditStore.COLUMNS + " FROM audit_entry WHERE seq >= ? ORDER BY seq LIMIT 1")) {
			select.setLong(1, seq);
			try (ResultSet rows = select.executeQuery()) {
				assertThat(rows.next()).isTrue();
				return AuditStore.read(rows);
			}
		}
	}

	private static String flip(String hex) {
		char last = hex.charAt(hex.length() - 1);
		return hex.substring(0, hex.length() - 1) + ((last == '0') ? '1' : '0');
	}

	enum Kind {

		EDIT, DELETE, INSERT, SWAP, TRUNCATE, FORGE_HEAD

	}

	/** A tamper operation; {@code at} is its sequence once the batch is applied. */
	static final class Op {

		final Kind kind;

		final long position;

		long at;

		long other;

		String detail = "";

		Op(Kind kind, long position) {
			this.kind = kind;
			this.position = position;
		}

		/** Whether the report names this operation where it happened. */
		boolean detectedIn(List<Anomaly> anomalies) {
			return switch (this.kind) {
				case EDIT -> anomalies.stream().anyMatch((a) -> at(a, this.at));
				case DELETE -> anomalies.stream().anyMatch((a) -> a.kind() == Anomaly.Kind.MISSING && at(a, this.at));
				case INSERT ->
					anomalies.stream().anyMatch((a) -> a.kind() == Anomaly.Kind.NOT_AUTHENTIC && at(a, this.at));
				case SWAP -> anomalies.stream().anyMatch((a) -> at(a, this.at))
						&& anomalies.stream().anyMatch((a) -> at(a, this.other));
				case TRUNCATE ->
					anomalies.stream().anyMatch((a) -> a.kind() == Anomaly.Kind.TRUNCATED && at(a, this.at));
				case FORGE_HEAD -> anomalies.stream().anyMatch((a) -> a.kind() == Anomaly.Kind.BAD_HEAD);
			};
		}

		/**
		 * Whether this operation accounts for the anomaly (its own place or its wake).
		 */
		boolean explains(Anomaly anomaly) {
			if (anomaly.seq() == null) {
				return this.kind == Kind.FORGE_HEAD;
			}
			return switch (this.kind) {
				case EDIT, DELETE, INSERT -> anomaly.seq() >= this.at && anomaly.seq() <= this.at + 1;
				case SWAP -> anomaly.seq() >= this.at && anomaly.seq() <= this.other + 1;
				case TRUNCATE -> anomaly.kind() == Anomaly.Kind.TRUNCATED && anomaly.seq() == this.at;
				// Inserted entries push the end past the head: that shows at the end.
				case FORGE_HEAD -> false;
			} || (this.kind == Kind.INSERT && anomaly.kind() == Anomaly.Kind.BEYOND_HEAD);
		}

		private static boolean at(Anomaly anomaly, long seq) {
			return anomaly.seq() != null && anomaly.seq() == seq;
		}

		@Override
		public String toString() {
			return this.kind + " at " + this.at + ((this.kind == Kind.SWAP) ? " with " + this.other : "")
					+ (this.detail.isEmpty() ? "" : " (" + this.detail + ")");
		}

	}

}
