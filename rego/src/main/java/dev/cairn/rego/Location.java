package dev.cairn.rego;

import java.util.Objects;

/**
 * A position in a Rego source: the file (or module name) and the 1-based row and column.
 *
 * @param file the file or module name; empty for a query typed inline
 * @param row 1-based line
 * @param col 1-based column
 */
public record Location(String file, int row, int col) {

	public Location {
		Objects.requireNonNull(file, "file");
		if (row < 1 || col < 1) {
			throw new IllegalArgumentException("row and col are 1-based, got " + row + ":" + col);
		}
	}

	/**
	 * {@code file:row:col}, or {@code row:col} without a file, as OPA prints positions.
	 */
	@Override
	public String toString() {
		return this.file.isEmpty() ? this.row + ":" + this.col : this.file + ":" + this.row + ":" + this.col;
	}

}
