package dev.cairn.rego.internal.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.cairn.rego.value.BoolValue;
import dev.cairn.rego.value.NullValue;
import dev.cairn.rego.value.NumberValue;
import dev.cairn.rego.value.StringValue;
import dev.cairn.rego.value.Value;

/**
 * Parses Go's {@code text/template} language for {@code strings.render_template}: text,
 * {@code {{pipeline}}} actions with trim markers and comments, variables, {@code if},
 * {@code range}, {@code with} (each with {@code else}), {@code break}, {@code continue},
 * {@code define}, {@code block} and {@code template}.
 */
final class GoTemplateParser {

	private final String src;

	private int pos;

	/** Named templates declared with {@code define} or {@code block}. */
	final Map<String, List<GoTemplate.Node>> defined;

	private GoTemplateParser(String src, Map<String, List<GoTemplate.Node>> defined) {
		this.src = src;
		this.defined = defined;
	}

	static List<GoTemplate.Node> parse(String src, Map<String, List<GoTemplate.Node>> defined) {
		GoTemplateParser p = new GoTemplateParser(src, defined);
		List<GoTemplate.Node> nodes = new ArrayList<>();
		String end = p.list(nodes, false);
		if (end != null) {
			throw error("unexpected {{" + end + "}}");
		}
		return nodes;
	}

	/**
	 * Parses nodes up to the end of input, or to {@code else}/{@code end} when inside a
	 * block; returns that keyword's action text ({@code null} at the end of input).
	 */
	private String list(List<GoTemplate.Node> out, boolean inBlock) {
		while (this.pos < this.src.length()) {
			int open = this.src.indexOf("{{", this.pos);
			if (open < 0) {
				out.add(new GoTemplate.Text(this.src.substring(this.pos)));
				this.pos = this.src.length();
				break;
			}
			String text = this.src.substring(this.pos, open);
			int start = open + 2;
			boolean trimLeft = this.src.startsWith("- ", start) || this.src.startsWith("-\t", start)
					|| this.src.startsWith("-\n", start);
			if (trimLeft) {
				text = text.stripTrailing();
				start += 2;
			}
			if (!text.isEmpty()) {
				out.add(new GoTemplate.Text(text));
			}
			int close = closing(start);
			int bodyEnd = close;
			boolean trimRight = close - 2 >= start && this.src.charAt(close - 1) == '-'
					&& Character.isWhitespace(this.src.charAt(close - 2));
			if (trimRight) {
				bodyEnd = close - 1;
			}
			String action = this.src.substring(start, bodyEnd).strip();
			this.pos = close + 2;
			if (trimRight) {
				while (this.pos < this.src.length() && Character.isWhitespace(this.src.charAt(this.pos))) {
					this.pos++;
				}
			}
			if (action.startsWith("/*")) {
				if (!action.endsWith("*/")) {
					throw error("unclosed comment");
				}
				continue;
			}
			String keyword = keyword(action);
			switch (keyword) {
				case "end", "else" -> {
					if (!inBlock) {
						throw error("unexpected {{" + keyword + "}}");
					}
					return action;
				}
				case "if", "with", "range" -> out.add(block(keyword, action.substring(keyword.length())));
				case "break" -> out.add(new GoTemplate.Break());
				case "continue" -> out.add(new GoTemplate.Continue());
				case "define", "block" -> {
					GoActionLexer lx = new GoActionLexer(action.substring(keyword.length()));
					String name = lx.stringLiteral("template name");
					GoTemplate.Pipeline arg = keyword.equals("block") ? lx.pipeline(false) : null;
					List<GoTemplate.Node> body = new ArrayList<>();
					String end = list(body, true);
					if (end == null || !"end".equals(end)) {
						throw error("missing {{end}} for " + keyword + " " + name);
					}
					this.defined.put(name, body);
					if (arg != null) {
						out.add(new GoTemplate.Invoke(name, arg));
					}
				}
				case "template" -> {
					GoActionLexer lx = new GoActionLexer(action.substring(keyword.length()));
					String name = lx.stringLiteral("template name");
					out.add(new GoTemplate.Invoke(name, lx.atEnd() ? null : lx.pipeline(false)));
				}
				default -> out.add(new GoTemplate.Action(new GoActionLexer(action).pipeline(true)));
			}
		}
		if (inBlock) {
			throw error("unexpected EOF");
		}
		return null;
	}

	private GoTemplate.Node block(String keyword, String rest) {
		GoTemplate.Pipeline condition = new GoActionLexer(rest).pipeline(true);
		List<GoTemplate.Node> then = new ArrayList<>();
		List<GoTemplate.Node> otherwise = new ArrayList<>();
		String end = list(then, true);
		if (end == null) {
			throw error("unexpected EOF in " + keyword);
		}
		if (end.startsWith("else")) {
			String chained = end.substring(4).strip();
			if (chained.startsWith("if ") || chained.startsWith("with ")) {
				// {{else if x}} is {{else}}{{if x}} ... sharing this block's {{end}}.
				String inner = keyword(chained);
				otherwise.add(block(inner, chained.substring(inner.length())));
			}
			else {
				end = list(otherwise, true);
				if (end == null || !"end".equals(end)) {
					throw error("expected {{end}} after {{else}} in " + keyword);
				}
			}
		}
		return switch (keyword) {
			case "if" -> new GoTemplate.If(condition, then, otherwise);
			case "with" -> new GoTemplate.With(condition, then, otherwise);
			default -> new GoTemplate.Range(condition, then, otherwise);
		};
	}

	/** The index of the {@code }}} closing an action that starts at {@code from}. */
	private int closing(int from) {
		int i = from;
		while (i < this.src.length()) {
			char c = this.src.charAt(i);
			if (c == '"' || c == '`' || c == '\'') {
				i = skipQuoted(i, c);
				continue;
			}
			if (this.src.startsWith("}}", i)) {
				return i;
			}
			i++;
		}
		throw error("unclosed action");
	}

	private int skipQuoted(int at, char quote) {
		int i = at + 1;
		while (i < this.src.length() && this.src.charAt(i) != quote) {
			i += (quote != '`' && this.src.charAt(i) == '\\') ? 2 : 1;
		}
		if (i >= this.src.length()) {
			throw error("unterminated quoted string");
		}
		return i + 1;
	}

	private static String keyword(String action) {
		int i = 0;
		while (i < action.length() && Character.isLetter(action.charAt(i))) {
			i++;
		}
		String word = action.substring(0, i);
		return switch (word) {
			case "if", "else", "end", "range", "with", "define", "block", "template", "break", "continue" -> word;
			default -> "";
		};
	}

	static RuntimeException error(String detail) {
		return Functions.builtinError("template: " + detail);
	}

	/** Tokens inside one action: a pipeline of commands. */
	static final class GoActionLexer {

		private final String s;

		private int i;

		GoActionLexer(String s) {
			this.s = s;
		}

		boolean atEnd() {
			skipSpace();
			return this.i >= this.s.length();
		}

		String stringLiteral(String what) {
			skipSpace();
			GoTemplate.Arg a = (this.i < this.s.length()) ? operand() : null;
			if (a instanceof GoTemplate.Literal l && l.value() instanceof StringValue sv) {
				return sv.value();
			}
			throw error("expected a quoted " + what);
		}

		GoTemplate.Pipeline pipeline(boolean declarations) {
			List<String> vars = new ArrayList<>();
			boolean assign = false;
			int mark = this.i;
			if (declarations) {
				skipSpace();
				while (peek() == '$') {
					String name = variableName();
					skipSpace();
					vars.add(name);
					if (peek() == ',') {
						this.i++;
						skipSpace();
						continue;
					}
					break;
				}
				skipSpace();
				if (!vars.isEmpty() && this.s.startsWith(":=", this.i)) {
					this.i += 2;
				}
				else if (!vars.isEmpty() && peek() == '=' && !this.s.startsWith("==", this.i)) {
					this.i++;
					assign = true;
				}
				else {
					vars.clear();
					this.i = mark;
				}
			}
			List<GoTemplate.Command> commands = new ArrayList<>();
			while (true) {
				List<GoTemplate.Arg> args = new ArrayList<>();
				while (true) {
					skipSpace();
					char c = peek();
					if (c == 0 || c == '|' || c == ')') {
						break;
					}
					args.add(operand());
				}
				if (args.isEmpty()) {
					throw error((commands.isEmpty()) ? "missing value for command" : "missing command after |");
				}
				commands.add(new GoTemplate.Command(args));
				if (peek() == '|') {
					this.i++;
					continue;
				}
				break;
			}
			return new GoTemplate.Pipeline(vars, assign, commands);
		}

		private GoTemplate.Arg operand() {
			GoTemplate.Arg base = primary();
			List<String> chain = new ArrayList<>();
			while (peek() == '.' && this.i + 1 < this.s.length() && isIdentStart(this.s.charAt(this.i + 1))) {
				this.i++;
				chain.add(identifier());
			}
			return chain.isEmpty() ? base : new GoTemplate.Chain(base, chain);
		}

		private GoTemplate.Arg primary() {
			char c = peek();
			if (c == '(') {
				this.i++;
				GoTemplate.Pipeline inner = pipeline(true);
				skipSpace();
				if (peek() != ')') {
					throw error("unclosed left paren");
				}
				this.i++;
				return new GoTemplate.Sub(inner);
			}
			if (c == '.') {
				this.i++;
				if (this.i < this.s.length() && isIdentStart(this.s.charAt(this.i))) {
					List<String> chain = new ArrayList<>();
					chain.add(identifier());
					while (peek() == '.' && this.i + 1 < this.s.length() && isIdentStart(this.s.charAt(this.i + 1))) {
						this.i++;
						chain.add(identifier());
					}
					return new GoTemplate.Chain(new GoTemplate.Dot(), chain);
				}
				return new GoTemplate.Dot();
			}
			if (c == '$') {
				return new GoTemplate.Variable(variableName());
			}
			if (c == '"' || c == '`') {
				return new GoTemplate.Literal(StringValue.of(quoted(c)));
			}
			if (c == '\'') {
				String ch = quoted('\'');
				return new GoTemplate.Literal(NumberValue.of(ch.codePointAt(0)));
			}
			if (c == '-' || c == '+' || Character.isDigit(c)) {
				return new GoTemplate.Literal(number());
			}
			if (isIdentStart(c)) {
				String word = identifier();
				return switch (word) {
					case "true" -> new GoTemplate.Literal(BoolValue.TRUE);
					case "false" -> new GoTemplate.Literal(BoolValue.FALSE);
					case "nil" -> new GoTemplate.Literal(NullValue.NULL);
					default -> new GoTemplate.Function(word);
				};
			}
			throw error("unexpected \"" + c + "\" in command");
		}

		private Value number() {
			int start = this.i;
			if (peek() == '-' || peek() == '+') {
				this.i++;
			}
			while (this.i < this.s.length() && (Character.isLetterOrDigit(this.s.charAt(this.i))
					|| this.s.charAt(this.i) == '.' || this.s.charAt(this.i) == '_')) {
				this.i++;
			}
			String text = this.s.substring(start, this.i).replace("_", "");
			try {
				if (text.matches("[+-]?0[xX][0-9a-fA-F]+")) {
					boolean negative = text.startsWith("-");
					String digits = text.replaceFirst("^[+-]?0[xX]", "");
					java.math.BigInteger v = new java.math.BigInteger(digits, 16);
					return NumberValue.of(negative ? v.negate() : v);
				}
				return NumberValue.parse(text);
			}
			catch (RuntimeException ex) {
				throw error("bad number syntax: \"" + text + "\"");
			}
		}

		private String quoted(char quote) {
			int start = this.i;
			this.i++;
			StringBuilder out = new StringBuilder();
			while (this.i < this.s.length() && this.s.charAt(this.i) != quote) {
				char c = this.s.charAt(this.i++);
				if (c == '\\' && quote != '`' && this.i < this.s.length()) {
					char e = this.s.charAt(this.i++);
					switch (e) {
						case 'n' -> out.append('\n');
						case 't' -> out.append('\t');
						case 'r' -> out.append('\r');
						case '\\', '"', '\'' -> out.append(e);
						default -> throw error("unknown escape sequence \\" + e);
					}
				}
				else {
					out.append(c);
				}
			}
			if (this.i >= this.s.length()) {
				throw error("unterminated quoted string at " + this.s.substring(start));
			}
			this.i++;
			return out.toString();
		}

		private String variableName() {
			this.i++;
			int start = this.i;
			while (this.i < this.s.length() && isIdentPart(this.s.charAt(this.i))) {
				this.i++;
			}
			return "$" + this.s.substring(start, this.i);
		}

		private String identifier() {
			int start = this.i;
			while (this.i < this.s.length() && isIdentPart(this.s.charAt(this.i))) {
				this.i++;
			}
			return this.s.substring(start, this.i);
		}

		private void skipSpace() {
			while (this.i < this.s.length() && Character.isWhitespace(this.s.charAt(this.i))) {
				this.i++;
			}
		}

		private char peek() {
			return (this.i < this.s.length()) ? this.s.charAt(this.i) : 0;
		}

		private static boolean isIdentStart(char c) {
			return Character.isLetter(c) || c == '_';
		}

		private static boolean isIdentPart(char c) {
			return Character.isLetterOrDigit(c) || c == '_';
		}

	}

}
