package dev.cairn.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javax.crypto.Mac;
import javax.sql.DataSource;

/**
 * The trail's tables over JDBC, the same SQL on H2 and PostgreSQL. Appending is the only
 * write: it locks the head row ({@code SELECT ... FOR UPDATE}), chains the new entries
 * onto it, inserts them and moves the head, in one transaction, so two gateways sharing a
 * database cannot fork the chain.
 */
final class AuditStore implements AutoCloseable {

	static final String COLUMNS = "seq, entry_type, recorded_at, request_id, principal, principal_kind, agent_client, "
			+ "on_behalf_of, channel, tool, target, arguments_digest, arguments, decision, reasons, policy_revision, "
			+ "decided_seq, outcome, outcome_detail, latency_micros, prev_hash, hash";

	private static final String INSERT = "INSERT INTO audit_entry (" + COLUMNS
			+ ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

	private final DataSource dataSource;

	private final AuditKey key;

	private Appender appender;

	AuditStore(DataSource dataSource, AuditKey key) {
		this.dataSource = dataSource;
		this.key = key;
	}

	DataSource dataSource() {
		return this.dataSource;
	}

	/**
	 * Appends entries in order, in one transaction, and returns them as stored (with
	 * sequence, previous hash and hash). Appends keep one connection and their three
	 * statements between calls (they come one at a time, see {@link AuditWriter}); a kept
	 * connection that fails is dropped and, when nothing can have been committed, the
	 * append is tried once more on a fresh one.
	 * @throws AuditUnavailableException when the database refuses
	 */
	synchronized List<AuditEntry> append(List<AuditEntry> entries) {
		if (entries.isEmpty()) {
			return List.of();
		}
		boolean kept = this.appender != null;
		try {
			return appender().append(entries);
		}
		catch (SQLException ex) {
			closeAppender();
			if (kept && !(ex instanceof CommitFailed)) {
				// A kept connection may have gone stale (a database restart, an idle
				// timeout); the transaction was rolled back, so a retry cannot
				// duplicate.
				try {
					return appender().append(entries);
				}
				catch (SQLException retry) {
					closeAppender();
					throw unavailable(retry);
				}
			}
			throw unavailable(ex);
		}
	}

	/** Releases the connection appends keep. */
	@Override
	public synchronized void close() {
		closeAppender();
	}

	private Appender appender() throws SQLException {
		if (this.appender == null) {
			// A MAC of its own: appends run on whichever thread holds the writer lock,
			// and the per-thread MACs belong to their threads.
			this.appender = new Appender(this.dataSource.getConnection(), this.key.newMac());
		}
		return this.appender;
	}

	private void closeAppender() {
		if (this.appender != null) {
			this.appender.close();
			this.appender = null;
		}
	}

	private static AuditUnavailableException unavailable(SQLException ex) {
		SQLException cause = (ex instanceof CommitFailed) ? (SQLException) ex.getCause() : ex;
		return new AuditUnavailableException("cannot append to the audit trail: " + cause.getMessage(), cause);
	}

	private static Head head(ResultSet rows) throws SQLException {
		if (!rows.next()) {
			throw new SQLException("the audit_head row is missing; the audit trail cannot be extended "
					+ "(run 'cairn audit verify' to see what else was changed)");
		}
		return new Head(rows.getLong(1), rows.getString(2), rows.getString(3));
	}

	/** One connection, outside auto-commit, with the statements an append runs. */
	private final class Appender {

		private final Connection connection;

		private final Mac mac;

		private final PreparedStatement lockHead;

		private final PreparedStatement insert;

		private final PreparedStatement moveHead;

		Appender(Connection connection, Mac mac) throws SQLException {
			this.connection = connection;
			this.mac = mac;
			try {
				connection.setAutoCommit(false);
				this.lockHead = connection
					.prepareStatement("SELECT last_seq, last_hash, mac FROM audit_head WHERE id = 1 FOR UPDATE");
				this.insert = connection.prepareStatement(INSERT);
				this.moveHead = connection
					.prepareStatement("UPDATE audit_head SET last_seq = ?, last_hash = ?, mac = ? WHERE id = 1");
			}
			catch (SQLException ex) {
				closeQuietly(connection);
				throw ex;
			}
		}

		List<AuditEntry> append(List<AuditEntry> entries) throws SQLException {
			List<AuditEntry> stored = new ArrayList<>(entries.size());
			try {
				Head head;
				try (ResultSet rows = this.lockHead.executeQuery()) {
					head = head(rows);
				}
				long seq = head.lastSeq();
				String prev = head.lastHash();
				for (AuditEntry entry : entries) {
					seq++;
					AuditEntry chained = entry.sealed(seq, prev, null);
					AuditEntry sealed = chained.sealed(seq, prev, AuditKey.entryHash(this.mac, chained, seq));
					bind(this.insert, sealed);
					this.insert.addBatch();
					stored.add(sealed);
					prev = sealed.hash();
				}
				this.insert.executeBatch();
				this.moveHead.setLong(1, seq);
				this.moveHead.setString(2, prev);
				this.moveHead.setString(3, AuditKey.headMac(this.mac, seq, prev));
				this.moveHead.executeUpdate();
			}
			catch (SQLException | RuntimeException ex) {
				this.insert.clearBatch();
				rollback(this.connection);
				throw ex;
			}
			try {
				this.connection.commit();
			}
			catch (SQLException ex) {
				throw new CommitFailed(ex);
			}
			return stored;
		}

		void close() {
			rollback(this.connection);
			closeQuietly(this.connection);
		}

	}

	/** A commit whose outcome is unknown: the entries may be stored, so no retry. */
	private static final class CommitFailed extends SQLException {

		CommitFailed(SQLException cause) {
			super(cause.getMessage(), cause.getSQLState(), cause);
		}

	}

	/** The head row, or {@code null} when it is missing. */
	Head head(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement
					.executeQuery("SELECT last_seq, last_hash, mac FROM audit_head WHERE id = 1")) {
			return rows.next() ? new Head(rows.getLong(1), rows.getString(2), rows.getString(3)) : null;
		}
	}

	/**
	 * Reads every entry in sequence order, streaming, inside the caller's transaction.
	 */
	void forEach(Connection connection, Consumer<AuditEntry> consumer) throws SQLException {
		try (PreparedStatement select = connection
			.prepareStatement("SELECT " + COLUMNS + " FROM audit_entry ORDER BY seq")) {
			select.setFetchSize(1000);
			try (ResultSet rows = select.executeQuery()) {
				while (rows.next()) {
					consumer.accept(read(rows));
				}
			}
		}
	}

	static AuditEntry read(ResultSet rows) throws SQLException {
		OffsetDateTime at = rows.getObject(3, OffsetDateTime.class);
		return new AuditEntry(rows.getLong(1), rows.getString(2), (at != null) ? at.toInstant() : null,
				rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(7), rows.getString(8),
				rows.getString(9), rows.getString(10), rows.getString(11), rows.getString(12), rows.getString(13),
				rows.getString(14), rows.getString(15), rows.getString(16), longOrNull(rows, 17), rows.getString(18),
				rows.getString(19), longOrNull(rows, 20), rows.getString(21), rows.getString(22));
	}

	static void bind(PreparedStatement insert, AuditEntry entry) throws SQLException {
		insert.setLong(1, entry.seq());
		string(insert, 2, entry.type());
		insert.setObject(3, OffsetDateTime.ofInstant(entry.at(), ZoneOffset.UTC));
		string(insert, 4, entry.requestId());
		string(insert, 5, entry.principal());
		string(insert, 6, entry.principalKind());
		string(insert, 7, entry.agentClient());
		string(insert, 8, entry.onBehalfOf());
		string(insert, 9, entry.channel());
		string(insert, 10, entry.tool());
		string(insert, 11, entry.target());
		string(insert, 12, entry.argumentsDigest());
		string(insert, 13, entry.arguments());
		string(insert, 14, entry.decision());
		string(insert, 15, entry.reasons());
		string(insert, 16, entry.policyRevision());
		number(insert, 17, entry.decidedSeq());
		string(insert, 18, entry.outcome());
		string(insert, 19, entry.outcomeDetail());
		number(insert, 20, entry.latencyMicros());
		string(insert, 21, entry.prevHash());
		string(insert, 22, entry.hash());
	}

	private static void string(PreparedStatement statement, int index, String value) throws SQLException {
		if (value == null) {
			statement.setNull(index, Types.VARCHAR);
		}
		else {
			statement.setString(index, value);
		}
	}

	private static void number(PreparedStatement statement, int index, Long value) throws SQLException {
		if (value == null) {
			statement.setNull(index, Types.BIGINT);
		}
		else {
			statement.setLong(index, value);
		}
	}

	private static Long longOrNull(ResultSet rows, int index) throws SQLException {
		long value = rows.getLong(index);
		return rows.wasNull() ? null : value;
	}

	private static void closeQuietly(Connection connection) {
		try {
			connection.close();
		}
		catch (SQLException ex) {
			// Broken already; the pool replaces it.
		}
	}

	private static void rollback(Connection connection) {
		try {
			connection.rollback();
		}
		catch (SQLException ex) {
			// The connection is broken; the transaction dies with it.
		}
	}

	/**
	 * The single head row: the last sequence and hash the gateway wrote, sealed with the
	 * key.
	 *
	 * @param mac {@code null} until the first append
	 */
	record Head(long lastSeq, String lastHash, String mac) {
	}

}
