package dev.cairn.rego.internal.lexer;

/**
 * One token.
 *
 * @param kind what it is
 * @param text the source text, as written
 * @param value the decoded value of strings and template parts, the reason for
 * {@link TokenKind#ILLEGAL}; otherwise the text
 * @param offset index of the first character in the source
 * @param row 1-based line
 * @param col 1-based column, counted in code points
 * @param spaceBefore whitespace or a comment separates it from the previous token; refs
 * and calls need their {@code .}, {@code [} and {@code (} to follow without a gap
 * @param newlineBefore a line break separates it from the previous token, which ends a
 * query literal as a semicolon does
 */
public record Token(TokenKind kind, String text, String value, int offset, int row, int col, boolean spaceBefore,
		boolean newlineBefore) {

	/** Whether this is the identifier (or keyword) {@code word}. */
	public boolean is(String word) {
		return this.kind == TokenKind.IDENT && this.text.equals(word);
	}

	/** Whether this continues a template string after an interpolated expression. */
	public boolean isTemplateContinuation() {
		return (this.kind == TokenKind.TEMPLATE_PART || this.kind == TokenKind.TEMPLATE_END)
				&& this.text.startsWith("}");
	}

}
