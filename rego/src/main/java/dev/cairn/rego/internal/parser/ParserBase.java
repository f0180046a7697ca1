package dev.cairn.rego.internal.parser;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.cairn.rego.Location;
import dev.cairn.rego.internal.lexer.Token;
import dev.cairn.rego.internal.lexer.TokenKind;

/**
 * The token cursor the parser layers share: lookahead, keywords, nesting depth, and
 * OPA-worded errors.
 */
abstract class ParserBase {

	/**
	 * How deeply terms, operators and bodies may nest. OPA allows far more, but Java
	 * threads have small fixed stacks, and no policy a person writes comes near this. It
	 * also bounds the depth of the trees the parser returns, so the compiler may recurse.
	 */
	static final int MAX_DEPTH = 200;

	/** The keywords of Rego v1, without imports. */
	static final Set<String> V1_KEYWORDS = Set.of("package", "import", "as", "default", "else", "not", "some", "with",
			"null", "true", "false", "in", "every", "contains", "if");

	final String file;

	final List<Token> tokens;

	/** The keywords in force; imports of experimental keywords add to them. */
	final Set<String> keywords = new HashSet<>(V1_KEYWORDS);

	int pos;

	private int depth;

	ParserBase(String file, List<Token> tokens) {
		this.file = file;
		this.tokens = tokens;
	}

	final Token tok() {
		return this.tokens.get(this.pos);
	}

	final void next() {
		if (this.pos < this.tokens.size() - 1) {
			this.pos++;
		}
	}

	final boolean at(TokenKind kind) {
		return tok().kind() == kind;
	}

	/**
	 * Whether the current token is the keyword {@code word} (in force, and not a ref
	 * head).
	 */
	final boolean atKeyword(String word) {
		return tok().is(word) && this.keywords.contains(word) && !refFollows();
	}

	final boolean isKeyword(Token token) {
		return token.kind() == TokenKind.IDENT && this.keywords.contains(token.text());
	}

	/**
	 * Whether {@code .} or {@code [} follows the current token without a gap. Then even a
	 * keyword is the head of a ref: {@code not.foo}, {@code if[0]}, as OPA allows.
	 */
	final boolean refFollows() {
		if (this.pos + 1 >= this.tokens.size()) {
			return false;
		}
		Token after = this.tokens.get(this.pos + 1);
		return !after.spaceBefore() && (after.kind() == TokenKind.DOT || after.kind() == TokenKind.LBRACK);
	}

	final Location loc(Token token) {
		return new Location(this.file, token.row(), token.col());
	}

	final ParseFailure error(Location location, String message) {
		return new ParseFailure(location, this.pos, message);
	}

	/**
	 * {@code unexpected <token> token: <note>} at the current token, as OPA words it; for
	 * a token the lexer rejected, the lexer's reason.
	 */
	final ParseFailure unexpected(String note) {
		Token t = tok();
		if (t.kind() == TokenKind.ILLEGAL) {
			return error(loc(t), t.value());
		}
		String what = isKeyword(t) ? t.text() + " keyword" : t.kind().display() + " token";
		return error(loc(t), "unexpected " + what + (note.isEmpty() ? "" : ": " + note));
	}

	final void expect(TokenKind kind, String note) {
		if (!at(kind)) {
			throw unexpected(note);
		}
		next();
	}

	/** Counts one level of nesting; pair with {@link #leave()}. */
	final void enter() {
		if (this.depth >= MAX_DEPTH) {
			throw error(loc(tok()), "max parsing recursion depth exceeded");
		}
		this.depth++;
	}

	final void leave() {
		this.depth--;
	}

	/** Undoes {@code levels} calls of {@link #enter()}. */
	final void leave(int levels) {
		this.depth -= levels;
	}

}
