package dev.cairn.audit;

import java.util.List;

/**
 * Calls matching a search, newest first.
 *
 * @param total how many calls match in all
 * @param items at most the query's limit
 * @param nextBeforeSeq when more match than were returned, the {@code beforeSeq} that
 * continues with older calls; otherwise {@code null}
 */
public record AuditPage(long total, List<AuditedCall> items, Long nextBeforeSeq) {

	public AuditPage {
		items = List.copyOf(items);
	}

}
