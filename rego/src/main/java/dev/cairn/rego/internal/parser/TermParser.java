package dev.cairn.rego.internal.parser;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import dev.cairn.rego.Location;
import dev.cairn.rego.ast.ArrayComprehension;
import dev.cairn.rego.ast.ArrayTerm;
import dev.cairn.rego.ast.Body;
import dev.cairn.rego.ast.BooleanTerm;
import dev.cairn.rego.ast.Call;
import dev.cairn.rego.ast.Expr;
import dev.cairn.rego.ast.NullTerm;
import dev.cairn.rego.ast.NumberTerm;
import dev.cairn.rego.ast.ObjectComprehension;
import dev.cairn.rego.ast.ObjectTerm;
import dev.cairn.rego.ast.Ref;
import dev.cairn.rego.ast.SetComprehension;
import dev.cairn.rego.ast.SetTerm;
import dev.cairn.rego.ast.SomeDecl;
import dev.cairn.rego.ast.SomeIn;
import dev.cairn.rego.ast.StringTerm;
import dev.cairn.rego.ast.TemplateString;
import dev.cairn.rego.ast.Term;
import dev.cairn.rego.ast.Var;
import dev.cairn.rego.ast.Every;
import dev.cairn.rego.internal.lexer.Token;
import dev.cairn.rego.internal.lexer.TokenKind;

/**
 * Terms and the operators between them. From loosest to tightest binding, as in OPA:
 *
 * <pre>
 * infix      = relation [ "," relation "in" relation ] { "in" relation }
 * relation   = union { ( "==" | "!=" | "&lt;" | "&gt;" | "&lt;=" | "&gt;=" ) union }
 * union      = intersect { "|" intersect }
 * intersect  = sum { "&amp;" sum }
 * sum        = product { ( "+" | "-" ) product }
 * product    = term { ( "*" | "/" | "%" ) term }
 * term       = ( scalar | var | array | object | set | comprehension | template
 *              | "(" infix ")" ) { "." name | "[" infix "]" | "(" [ infix { "," infix } ] ")" }
 * </pre>
 *
 * The key-value form of {@code in} ({@code k, v in xs}) is only tried where a comma
 * cannot separate list elements. Comprehension heads are single terms, which is how
 * {@code {a | b}} is a comprehension rather than a set holding a union.
 */
abstract class TermParser extends ParserBase {

	private static final Set<String> ROOT_DOCUMENTS = Set.of("data", "input");

	/**
	 * Terms already parsed at a token index. Collections are parsed twice when a first,
	 * narrower attempt fails (see {@link #parseArray()}); remembering inner terms keeps
	 * that linear instead of exponential in the nesting depth.
	 */
	private final Map<Integer, Memo> memo = new HashMap<>();

	private record Memo(Term term, int end, ParseFailure failure) {
	}

	TermParser(String file, List<Token> tokens) {
		super(file, tokens);
	}

	/** A query up to (not including) {@code end}. */
	abstract Body parseBody(TokenKind end);

	/** One literal of a query. */
	abstract Expr parseLiteral();

	/** Forgets remembered terms; the keywords may change between statements. */
	final void forgetTerms() {
		this.memo.clear();
	}

	// infix = relation [ "," relation "in" relation ] { "in" relation }

	final Term parseInfix() {
		return parseIn(true);
	}

	/** An infix term inside a list, where a comma separates elements. */
	final Term parseInfixInList() {
		return parseIn(false);
	}

	private Term parseIn(boolean keyValue) {
		enter();
		try {
			Term lhs = parseRelation();
			if (keyValue && at(TokenKind.COMMA)) {
				int mark = this.pos;
				Term keyValueIn = tryKeyValueIn(lhs);
				if (keyValueIn != null) {
					lhs = keyValueIn;
				}
				else {
					this.pos = mark;
				}
			}
			int levels = 0;
			try {
				while (atKeyword("in")) {
					Token op = tok();
					enter();
					levels++;
					next();
					Term rhs = parseRelation();
					lhs = new Call(lhs.location(), memberRef(op, "member_2"), List.of(lhs, rhs));
				}
			}
			finally {
				leave(levels);
			}
			return lhs;
		}
		finally {
			leave();
		}
	}

	private Term tryKeyValueIn(Term key) {
		try {
			next();
			Term value = parseRelation();
			if (!atKeyword("in")) {
				return null;
			}
			Token op = tok();
			next();
			Term collection = parseRelation();
			return new Call(key.location(), memberRef(op, "member_3"), List.of(key, value, collection));
		}
		catch (ParseFailure ex) {
			return null;
		}
	}

	private Ref memberRef(Token op, String name) {
		Location at = loc(op);
		return new Ref(at, List.of(new Var(at, "internal"), new StringTerm(at, name)));
	}

	private Term parseRelation() {
		return binary(this::parseUnion, TokenKind.EQUAL, TokenKind.NEQ, TokenKind.LT, TokenKind.GT, TokenKind.LTE,
				TokenKind.GTE);
	}

	private Term parseUnion() {
		return binary(this::parseIntersect, TokenKind.OR);
	}

	private Term parseIntersect() {
		return binary(this::parseSum, TokenKind.AND);
	}

	private Term parseSum() {
		return binary(this::parseProduct, TokenKind.ADD, TokenKind.SUB);
	}

	private Term parseProduct() {
		return binary(this::parseTerm, TokenKind.MUL, TokenKind.QUO, TokenKind.REM);
	}

	/**
	 * Left-associative: {@code a - b - c} is {@code minus(minus(a, b), c)}. Each operator
	 * nests the tree one level deeper, so it counts towards the depth limit like brackets
	 * do: whoever walks the tree can recurse.
	 */
	private Term binary(Supplier<Term> operand, TokenKind first, TokenKind... rest) {
		Set<TokenKind> ops = EnumSet.of(first, rest);
		Term lhs = operand.get();
		int levels = 0;
		try {
			while (ops.contains(tok().kind())) {
				Token op = tok();
				enter();
				levels++;
				next();
				Term rhs = operand.get();
				lhs = new Call(lhs.location(), operatorRef(op), List.of(lhs, rhs));
			}
			return lhs;
		}
		finally {
			leave(levels);
		}
	}

	/** The ref of the builtin an operator token calls: {@code plus} for {@code +}. */
	final Ref operatorRef(Token op) {
		Location at = loc(op);
		return new Ref(at, List.of(new Var(at, op.kind().display())));
	}

	// term = primary { ref-arg | call-args }

	final Term parseTerm() {
		int start = this.pos;
		Memo known = this.memo.get(start);
		if (known != null) {
			this.pos = known.end();
			if (known.failure() != null) {
				throw known.failure();
			}
			return known.term();
		}
		enter();
		try {
			Term term = parsePostfix(parsePrimary(), false);
			this.memo.put(start, new Memo(term, this.pos, null));
			return term;
		}
		catch (ParseFailure ex) {
			this.memo.put(start, new Memo(null, this.pos, ex));
			throw ex;
		}
		finally {
			leave();
		}
	}

	private Term parsePrimary() {
		Token t = tok();
		return switch (t.kind()) {
			case IDENT -> parseName();
			case NUMBER, SUB, DOT -> parseNumber();
			case STRING -> {
				next();
				yield new StringTerm(loc(t), t.value());
			}
			case TEMPLATE_PART, TEMPLATE_END -> parseTemplate();
			case LBRACK -> parseArray();
			case LBRACE -> parseSetOrObject();
			case LPAREN -> parseParenthesized();
			default -> throw unexpected("");
		};
	}

	private Term parseName() {
		Token t = tok();
		if (isKeyword(t) && !refFollows()) {
			switch (t.text()) {
				case "true", "false" -> {
					next();
					return new BooleanTerm(loc(t), t.text().equals("true"));
				}
				case "null" -> {
					next();
					return new NullTerm(loc(t));
				}
				// contains is a keyword in rule heads only; elsewhere it names the
				// builtin.
				case "contains" -> {
				}
				default -> throw unexpected("");
			}
		}
		next();
		return new Var(loc(t), t.text());
	}

	/**
	 * Continues {@code head} with ref components and call arguments, which must follow
	 * without whitespace ({@code a .b} is not a ref); only a rule head may have
	 * whitespace before the first one.
	 */
	final Term parsePostfix(Term head, boolean spaceAllowedFirst) {
		boolean postfix = (spaceAllowedFirst || !tok().spaceBefore())
				&& (at(TokenKind.DOT) || at(TokenKind.LBRACK) || at(TokenKind.LPAREN));
		if (!postfix) {
			return rootDocument(head);
		}
		if (!(head instanceof Var || head instanceof ArrayTerm || head instanceof ObjectTerm || head instanceof SetTerm
				|| head instanceof ArrayComprehension || head instanceof SetComprehension
				|| head instanceof ObjectComprehension || head instanceof Call)) {
			throw error(head.location(), "illegal ref (head cannot be " + head.typeName() + ")");
		}
		List<Term> terms = new ArrayList<>();
		terms.add(head);
		do {
			if (at(TokenKind.DOT)) {
				next();
				Token name = tok();
				if (name.kind() != TokenKind.IDENT || name.spaceBefore()) {
					throw name.spaceBefore() ? error(loc(name), "unexpected whitespace token: expected ident")
							: unexpected("expected ident");
				}
				next();
				terms.add(new StringTerm(loc(name), name.text()));
			}
			else if (at(TokenKind.LBRACK)) {
				next();
				Term key = parseInfix();
				expect(TokenKind.RBRACK, "expected ]");
				terms.add(key);
			}
			else {
				return parseCall(new Ref(head.location(), terms));
			}
		}
		while (!tok().spaceBefore() && (at(TokenKind.DOT) || at(TokenKind.LBRACK) || at(TokenKind.LPAREN)));
		return new Ref(head.location(), terms);
	}

	private Term parseCall(Ref operator) {
		enter();
		try {
			next();
			List<Term> args = parseTermList(TokenKind.RPAREN, List.of());
			Term call = (args.isEmpty() && "set".equals(operator.name())) ? new SetTerm(operator.location(), List.of())
					: new Call(operator.location(), operator, args);
			if (!tok().spaceBefore() && (at(TokenKind.DOT) || at(TokenKind.LBRACK))) {
				return parsePostfix(call, false);
			}
			return call;
		}
		finally {
			leave();
		}
	}

	/** A bare {@code input} or {@code data} is a ref to the whole document. */
	private static Term rootDocument(Term term) {
		if (term instanceof Var v && ROOT_DOCUMENTS.contains(v.name())) {
			return new Ref(v.location(), List.of(v));
		}
		return term;
	}

	/**
	 * Infix terms separated by commas, a trailing comma allowed, up to and including
	 * {@code end}.
	 */
	private List<Term> parseTermList(TokenKind end, List<Term> first) {
		List<Term> terms = new ArrayList<>(first);
		if (at(end)) {
			next();
			return terms;
		}
		while (true) {
			terms.add(parseInfixInList());
			if (at(end)) {
				next();
				return terms;
			}
			if (!at(TokenKind.COMMA)) {
				throw unexpected("expected \",\" or \"" + end.display() + "\"");
			}
			next();
			if (at(end)) {
				next();
				return terms;
			}
		}
	}

	// scalars

	/**
	 * A number, with an optional minus sign (only numbers have a unary minus in Rego) and
	 * an optional leading dot. Leading zeros are rejected, and so are exponents too large
	 * to compute with, as OPA does.
	 */
	private Term parseNumber() {
		Location at = loc(tok());
		StringBuilder prefix = new StringBuilder();
		if (at(TokenKind.SUB)) {
			prefix.append('-');
			next();
			if (!at(TokenKind.NUMBER) && !at(TokenKind.DOT)) {
				throw unexpected("expected number");
			}
		}
		if (at(TokenKind.DOT)) {
			prefix.append('.');
			next();
			if (!at(TokenKind.NUMBER)) {
				throw unexpected("expected number");
			}
		}
		String lit = tok().text();
		boolean afterDot = prefix.length() > 0 && prefix.charAt(prefix.length() - 1) == '.';
		if (!afterDot && lit.length() > 1 && lit.charAt(0) == '0' && lit.charAt(1) != '.'
				&& !(lit.length() > 2 && (lit.charAt(1) == 'e' || lit.charAt(1) == 'E'))) {
			throw unexpected("expected number without leading zero");
		}
		String text = prefix + lit;
		try {
			BigDecimal value = new BigDecimal(text);
			// OPA caps the binary exponent at 1e5; 30103 decimal digits is the same
			// bound.
			long magnitude = (long) value.precision() - value.scale();
			if (value.signum() != 0 && Math.abs(magnitude) > 30_103) {
				throw error(loc(tok()), "number too big");
			}
		}
		catch (NumberFormatException | ArithmeticException ex) {
			throw error(loc(tok()), "number too big");
		}
		next();
		return new NumberTerm(at, text);
	}

	private Term parseParenthesized() {
		next();
		Term inner = parseInfix();
		if (!at(TokenKind.RPAREN)) {
			throw error(loc(tok()), "non-terminated expression");
		}
		next();
		return inner;
	}

	// collections: a first, narrower attempt finds comprehensions, as in OPA

	private Term parseArray() {
		Location at = loc(tok());
		next();
		if (at(TokenKind.RBRACK)) {
			next();
			return new ArrayTerm(at, List.of());
		}
		// A leading comma ([, a]) is accepted for compatibility, and rules out a
		// comprehension.
		boolean comprehension = !at(TokenKind.COMMA);
		if (!comprehension) {
			next();
		}
		int mark = this.pos;
		Term head = parseTerm();
		if (at(TokenKind.RBRACK)) {
			next();
			return new ArrayTerm(at, List.of(head));
		}
		if (at(TokenKind.COMMA)) {
			next();
			return new ArrayTerm(at, parseTermList(TokenKind.RBRACK, List.of(head)));
		}
		if (at(TokenKind.OR) && comprehension) {
			next();
			try {
				Body body = parseBody(TokenKind.RBRACK);
				next();
				return new ArrayComprehension(at, head, body);
			}
			catch (ParseFailure ex) {
				// [a | b, c] is an array holding a union after all.
				if (!at(TokenKind.COMMA)) {
					throw ex;
				}
			}
		}
		this.pos = mark;
		return new ArrayTerm(at, parseTermList(TokenKind.RBRACK, List.of()));
	}

	private Term parseSetOrObject() {
		Location at = loc(tok());
		next();
		if (at(TokenKind.RBRACE)) {
			next();
			return new ObjectTerm(at, List.of());
		}
		boolean comprehension = !at(TokenKind.COMMA);
		if (!comprehension) {
			next();
		}
		int mark = this.pos;
		Term head = parseTerm();
		if ((at(TokenKind.OR) && comprehension) || at(TokenKind.RBRACE) || at(TokenKind.COMMA)) {
			return parseSet(at, mark, head, comprehension);
		}
		if (at(TokenKind.COLON)) {
			return parseObject(at, head, comprehension);
		}
		this.pos = mark;
		head = parseInfixInList();
		if (at(TokenKind.RBRACE) || at(TokenKind.COMMA)) {
			return parseSet(at, mark, head, false);
		}
		if (at(TokenKind.COLON)) {
			return parseObject(at, head, comprehension);
		}
		throw unexpected("non-terminated set");
	}

	private Term parseSet(Location at, int mark, Term head, boolean comprehension) {
		if (at(TokenKind.RBRACE)) {
			next();
			return new SetTerm(at, List.of(head));
		}
		if (at(TokenKind.COMMA)) {
			next();
			return new SetTerm(at, parseTermList(TokenKind.RBRACE, List.of(head)));
		}
		if (comprehension) {
			next();
			try {
				Body body = parseBody(TokenKind.RBRACE);
				next();
				return new SetComprehension(at, head, body);
			}
			catch (ParseFailure ex) {
				if (!at(TokenKind.COMMA)) {
					throw ex;
				}
			}
		}
		this.pos = mark;
		return new SetTerm(at, parseTermList(TokenKind.RBRACE, List.of()));
	}

	/** After the first key; the current token is the colon. */
	private Term parseObject(Location at, Term key, boolean comprehension) {
		next();
		int mark = this.pos;
		Term value = parseTerm();
		boolean relation = true;
		ParseFailure failure = null;
		if (comprehension && (at(TokenKind.RBRACE) || at(TokenKind.COMMA) || at(TokenKind.OR))) {
			relation = at(TokenKind.OR);
			try {
				return finishObject(at, key, value, true);
			}
			catch (ParseFailure ex) {
				failure = ex;
			}
		}
		this.pos = mark;
		if (relation) {
			value = parseInfixInList();
			if (at(TokenKind.RBRACE) || at(TokenKind.COMMA)) {
				return finishObject(at, key, value, false);
			}
		}
		throw (failure != null) ? failure : unexpected("non-terminated object");
	}

	private Term finishObject(Location at, Term key, Term value, boolean comprehension) {
		if (at(TokenKind.RBRACE)) {
			next();
			return new ObjectTerm(at, List.of(new ObjectTerm.Entry(key, value)));
		}
		if (at(TokenKind.OR)) {
			if (!comprehension) {
				throw unexpected("non-terminated object");
			}
			next();
			Body body = parseBody(TokenKind.RBRACE);
			next();
			return new ObjectComprehension(at, key, value, body);
		}
		next();
		List<ObjectTerm.Entry> entries = new ArrayList<>();
		entries.add(new ObjectTerm.Entry(key, value));
		if (at(TokenKind.RBRACE)) {
			next();
			return new ObjectTerm(at, entries);
		}
		while (true) {
			Term k = parseInfixInList();
			expect(TokenKind.COLON, "expected \":\"");
			entries.add(new ObjectTerm.Entry(k, parseInfixInList()));
			if (at(TokenKind.RBRACE)) {
				next();
				return new ObjectTerm(at, entries);
			}
			if (!at(TokenKind.COMMA)) {
				throw unexpected("expected \",\" or \"}\"");
			}
			next();
			if (at(TokenKind.RBRACE)) {
				next();
				return new ObjectTerm(at, entries);
			}
		}
	}

	// template strings: $"text {literal} text"

	private Term parseTemplate() {
		Token first = tok();
		if (first.isTemplateContinuation()) {
			throw unexpected("");
		}
		boolean multiLine = first.text().startsWith("$`");
		List<TemplateString.Part> parts = new ArrayList<>();
		Token part = first;
		while (true) {
			if (!part.value().isEmpty()) {
				parts.add(new TemplateString.Text(loc(part), part.value()));
			}
			next();
			if (part.kind() == TokenKind.TEMPLATE_END) {
				return new TemplateString(loc(first), multiLine, parts);
			}
			if (tok().isTemplateContinuation()) {
				throw error(loc(tok()), "invalid template-string expression");
			}
			Expr expr = parseLiteral();
			checkInterpolation(expr);
			parts.add(new TemplateString.Interpolation(expr));
			if (!tok().isTemplateContinuation()) {
				throw error(loc(tok()), "expected } to end template string expression");
			}
			part = tok();
		}
	}

	private void checkInterpolation(Expr expr) {
		String problem = null;
		if (expr.negated()) {
			problem = "negation ('not')";
		}
		else if (expr.isUnification()) {
			problem = "unification ('=')";
		}
		else if (expr.isAssignment()) {
			problem = "assignment (':=')";
		}
		else if (expr.form() instanceof Every) {
			problem = "'every'";
		}
		else if (expr.form() instanceof SomeDecl || expr.form() instanceof SomeIn) {
			problem = "'some'";
		}
		if (problem != null) {
			throw error(expr.location(), "unexpected " + problem + " in template-string expression");
		}
	}

}
