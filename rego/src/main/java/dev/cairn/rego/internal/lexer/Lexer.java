package dev.cairn.rego.internal.lexer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Scans a whole source into tokens. Never throws: what it cannot scan becomes an
 * {@link TokenKind#ILLEGAL} token carrying OPA's reason, so the parser reports it only if
 * it gets that far, as OPA's lazy scanner would.
 */
public final class Lexer {

	private static final int BOM = 0xFEFF;

	private final String src;

	private final List<Token> tokens = new ArrayList<>();

	private final List<Comment> comments = new ArrayList<>();

	/**
	 * One entry per template string whose interpolated expression is being scanned: the
	 * count of braces opened inside that expression, and whether the template is raw. The
	 * brace that closes the expression resumes the template instead of becoming a token.
	 */
	private final Deque<int[]> templates = new ArrayDeque<>();

	private int pos;

	private int row = 1;

	private int col = 1;

	private boolean spaceBefore;

	private boolean newlineBefore;

	/** The most tokens a source may have; about four times those of a 1 MB policy. */
	public static final int MAX_TOKENS = 1_000_000;

	private Lexer(String src) {
		this.src = src;
	}

	/** Scans {@code source}; the result always ends with one {@link TokenKind#EOF}. */
	public static Lexer scan(String source) {
		Lexer lexer = new Lexer(source);
		lexer.run();
		return lexer;
	}

	/** The tokens, ending with {@link TokenKind#EOF}. */
	public List<Token> tokens() {
		return this.tokens;
	}

	/** The comments, in source order. */
	public List<Comment> comments() {
		return this.comments;
	}

	private void run() {
		if (this.pos < this.src.length() && this.src.charAt(0) == BOM) {
			this.pos++;
		}
		while (true) {
			skipWhitespaceAndComments();
			if (this.pos >= this.src.length()) {
				add(TokenKind.EOF, this.pos, this.row, this.col, "");
				return;
			}
			if (this.tokens.size() >= MAX_TOKENS) {
				// The parser reports this token when it gets there, so a source cannot
				// make the token list take more than about 100 MB.
				add(TokenKind.ILLEGAL, this.pos, this.row, this.col,
						"more than " + MAX_TOKENS + " tokens (the parser's limit)");
				add(TokenKind.EOF, this.pos, this.row, this.col, "");
				return;
			}
			scanToken();
		}
	}

	private void skipWhitespaceAndComments() {
		while (this.pos < this.src.length()) {
			char c = this.src.charAt(this.pos);
			if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
				this.spaceBefore = true;
				if (c == '\n') {
					this.newlineBefore = true;
				}
				advance();
			}
			else if (c == '#') {
				this.spaceBefore = true;
				int startCol = this.col;
				int start = this.pos + 1;
				while (this.pos < this.src.length() && this.src.charAt(this.pos) != '\n') {
					advance();
				}
				int end = this.pos;
				if (end > start && this.src.charAt(end - 1) == '\r') {
					end--;
				}
				this.comments.add(new Comment(this.src.substring(start, end), this.row, startCol));
			}
			else {
				return;
			}
		}
	}

	private void scanToken() {
		int start = this.pos;
		int startRow = this.row;
		int startCol = this.col;
		int c = this.src.codePointAt(this.pos);
		if (isLetter(c)) {
			while (this.pos < this.src.length() && (isLetter(cur()) || isDigit(cur()))) {
				advance();
			}
			add(TokenKind.IDENT, start, startRow, startCol, null);
			return;
		}
		if (c >= '0' && c <= '9') {
			scanNumber(start, startRow, startCol);
			return;
		}
		advance();
		switch (c) {
			case '"' -> scanString(start, startRow, startCol);
			case '`' -> scanRawString(start, startRow, startCol);
			case '$' -> scanTemplateStart(start, startRow, startCol);
			case '[' -> add(TokenKind.LBRACK, start, startRow, startCol, null);
			case ']' -> add(TokenKind.RBRACK, start, startRow, startCol, null);
			case '{' -> {
				if (!this.templates.isEmpty()) {
					this.templates.peek()[0]++;
				}
				add(TokenKind.LBRACE, start, startRow, startCol, null);
			}
			case '}' -> {
				if (!this.templates.isEmpty() && this.templates.peek()[0] == 0) {
					boolean raw = this.templates.pop()[1] == 1;
					scanTemplatePart(start, startRow, startCol, raw);
					return;
				}
				if (!this.templates.isEmpty()) {
					this.templates.peek()[0]--;
				}
				add(TokenKind.RBRACE, start, startRow, startCol, null);
			}
			case '(' -> add(TokenKind.LPAREN, start, startRow, startCol, null);
			case ')' -> add(TokenKind.RPAREN, start, startRow, startCol, null);
			case ',' -> add(TokenKind.COMMA, start, startRow, startCol, null);
			case ';' -> add(TokenKind.SEMICOLON, start, startRow, startCol, null);
			case '.' -> add(TokenKind.DOT, start, startRow, startCol, null);
			case '+' -> add(TokenKind.ADD, start, startRow, startCol, null);
			case '-' -> add(TokenKind.SUB, start, startRow, startCol, null);
			case '*' -> add(TokenKind.MUL, start, startRow, startCol, null);
			case '/' -> add(TokenKind.QUO, start, startRow, startCol, null);
			case '%' -> add(TokenKind.REM, start, startRow, startCol, null);
			case '&' -> add(TokenKind.AND, start, startRow, startCol, null);
			case '|' -> add(TokenKind.OR, start, startRow, startCol, null);
			case ':' -> add(follows('=') ? TokenKind.ASSIGN : TokenKind.COLON, start, startRow, startCol, null);
			case '=' -> add(follows('=') ? TokenKind.EQUAL : TokenKind.UNIFY, start, startRow, startCol, null);
			case '>' -> add(follows('=') ? TokenKind.GTE : TokenKind.GT, start, startRow, startCol, null);
			case '<' -> add(follows('=') ? TokenKind.LTE : TokenKind.LT, start, startRow, startCol, null);
			case '!' -> {
				if (follows('=')) {
					add(TokenKind.NEQ, start, startRow, startCol, null);
				}
				else {
					add(TokenKind.ILLEGAL, start, startRow, startCol, "illegal ! character");
				}
			}
			case 0 -> add(TokenKind.ILLEGAL, start, startRow, startCol, "illegal null character");
			case BOM -> add(TokenKind.ILLEGAL, start, startRow, startCol, "illegal byte-order mark");
			default -> add(TokenKind.ILLEGAL, start, startRow, startCol, "illegal token");
		}
	}

	private void scanNumber(int start, int startRow, int startCol) {
		String error = null;
		while (this.pos < this.src.length() && isDecimal(cur())) {
			advance();
		}
		if (this.pos < this.src.length() && cur() == '.') {
			advance();
			if (!skipDecimals()) {
				error = "expected fraction";
			}
		}
		if (this.pos < this.src.length() && (cur() == 'e' || cur() == 'E')) {
			advance();
			if (this.pos < this.src.length() && (cur() == '+' || cur() == '-')) {
				advance();
			}
			if (!skipDecimals() && error == null) {
				error = "expected exponent";
			}
		}
		// "0a2b" is one bad number rather than a number followed by a name.
		if (this.pos < this.src.length() && isLetter(cur())) {
			error = (error != null) ? error : "illegal number format";
			while (this.pos < this.src.length() && (isLetter(cur()) || isDigit(cur()))) {
				advance();
			}
		}
		add((error != null) ? TokenKind.ILLEGAL : TokenKind.NUMBER, start, startRow, startCol, error);
	}

	private boolean skipDecimals() {
		boolean found = false;
		while (this.pos < this.src.length() && isDecimal(cur())) {
			advance();
			found = true;
		}
		return found;
	}

	private void scanString(int start, int startRow, int startCol) {
		String error = null;
		while (true) {
			if (this.pos >= this.src.length() || cur() == '\n') {
				error = "non-terminated string";
				break;
			}
			int ch = cur();
			advance();
			if (ch == '"') {
				break;
			}
			if (ch == '\\') {
				error = (skipEscape(false) || error != null) ? error : "illegal escape sequence";
			}
		}
		if (error != null) {
			add(TokenKind.ILLEGAL, start, startRow, startCol, error);
			return;
		}
		String text = this.src.substring(start, this.pos);
		String inner = text.substring(1, text.length() - 1);
		String value = StringEscapes.decode(inner);
		if (value == null) {
			add(TokenKind.ILLEGAL, start, startRow, startCol, "illegal string literal: " + text);
			return;
		}
		add(TokenKind.STRING, start, startRow, startCol, value);
	}

	/**
	 * Steps over the character after a backslash. Like OPA's scanner it only checks the
	 * escape's first character; the decoder checks the digits of a unicode escape.
	 */
	private boolean skipEscape(boolean template) {
		if (this.pos >= this.src.length()) {
			return false;
		}
		int ch = cur();
		switch (ch) {
			case '\\', '"', '/', 'b', 'f', 'n', 'r', 't' -> {
				advance();
				return true;
			}
			case 'u' -> {
				advance();
				for (int i = 0; i < 4 && this.pos < this.src.length() && cur() != '\n'; i++) {
					advance();
				}
				return true;
			}
			case '{' -> {
				if (template) {
					advance();
					return true;
				}
				return false;
			}
			default -> {
				return false;
			}
		}
	}

	private void scanRawString(int start, int startRow, int startCol) {
		while (this.pos < this.src.length() && cur() != '`') {
			advance();
		}
		if (this.pos >= this.src.length()) {
			add(TokenKind.ILLEGAL, start, startRow, startCol, "non-terminated string");
			return;
		}
		advance();
		add(TokenKind.STRING, start, startRow, startCol, this.src.substring(start + 1, this.pos - 1));
	}

	private void scanTemplateStart(int start, int startRow, int startCol) {
		if (this.pos < this.src.length() && (cur() == '"' || cur() == '`')) {
			boolean raw = cur() == '`';
			advance();
			scanTemplatePart(start, startRow, startCol, raw);
			return;
		}
		add(TokenKind.ILLEGAL, start, startRow, startCol, "illegal $ character");
	}

	/**
	 * Scans template text up to an unescaped {@code {} (an expression follows) or the
	 * closing delimiter. {@code \{} is a literal brace in both kinds; the quoted kind
	 * also decodes the escapes of ordinary strings.
	 */
	private void scanTemplatePart(int start, int startRow, int startCol, boolean raw) {
		StringBuilder inner = new StringBuilder();
		String error = null;
		TokenKind kind = TokenKind.TEMPLATE_PART;
		while (true) {
			if (this.pos >= this.src.length() || (!raw && cur() == '\n')) {
				error = "non-terminated string";
				break;
			}
			int ch = cur();
			advance();
			if (ch == (raw ? '`' : '"')) {
				kind = TokenKind.TEMPLATE_END;
				break;
			}
			if (ch == '{') {
				break;
			}
			if (ch == '\\') {
				if (this.pos < this.src.length() && cur() == '{') {
					advance();
					inner.append('{');
					continue;
				}
				if (!raw) {
					int escapeStart = this.pos - 1;
					if (!skipEscape(true)) {
						error = (error != null) ? error : "illegal escape sequence";
					}
					inner.append(this.src, escapeStart, this.pos);
					continue;
				}
			}
			inner.appendCodePoint(ch);
		}
		if (error != null) {
			add(TokenKind.ILLEGAL, start, startRow, startCol, error);
			return;
		}
		String value = raw ? inner.toString() : StringEscapes.decode(inner.toString());
		if (value == null) {
			add(TokenKind.ILLEGAL, start, startRow, startCol,
					"illegal template-string part: " + this.src.substring(start, this.pos));
			return;
		}
		if (kind == TokenKind.TEMPLATE_PART) {
			this.templates.push(new int[] { 0, raw ? 1 : 0 });
		}
		add(kind, start, startRow, startCol, value);
	}

	private boolean follows(char c) {
		if (this.pos < this.src.length() && this.src.charAt(this.pos) == c) {
			advance();
			return true;
		}
		return false;
	}

	private void add(TokenKind kind, int start, int startRow, int startCol, String value) {
		String text = this.src.substring(start, this.pos);
		this.tokens.add(new Token(kind, text, (value != null) ? value : text, start, startRow, startCol,
				this.spaceBefore, this.newlineBefore));
		this.spaceBefore = false;
		this.newlineBefore = false;
	}

	private int cur() {
		return this.src.codePointAt(this.pos);
	}

	private void advance() {
		int c = this.src.codePointAt(this.pos);
		this.pos += Character.charCount(c);
		if (c == '\n') {
			this.row++;
			this.col = 1;
		}
		else {
			this.col++;
		}
	}

	private static boolean isLetter(int c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
	}

	private static boolean isDecimal(int c) {
		return c >= '0' && c <= '9';
	}

	private static boolean isDigit(int c) {
		return isDecimal(c) || (c >= 0x80 && Character.isDigit(c));
	}

}
