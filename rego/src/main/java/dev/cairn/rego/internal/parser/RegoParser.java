package dev.cairn.rego.internal.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import dev.cairn.rego.ErrorCode;
import dev.cairn.rego.Location;
import dev.cairn.rego.RegoException;
import dev.cairn.rego.ast.Body;
import dev.cairn.rego.ast.Call;
import dev.cairn.rego.ast.Comment;
import dev.cairn.rego.ast.Expr;
import dev.cairn.rego.ast.Module;
import dev.cairn.rego.ast.Term;
import dev.cairn.rego.internal.lexer.Lexer;
import dev.cairn.rego.internal.lexer.TokenKind;

/**
 * Parses Rego v1 modules, queries and terms. Every method throws a {@link RegoException}
 * with {@link ErrorCode#PARSE_ERROR} and the position of the problem for invalid input,
 * and nothing else, whatever the input. Thread-safe: each call has its own state.
 */
public final class RegoParser {

	/**
	 * The longest source the parser accepts, in characters (4 MiB). Nesting is bounded
	 * too, to {@value ParserBase#MAX_DEPTH} levels, and the number of tokens to
	 * {@value Lexer#MAX_TOKENS}.
	 */
	public static final int MAX_SOURCE_LENGTH = 4 * 1024 * 1024;

	private RegoParser() {
	}

	/**
	 * A module: a package, imports and rules, with {@code # METADATA} annotations
	 * attached.
	 * @param file the name used in locations
	 * @param source the text
	 */
	public static Module parseModule(String file, String source) {
		return parseModule(file, source, false);
	}

	/**
	 * A module, optionally with OPA's experimental keywords: {@code and} and {@code or},
	 * usable after {@code import future.keywords.and} (or {@code .or}), which is
	 * otherwise an error, as in OPA.
	 * @param file the name used in locations
	 * @param source the text
	 * @param experimentalKeywords whether to accept the experimental keywords
	 */
	public static Module parseModule(String file, String source, boolean experimentalKeywords) {
		return guarded(file, source, experimentalKeywords, (parser) -> {
			ModuleParser.Parsed parsed = parser.parseModule();
			Lexer lexer = parser.lexer;
			Annotations.Attached attached = Annotations.attach(file, lexer.comments(), parser.statements, parsed.pkg(),
					parsed.rules());
			List<Comment> comments = new ArrayList<>();
			lexer.comments().forEach((c) -> comments.add(new Comment(new Location(file, c.row(), c.col()), c.text())));
			return new Module(file, attached.pkg(), parsed.imports(), attached.rules(), attached.annotations(),
					comments);
		});
	}

	/**
	 * A query, such as {@code data.test.p = x; y := 1}: literals separated by semicolons
	 * or newlines.
	 */
	public static Body parseQuery(String source) {
		return guarded("", source, false, (parser) -> {
			if (parser.at(TokenKind.EOF)) {
				throw parser.error(new Location("", 1, 1), "empty query");
			}
			Location at = parser.loc(parser.tok());
			List<Expr> exprs = new ArrayList<>();
			// As in OPA, literals of a query need no separator on one line: "x := 1 y :=
			// 2".
			while (!parser.at(TokenKind.EOF)) {
				exprs.add(parser.parseLiteral());
				if (parser.at(TokenKind.SEMICOLON)) {
					parser.next();
				}
			}
			return new Body(at, exprs);
		});
	}

	/**
	 * A single term, such as the {@code input_term} of a conformance case: a value
	 * written in Rego syntax, possibly with variables and refs, but not a call
	 * expression.
	 */
	public static Term parseTerm(String source) {
		return guarded("", source, false, (parser) -> {
			Location at = parser.at(TokenKind.EOF) ? new Location("", 1, 1) : parser.loc(parser.tok());
			Expr expr = parser.parseLiteral();
			if (!parser.at(TokenKind.EOF)) {
				throw parser.unexpected("expected exactly one term");
			}
			if (expr.negated() || !expr.withs().isEmpty() || !(expr.form() instanceof Term term)
					|| term instanceof Call) {
				throw parser.error(at, "expected term");
			}
			return term;
		});
	}

	private static <T> T guarded(String file, String source, boolean experimental, Function<ModuleParser, T> parse) {
		if (source.length() > MAX_SOURCE_LENGTH) {
			throw new RegoException(ErrorCode.PARSE_ERROR, new Location(file, 1, 1),
					"source is longer than " + MAX_SOURCE_LENGTH + " characters (the parser's limit)");
		}
		try {
			return parse.apply(new ModuleParser(file, Lexer.scan(source), experimental));
		}
		catch (ParseFailure ex) {
			throw new RegoException(ErrorCode.PARSE_ERROR, ex.location(), ex.getMessage());
		}
		catch (StackOverflowError ex) {
			// The depth limit should make this unreachable; it must still not escape as
			// an Error.
			throw new RegoException(ErrorCode.PARSE_ERROR, null, "max parsing recursion depth exceeded");
		}
		catch (RegoException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new RegoException(ErrorCode.PARSE_ERROR, null, "internal parser error: " + ex, ex);
		}
	}

}
