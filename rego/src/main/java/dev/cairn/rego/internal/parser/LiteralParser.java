package dev.cairn.rego.internal.parser;

import java.util.ArrayList;
import java.util.List;

import dev.cairn.rego.Location;
import dev.cairn.rego.ast.Body;
import dev.cairn.rego.ast.Call;
import dev.cairn.rego.ast.Every;
import dev.cairn.rego.ast.Expr;
import dev.cairn.rego.ast.Group;
import dev.cairn.rego.ast.LogicalExpr;
import dev.cairn.rego.ast.Ref;
import dev.cairn.rego.ast.SomeDecl;
import dev.cairn.rego.ast.SomeIn;
import dev.cairn.rego.ast.Term;
import dev.cairn.rego.ast.Var;
import dev.cairn.rego.ast.With;
import dev.cairn.rego.internal.lexer.Token;
import dev.cairn.rego.internal.lexer.TokenKind;

/**
 * Literals and the bodies made of them:
 *
 * <pre>
 * body     = literal { ( ";" | newline ) literal }
 * literal  = [ "not" ] ( some | every | expr ) { with }
 * expr     = infix [ ( ":=" | "=" ) infix ]
 * some     = "some" var { "," var } | "some" infix-in
 * every    = "every" var [ "," var ] "in" relation "{" body "}"
 * with     = "with" term "as" infix
 * </pre>
 *
 * With the experimental {@code and}/{@code or} keywords imported, a literal is instead a
 * logical expression whose operands are literals, {@code { body }} groups or
 * parenthesized logical expressions; its {@code with} modifiers apply to all of it.
 */
abstract class LiteralParser extends TermParser {

	/**
	 * Whether {@code and}, {@code or} or {@code not} were imported: literals may then be
	 * logical expressions and groups.
	 */
	boolean logical;

	LiteralParser(String file, List<Token> tokens) {
		super(file, tokens);
	}

	@Override
	final Body parseBody(TokenKind end) {
		enter();
		try {
			Location at = loc(tok());
			if (at(end)) {
				throw error(at, "found empty body");
			}
			List<Expr> exprs = new ArrayList<>();
			while (true) {
				exprs.add(parseLiteral());
				if (at(TokenKind.SEMICOLON)) {
					next();
					continue;
				}
				if (at(end)) {
					return new Body(at, exprs);
				}
				if (!tok().newlineBefore()) {
					throw unexpected("expected \\n or ; or " + end.display());
				}
			}
		}
		finally {
			leave();
		}
	}

	@Override
	final Expr parseLiteral() {
		if (!this.logical) {
			return parseSimpleLiteral(true);
		}
		Expr expr = parseDisjunction();
		if (atKeyword("with")) {
			List<With> withs = new ArrayList<>(expr.withs());
			withs.addAll(parseWiths());
			expr = new Expr(expr.location(), expr.negated(), expr.form(), withs);
		}
		return expr;
	}

	private Expr parseSimpleLiteral(boolean withModifiers) {
		Location at = loc(tok());
		boolean negated = false;
		if (atKeyword("not")) {
			next();
			negated = true;
		}
		if (atKeyword("some")) {
			if (negated) {
				throw unexpected("illegal negation of 'some'");
			}
			return parseSome(withModifiers);
		}
		if (atKeyword("every")) {
			if (negated) {
				throw unexpected("illegal negation of 'every'");
			}
			return parseEvery(withModifiers);
		}
		Expr.Form form = parseExprForm();
		List<With> withs = (withModifiers && atKeyword("with")) ? parseWiths() : List.of();
		return new Expr(at, negated, form, withs);
	}

	private Expr.Form parseExprForm() {
		Term lhs = parseInfix();
		if (at(TokenKind.ASSIGN) || at(TokenKind.UNIFY)) {
			Token op = tok();
			next();
			Term rhs = parseInfix();
			return new Call(lhs.location(), operatorRef(op), List.of(lhs, rhs));
		}
		return lhs;
	}

	private List<With> parseWiths() {
		List<With> withs = new ArrayList<>();
		while (atKeyword("with")) {
			Location at = loc(tok());
			next();
			if (tok().kind() != TokenKind.IDENT) {
				throw unexpected("expected ident");
			}
			Term target = parseTerm();
			if (!(target instanceof Ref || target instanceof Var)) {
				throw unexpected("expected with target path");
			}
			if (!atKeyword("as")) {
				throw unexpected("expected as keyword");
			}
			next();
			withs.add(new With(at, target, parseInfix()));
		}
		return withs;
	}

	/**
	 * {@code some x in xs} and {@code some k, v in xs} parse as a membership call first;
	 * anything else that is a term falls back to a list of variables, as in OPA.
	 */
	private Expr parseSome(boolean withModifiers) {
		Location at = loc(tok());
		next();
		int mark = this.pos;
		Term term;
		try {
			term = parseInfix();
		}
		catch (ParseFailure ex) {
			term = null;
		}
		if (term instanceof Call call) {
			String name = call.operator().name();
			SomeIn some;
			if ("internal.member_2".equals(name)) {
				some = new SomeIn(at, null, call.args().get(0), call.args().get(1));
			}
			else if ("internal.member_3".equals(name)) {
				some = new SomeIn(at, call.args().get(0), call.args().get(1), call.args().get(2));
			}
			else {
				throw unexpected("expected `x in xs` or `x, y in xs` expression");
			}
			List<With> withs = (withModifiers && atKeyword("with")) ? parseWiths() : List.of();
			return new Expr(at, false, some, withs);
		}
		this.pos = mark;
		List<Var> vars = new ArrayList<>();
		while (true) {
			Token name = tok();
			if (name.kind() != TokenKind.IDENT || isKeyword(name)) {
				throw unexpected("expected var");
			}
			next();
			vars.add(new Var(loc(name), name.text()));
			if (!at(TokenKind.COMMA)) {
				return new Expr(at, false, new SomeDecl(at, vars), List.of());
			}
			next();
		}
	}

	private Expr parseEvery(boolean withModifiers) {
		Location at = loc(tok());
		next();
		Term term = parseInfix();
		String shape = "expected `x[, y] in xs { ... }` expression";
		if (!(term instanceof Call call)) {
			throw unexpected(shape);
		}
		String name = call.operator().name();
		Term key = null;
		Term value;
		Term domain;
		if ("internal.member_2".equals(name)) {
			value = call.args().get(0);
			domain = call.args().get(1);
		}
		else if ("internal.member_3".equals(name)) {
			key = call.args().get(0);
			value = call.args().get(1);
			domain = call.args().get(2);
			if (!(key instanceof Var)) {
				throw unexpected("expected key to be a variable");
			}
		}
		else {
			throw unexpected(shape);
		}
		if (!(value instanceof Var)) {
			throw unexpected("expected value to be a variable");
		}
		if (!at(TokenKind.LBRACE)) {
			throw unexpected("missing body");
		}
		next();
		Body body = parseBody(TokenKind.RBRACE);
		next();
		Every every = new Every(at, (Var) key, (Var) value, domain, body);
		List<With> withs = (withModifiers && atKeyword("with")) ? parseWiths() : List.of();
		return new Expr(at, false, every, withs);
	}

	// experimental: disjunction = conjunction { "or" conjunction }

	private Expr parseDisjunction() {
		Expr left = parseConjunction(false);
		int levels = 0;
		try {
			while (atKeyword("or")) {
				enter();
				levels++;
				next();
				Expr right = parseConjunction(true);
				left = logical(LogicalExpr.Operator.OR, left, right);
			}
			return left;
		}
		finally {
			leave(levels);
		}
	}

	// conjunction = unary { "and" unary }

	private Expr parseConjunction(boolean inChain) {
		Expr left = parseUnary(inChain);
		int levels = 0;
		try {
			while (atKeyword("and")) {
				enter();
				levels++;
				next();
				Expr right = parseUnary(true);
				left = logical(LogicalExpr.Operator.AND, left, right);
			}
			return left;
		}
		finally {
			leave(levels);
		}
	}

	private static Expr logical(LogicalExpr.Operator operator, Expr left, Expr right) {
		return new Expr(left.location(), false, new LogicalExpr(left.location(), operator, left, right), List.of());
	}

	// unary = "not" operand | operand

	private Expr parseUnary(boolean inChain) {
		if (!atKeyword("not")) {
			return parseOperand(false, inChain);
		}
		Location at = loc(tok());
		next();
		if (atKeyword("not")) {
			throw unexpected("");
		}
		if (atKeyword("some") || atKeyword("every")) {
			throw unexpected("illegal negation of '" + tok().text() + "'");
		}
		Expr operand = parseOperand(true, inChain);
		return new Expr(at, true, operand.form(), operand.withs());
	}

	/**
	 * operand = "{" body "}" | "(" logical ")" | literal. A brace group is a set literal
	 * unless it is negated or next to {@code and}/{@code or}, or only parses as a body;
	 * parentheses hold a term unless only a logical expression fits.
	 */
	private Expr parseOperand(boolean negated, boolean inChain) {
		enter();
		try {
			Token start = tok();
			int mark = this.pos;
			if (start.kind() == TokenKind.LBRACE) {
				Expr group = tryGroup(start);
				if (group != null && (negated || inChain || atKeyword("and") || atKeyword("or"))) {
					return group;
				}
				int afterGroup = this.pos;
				this.pos = mark;
				try {
					return parseSimpleLiteral(false);
				}
				catch (ParseFailure ex) {
					if (group == null) {
						throw ex;
					}
					this.pos = afterGroup;
					return group;
				}
			}
			if (start.kind() == TokenKind.LPAREN) {
				ParseFailure asTerm;
				try {
					return parseSimpleLiteral(false);
				}
				catch (ParseFailure ex) {
					asTerm = ex;
				}
				this.pos = mark;
				try {
					next();
					Expr inner = parseLiteral();
					expect(TokenKind.RPAREN, "expected )");
					return inner;
				}
				catch (ParseFailure ex) {
					throw (ex.tokenIndex() >= asTerm.tokenIndex()) ? ex : asTerm;
				}
			}
			return parseSimpleLiteral(false);
		}
		finally {
			leave();
		}
	}

	private Expr tryGroup(Token open) {
		int mark = this.pos;
		try {
			next();
			Body body = parseBody(TokenKind.RBRACE);
			next();
			return new Expr(loc(open), false, new Group(loc(open), body), List.of());
		}
		catch (ParseFailure ex) {
			this.pos = mark;
			return null;
		}
	}

}
