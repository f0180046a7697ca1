package dev.cairn.rego.internal.parser;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.cairn.rego.Location;
import dev.cairn.rego.ast.ArrayComprehension;
import dev.cairn.rego.ast.ArrayTerm;
import dev.cairn.rego.ast.Body;
import dev.cairn.rego.ast.BooleanTerm;
import dev.cairn.rego.ast.Call;
import dev.cairn.rego.ast.Expr;
import dev.cairn.rego.ast.Group;
import dev.cairn.rego.ast.Import;
import dev.cairn.rego.ast.ObjectComprehension;
import dev.cairn.rego.ast.ObjectTerm;
import dev.cairn.rego.ast.Package;
import dev.cairn.rego.ast.Ref;
import dev.cairn.rego.ast.Rule;
import dev.cairn.rego.ast.RuleHead;
import dev.cairn.rego.ast.SetComprehension;
import dev.cairn.rego.ast.SetTerm;
import dev.cairn.rego.ast.StringTerm;
import dev.cairn.rego.ast.Term;
import dev.cairn.rego.ast.Var;
import dev.cairn.rego.internal.lexer.Lexer;
import dev.cairn.rego.internal.lexer.Token;
import dev.cairn.rego.internal.lexer.TokenKind;

/**
 * Packages, imports and rules:
 *
 * <pre>
 * module   = package { import | rule }
 * package  = "package" path
 * import   = "import" path [ "as" var ]
 * rule     = [ "default" ] head [ rule-body { "{" body "}" } [ else ] ]
 * head     = path [ "(" args ")" ] [ "contains" infix | ( ":=" | "=" ) infix ]
 * rule-body = "if" ( "{" body "}" | literal ) | "{" body "}"
 * else     = "else" [ ( ":=" | "=" ) infix ] [ rule-body ] [ else ]
 * </pre>
 *
 * plus the checks OPA applies to v1 modules while parsing: {@code if} before bodies,
 * {@code contains} for multi-value rules, a value or a body for every rule, no keyword as
 * a rule name, and the constraints on default rules, imports and {@code else}.
 */
final class ModuleParser extends LiteralParser {

	/**
	 * Keywords a v1 module may import: the former future keywords, which v1 always has,
	 * and {@code not}, whose import allows negating groups: {@code not { a; b }}.
	 */
	private static final Set<String> FUTURE_KEYWORDS = Set.of("in", "every", "contains", "if", "not");

	/** Keywords OPA parses only when imported and enabled for experiments. */
	private static final Set<String> EXPERIMENTAL_KEYWORDS = Set.of("and", "or");

	/** Statements in source order, for attaching annotations. */
	final List<dev.cairn.rego.ast.Node> statements = new ArrayList<>();

	final Lexer lexer;

	private final boolean experimental;

	ModuleParser(String file, Lexer lexer, boolean experimental) {
		super(file, lexer.tokens());
		this.lexer = lexer;
		this.experimental = experimental;
	}

	record Parsed(Package pkg, List<Import> imports, List<Rule> rules) {
	}

	Parsed parseModule() {
		if (at(TokenKind.EOF)) {
			throw error(new Location(this.file, 1, 1), "empty module");
		}
		if (!atKeyword("package")) {
			throw error(loc(tok()), "package expected");
		}
		Package pkg = parsePackage();
		this.statements.add(pkg);
		List<Import> imports = new ArrayList<>();
		List<Rule> rules = new ArrayList<>();
		while (!at(TokenKind.EOF)) {
			forgetTerms();
			if (atKeyword("package")) {
				throw error(loc(tok()), "unexpected package");
			}
			if (atKeyword("import")) {
				Import imp = parseImport();
				imports.add(imp);
				this.statements.add(imp);
			}
			else {
				for (Rule rule : parseRule()) {
					rules.add(rule);
					this.statements.add(rule);
				}
			}
		}
		return new Parsed(pkg, imports, rules);
	}

	// package = "package" path

	private Package parsePackage() {
		Location at = loc(tok());
		next();
		Ref path = parsePath();
		List<Term> terms = new ArrayList<>();
		Term head = path.head();
		terms.add(new Var(head.location(), "data"));
		terms.add(new StringTerm(head.location(), ((Var) head).name()));
		for (Term t : path.terms().subList(1, path.terms().size())) {
			if (!(t instanceof StringTerm)) {
				throw error(t.location(), "unexpected " + t.typeName() + " token: expecting string");
			}
			terms.add(t);
		}
		return new Package(at, new Ref(head.location(), terms), List.of());
	}

	/** A dotted path whose first name may be a keyword ({@code package foo.as}). */
	private Ref parsePath() {
		Token first = tok();
		if (first.kind() != TokenKind.IDENT) {
			throw unexpected("");
		}
		next();
		Term term = parsePostfix(new Var(loc(first), first.text()), false);
		if (term instanceof Var v) {
			return new Ref(v.location(), List.of(v));
		}
		if (term instanceof Ref r && r.head() instanceof Var) {
			return r;
		}
		throw error(term.location(), "unexpected " + term.typeName() + " token: expecting ref");
	}

	// import = "import" path [ "as" var ]

	private Import parseImport() {
		Location at = loc(tok());
		next();
		Ref path = parsePath();
		for (Term t : path.terms().subList(1, path.terms().size())) {
			if (!(t instanceof StringTerm)) {
				throw error(t.location(), "unexpected " + t.typeName() + " token: expecting string");
			}
		}
		String root = ((Var) path.head()).name();
		if (!Set.of("data", "input", "future", "rego").contains(root)) {
			throw error(path.location(),
					"unexpected import path, must begin with one of: {data, future, input, rego}, got: " + root);
		}
		String alias = null;
		if (atKeyword("as")) {
			next();
			Token name = tok();
			if (name.kind() != TokenKind.IDENT || isKeyword(name) || refFollows()) {
				throw unexpected("expected var");
			}
			next();
			alias = name.text();
		}
		else if (!root.equals("future") && path.terms().size() > 1) {
			String last = ((StringTerm) path.terms().get(path.terms().size() - 1)).value();
			if (V1_KEYWORDS.contains(last)) {
				throw error(path.terms().get(path.terms().size() - 1).location(),
						"unexpected import path, must not end with a keyword, got: " + last
								+ " (hint: import a different path or use an alias)");
			}
		}
		Import imp = new Import(at, path, alias);
		if (root.equals("future")) {
			importFuture(imp);
		}
		else if (root.equals("rego")) {
			if (path.terms().size() != 2 || !"v1".equals(((StringTerm) path.terms().get(1)).value())) {
				throw error(path.location(), "invalid import `" + path.name() + "`, must be `rego.v1`");
			}
		}
		return imp;
	}

	/**
	 * {@code future.keywords} imports are no-ops in v1, except for {@code not}, which
	 * allows negated groups, and, when experiments are on, {@code and} and {@code or}.
	 */
	private void importFuture(Import imp) {
		List<Term> path = imp.path().terms();
		if (path.size() == 1 || !"keywords".equals(((StringTerm) path.get(1)).value())) {
			throw error(imp.path().location(), "invalid import, must be `future.keywords`");
		}
		if (imp.alias() != null) {
			throw error(imp.path().location(), "`future` imports cannot be aliased");
		}
		if (path.size() == 3) {
			String keyword = ((StringTerm) path.get(2)).value();
			if (this.experimental && EXPERIMENTAL_KEYWORDS.contains(keyword)) {
				this.logical = true;
				this.keywords.add(keyword);
			}
			else if (keyword.equals("not")) {
				this.logical = true;
			}
			else if (!FUTURE_KEYWORDS.contains(keyword)) {
				throw error(imp.path().location(), "unexpected keyword, must be one of [contains every if in not]");
			}
		}
	}

	// rule = [ "default" ] head [ rule-body { "{" body "}" } [ else ] ]

	private List<Rule> parseRule() {
		Location at = loc(tok());
		boolean isDefault = false;
		if (atKeyword("default")) {
			isDefault = true;
			next();
		}
		Head h = parseHead();
		RuleHead head = h.head;
		String kind = head.args().isEmpty() ? "rule" : "function";
		if (isDefault) {
			checkDefault(at, head);
			return List.of(new Rule(at, true, head, generatedBody(at), null, true, List.of()));
		}
		boolean hasIf = atKeyword("if");
		Body body;
		if (hasIf) {
			next();
			body = parseIfBody();
		}
		else if (at(TokenKind.LBRACE)) {
			parseBraces();
			throw error(at, "`if` keyword is required before " + kind + " body");
		}
		else {
			checkBodiless(at, h);
			return List.of(new Rule(at, false, head, generatedBody(at), null, true, List.of()));
		}
		Rule elseRule = null;
		if (atKeyword("else")) {
			if (!head.ref().isGround()) {
				throw error(loc(tok()), "else keyword cannot be used on rules with variables in head");
			}
			if (head.key() != null) {
				throw error(loc(tok()), "else keyword cannot be used on multi-value rules");
			}
			elseRule = parseElse(head);
		}
		List<Rule> rules = new ArrayList<>();
		rules.add(new Rule(at, false, head, body, elseRule, false, List.of()));
		// p if { a } { b } defines p twice, once for each body.
		while (at(TokenKind.LBRACE)) {
			if (elseRule != null) {
				throw unexpected("expected else keyword");
			}
			Location next = loc(tok());
			rules.add(new Rule(next, false, head, parseBraces(), null, false, List.of()));
		}
		return rules;
	}

	private record Head(RuleHead head, boolean bareName) {
	}

	// head = path [ "(" args ")" ] [ "contains" infix | ( ":=" | "=" ) infix ]

	private Head parseHead() {
		Token first = tok();
		Location at = loc(first);
		if (first.kind() != TokenKind.IDENT || (isKeyword(first) && !refFollows())) {
			// contains is a name everywhere but in rule heads, so OPA gets as far as the
			// rule.
			if (first.is("contains") && nextIsHeadOperator()) {
				throw error(at, "contains keyword cannot be used for rule name");
			}
			throw unexpected("");
		}
		next();
		Term term = parsePostfix(new Var(at, first.text()), true);
		Ref ref;
		List<Term> args = List.of();
		if (term instanceof Var v) {
			ref = new Ref(at, List.of(v));
		}
		else if (term instanceof Ref r && r.head() instanceof Var) {
			ref = r;
		}
		else if (term instanceof Call c && c.operator().head() instanceof Var) {
			ref = c.operator();
			args = c.args();
			if (args.isEmpty()) {
				throw error(at, "function " + ref.name() + " must have at least one argument");
			}
		}
		else {
			throw error(at, "rule head ref " + term.typeName() + " invalid");
		}
		if (atKeyword("contains")) {
			if (!args.isEmpty()) {
				throw unexpected("the contains keyword can only be used with multi-value rule definitions (e.g., "
						+ ref.name() + " contains <VALUE> { ... })");
			}
			next();
			Term key = parseInfix();
			return new Head(new RuleHead(at, ref, args, key, null, false, false), false);
		}
		if (at(TokenKind.ASSIGN) || at(TokenKind.UNIFY)) {
			boolean assign = at(TokenKind.ASSIGN);
			next();
			Term value = parseInfix();
			return new Head(new RuleHead(at, ref, args, null, value, assign, false), false);
		}
		return new Head(new RuleHead(at, ref, args, null, new BooleanTerm(at, true), false, true),
				ref.terms().size() == 1 && args.isEmpty());
	}

	private boolean nextIsHeadOperator() {
		if (this.pos + 1 >= this.tokens.size()) {
			return false;
		}
		TokenKind after = this.tokens.get(this.pos + 1).kind();
		return after == TokenKind.ASSIGN || after == TokenKind.UNIFY || after == TokenKind.LPAREN;
	}

	/**
	 * After {@code if}: a single literal, or a braced body. {@code p if { x }} would
	 * parse as a literal set, which is always true, so a set means a body, as in OPA.
	 */
	private Body parseIfBody() {
		int mark = this.pos;
		Location at = loc(tok());
		try {
			Expr expr = parseLiteral();
			if (!(expr.form() instanceof SetTerm) && !(expr.form() instanceof Group && !expr.negated())) {
				return new Body(at, List.of(expr));
			}
		}
		catch (ParseFailure ex) {
			this.pos = mark;
			if (!at(TokenKind.LBRACE)) {
				throw ex;
			}
		}
		this.pos = mark;
		return parseBraces();
	}

	private Body parseBraces() {
		expect(TokenKind.LBRACE, "expected {");
		Body body = parseBody(TokenKind.RBRACE);
		next();
		return body;
	}

	private static Body generatedBody(Location at) {
		return new Body(at, List.of(new Expr(at, false, new BooleanTerm(at, true), List.of())));
	}

	/** A rule without a body needs a value; OPA words each case its own way. */
	private void checkBodiless(Location at, Head h) {
		RuleHead head = h.head;
		if (head.key() != null || !head.valueGenerated() || !head.args().isEmpty()) {
			return;
		}
		if (h.bareName) {
			throw error(at, "var cannot be used for rule name");
		}
		if (head.ref().terms().size() == 2) {
			throw error(at, "`contains` keyword is required for partial set rules");
		}
		throw error(at, "rule must have value assignment and/or body declaration");
	}

	/**
	 * A default rule has a ground value and, for functions, distinct variables as
	 * arguments.
	 */
	private void checkDefault(Location at, RuleHead head) {
		if (head.valueGenerated() || head.value() == null) {
			throw error(at, "illegal default rule (must have a value)");
		}
		String found = nonGround(head.value());
		if (found != null) {
			throw error(at, "illegal default rule (value cannot contain " + found + ")");
		}
		Set<String> seen = new HashSet<>();
		for (Term arg : head.args()) {
			if (!(arg instanceof Var v)) {
				throw error(at, "illegal default rule (arguments cannot contain " + arg.typeName() + ")");
			}
			if (!v.isWildcard() && !seen.add(v.name())) {
				throw error(at, "illegal default rule (arguments cannot be repeated " + v.name() + ")");
			}
		}
	}

	/** The kind of the first variable, ref or call outside comprehensions, or null. */
	private static String nonGround(Term term) {
		if (term instanceof Var || term instanceof Ref || term instanceof Call) {
			return term.typeName();
		}
		List<Term> children = new ArrayList<>();
		if (term instanceof ArrayTerm a) {
			children.addAll(a.elements());
		}
		else if (term instanceof SetTerm s) {
			children.addAll(s.elements());
		}
		else if (term instanceof ObjectTerm o) {
			o.entries().forEach((e) -> {
				children.add(e.key());
				children.add(e.value());
			});
		}
		else if (term instanceof dev.cairn.rego.ast.TemplateString) {
			return "templatestring";
		}
		for (Term child : children) {
			String found = nonGround(child);
			if (found != null) {
				return found;
			}
		}
		return null;
	}

	/**
	 * else = "else" [ ( ":=" | "=" ) infix ] [ rule-body ] [ else ]. Built iteratively so
	 * a long chain cannot exhaust the stack.
	 */
	private Rule parseElse(RuleHead head) {
		List<Branch> branches = new ArrayList<>();
		int levels = 0;
		try {
			while (atKeyword("else")) {
				// Each branch nests the rule one level deeper.
				enter();
				levels++;
				branches.add(parseElseBranch(head));
			}
		}
		finally {
			leave(levels);
		}
		Rule rule = null;
		for (int i = branches.size() - 1; i >= 0; i--) {
			Branch b = branches.get(i);
			rule = new Rule(b.at(), false, b.head(), b.body(), rule, b.generated(), List.of());
		}
		return rule;
	}

	private record Branch(Location at, RuleHead head, Body body, boolean generated) {
	}

	private Branch parseElseBranch(RuleHead head) {
		Location at = loc(tok());
		next();
		RuleHead branchHead;
		if (at(TokenKind.LBRACE) || atKeyword("if")) {
			branchHead = head.withValue(at, new BooleanTerm(at, true), head.assign(), true);
		}
		else if (at(TokenKind.ASSIGN) || at(TokenKind.UNIFY)) {
			boolean assign = at(TokenKind.ASSIGN);
			next();
			branchHead = head.withValue(at, parseInfix(), assign, false);
		}
		else {
			throw unexpected("expected else value term or rule body");
		}
		Body body = null;
		if (atKeyword("if")) {
			next();
			if (at(TokenKind.LBRACE)) {
				body = parseBraces();
			}
			else if (at(TokenKind.EOF)) {
				throw unexpected("rule body expected");
			}
			else {
				Location literalAt = loc(tok());
				body = new Body(literalAt, List.of(parseLiteral()));
			}
		}
		else if (at(TokenKind.LBRACE)) {
			body = parseBraces();
		}
		return new Branch(at, branchHead, (body != null) ? body : generatedBody(at), body == null);
	}

}
