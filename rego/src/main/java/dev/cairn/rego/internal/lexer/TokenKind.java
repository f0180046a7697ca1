package dev.cairn.rego.internal.lexer;

/**
 * The kinds of tokens. Keywords are {@link #IDENT}s: which words are keywords depends on
 * the module's imports, so the parser decides.
 */
public enum TokenKind {

	/** End of input. */
	EOF("eof"),
	/**
	 * A character or sequence the scanner rejects; the token's value holds the reason.
	 */
	ILLEGAL("illegal"),
	/** A name or keyword. */
	IDENT("ident"),
	/** A number literal without sign, as written. */
	NUMBER("number"),
	/** A string literal (quoted or raw); the token's value is the decoded text. */
	STRING("string"),
	/** A template string part that is followed by an interpolated expression. */
	TEMPLATE_PART("template-string-part"),
	/** The last part of a template string. */
	TEMPLATE_END("template-string-end"),

	LBRACK("["), RBRACK("]"), LBRACE("{"), RBRACE("}"), LPAREN("("), RPAREN(")"),

	COMMA(","), COLON(":"), DOT("."), SEMICOLON(";"),

	/** {@code +} */
	ADD("plus"),
	/** {@code -} */
	SUB("minus"),
	/** {@code *} */
	MUL("mul"),
	/** {@code /} */
	QUO("div"),
	/** {@code %} */
	REM("rem"),
	/** {@code &}, set intersection. */
	AND("and"),
	/** {@code |}, set union (and the comprehension bar). */
	OR("or"),
	/** {@code =}, unification. */
	UNIFY("eq"),
	/** {@code ==} */
	EQUAL("equal"),
	/** {@code :=} */
	ASSIGN("assign"),
	/** {@code !=} */
	NEQ("neq"),
	/** {@code >} */
	GT("gt"),
	/** {@code <} */
	LT("lt"),
	/** {@code >=} */
	GTE("gte"),
	/** {@code <=} */
	LTE("lte");

	private final String display;

	TokenKind(String display) {
		this.display = display;
	}

	/**
	 * The name OPA uses for this token in messages ({@code unexpected assign token}); for
	 * operators it is also the name of the builtin the operator calls.
	 */
	public String display() {
		return this.display;
	}

}
