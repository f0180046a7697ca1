package dev.cairn.rego;

import java.util.List;
import java.util.Map;

import dev.cairn.rego.value.Value;

/**
 * The answers to a query: one row per way the query can be satisfied, each binding the
 * query's named variables to values. An undefined query has no rows; a query without
 * variables that holds has one empty row.
 *
 * @param rows the rows, in evaluation order
 */
public record QueryResult(List<Map<String, Value>> rows) {

	public QueryResult {
		List<Map<String, Value>> copies = new java.util.ArrayList<>(rows.size());
		for (Map<String, Value> row : rows) {
			copies.add(Map.copyOf(row));
		}
		rows = List.copyOf(copies);
	}

	/** Whether the query has at least one answer. */
	public boolean isDefined() {
		return !this.rows.isEmpty();
	}

}
