package dev.cairn.rego.internal.lexer;

/**
 * A {@code #} comment as the lexer found it.
 *
 * @param text the text after {@code #}, without a trailing carriage return
 * @param row 1-based line
 * @param col 1-based column of the {@code #}
 */
public record Comment(String text, int row, int col) {
}
