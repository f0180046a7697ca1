package dev.cairn.audit;

import java.time.Instant;

/**
 * Filters for a search of the trail; {@code null} means any. All given filters must hold.
 *
 * @param principal a principal ref; matches the caller or the user an agent acted for
 * @param tool a tool name
 * @param target an entity ref
 * @param decision a {@link Decision.Verdict}
 * @param outcome an {@link Outcome}; calls still running (or interrupted) have none
 * @param since calls that arrived at or after this instant
 * @param until calls that arrived before this instant
 * @param beforeSeq calls whose decided entry comes before this sequence (paging back)
 * @param limit most calls to return
 */
public record AuditQuery(String principal, String tool, String target, Decision.Verdict decision, Outcome outcome,
		Instant since, Instant until, Long beforeSeq, int limit) {

	public AuditQuery {
		if (limit < 1) {
			throw new IllegalArgumentException("limit must be at least 1");
		}
	}

}
