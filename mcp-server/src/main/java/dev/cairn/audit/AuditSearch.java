package dev.cairn.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * Search over the trail: decided entries, each joined with the completed entry that
 * points at it, filtered and counted in SQL, newest first.
 */
final class AuditSearch {

	private static final String FROM = " FROM audit_entry d LEFT JOIN audit_entry c"
			+ " ON c.decided_seq = d.seq AND c.entry_type = 'completed' WHERE d.entry_type = 'decided'";

	private final DataSource dataSource;

	AuditSearch(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	AuditPage search(AuditQuery query) {
		StringBuilder where = new StringBuilder();
		List<Object> parameters = new ArrayList<>();
		if (query.principal() != null) {
			where.append(" AND (d.principal = ? OR d.on_behalf_of = ?)");
			parameters.add(query.principal());
			parameters.add(query.principal());
		}
		condition(where, parameters, "d.tool = ?", query.tool());
		condition(where, parameters, "d.target = ?", query.target());
		condition(where, parameters, "d.decision = ?", (query.decision() != null) ? query.decision().wireName() : null);
		condition(where, parameters, "c.outcome = ?", (query.outcome() != null) ? query.outcome().wireName() : null);
		condition(where, parameters, "d.recorded_at >= ?",
				(query.since() != null) ? OffsetDateTime.ofInstant(query.since(), ZoneOffset.UTC) : null);
		condition(where, parameters, "d.recorded_at < ?",
				(query.until() != null) ? OffsetDateTime.ofInstant(query.until(), ZoneOffset.UTC) : null);
		long total;
		List<AuditedCall> items = new ArrayList<>();
		try (Connection connection = this.dataSource.getConnection()) {
			try (PreparedStatement count = prepare(connection, "SELECT COUNT(*)" + FROM + where, parameters)) {
				try (ResultSet rows = count.executeQuery()) {
					rows.next();
					total = rows.getLong(1);
				}
			}
			List<Object> pageParameters = new ArrayList<>(parameters);
			StringBuilder pageWhere = new StringBuilder(where);
			if (query.beforeSeq() != null) {
				pageWhere.append(" AND d.seq < ?");
				pageParameters.add(query.beforeSeq());
			}
			pageParameters.add(query.limit() + 1);
			String sql = "SELECT d.seq, d.recorded_at, d.request_id, d.principal, d.principal_kind, d.agent_client,"
					+ " d.on_behalf_of, d.channel, d.tool, d.target, d.arguments_digest, d.arguments, d.decision,"
					+ " d.reasons, d.policy_revision, c.seq, c.outcome, c.outcome_detail, c.latency_micros" + FROM
					+ pageWhere + " ORDER BY d.seq DESC LIMIT ?";
			try (PreparedStatement select = prepare(connection, sql, pageParameters);
					ResultSet rows = select.executeQuery()) {
				while (rows.next()) {
					items.add(read(rows));
				}
			}
		}
		catch (SQLException ex) {
			throw new AuditUnavailableException("cannot search the audit trail: " + ex.getMessage(), ex);
		}
		Long next = null;
		if (items.size() > query.limit()) {
			items = items.subList(0, query.limit());
			next = items.get(items.size() - 1).seq();
		}
		return new AuditPage(total, items, next);
	}

	private static void condition(StringBuilder where, List<Object> parameters, String sql, Object value) {
		if (value != null) {
			where.append(" AND ").append(sql);
			parameters.add(value);
		}
	}

	private static PreparedStatement prepare(Connection connection, String sql, List<Object> parameters)
			throws SQLException {
		PreparedStatement statement = connection.prepareStatement(sql);
		for (int i = 0; i < parameters.size(); i++) {
			statement.setObject(i + 1, parameters.get(i));
		}
		return statement;
	}

	private static AuditedCall read(ResultSet rows) throws SQLException {
		OffsetDateTime at = rows.getObject(2, OffsetDateTime.class);
		long completedSeq = rows.getLong(16);
		Long completed = rows.wasNull() ? null : completedSeq;
		long latency = rows.getLong(19);
		Long latencyMicros = rows.wasNull() ? null : latency;
		return new AuditedCall(rows.getLong(1), completed, (at != null) ? at.toInstant() : null, rows.getString(3),
				rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(7), rows.getString(8),
				rows.getString(9), rows.getString(10), rows.getString(11), CanonicalJson.read(rows.getString(12)),
				rows.getString(13), CanonicalJson.readStrings(rows.getString(14)), rows.getString(15),
				rows.getString(17), rows.getString(18), latencyMicros);
	}

}
