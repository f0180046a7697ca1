package dev.cairn.rego.internal.eval;

import dev.cairn.rego.ErrorCode;
import dev.cairn.rego.RegoException;
import dev.cairn.rego.ast.TemplateString;
import dev.cairn.rego.ast.Term;
import dev.cairn.rego.value.StringValue;
import dev.cairn.rego.value.Value;

/** Template strings ({@code $"..."}) evaluated to their text. */
final class TemplateStrings {

	private TemplateStrings() {
	}

	/**
	 * A template string's text: strings print bare, other values as Rego terms, and an
	 * undefined expression as {@code <undefined>}, as in OPA.
	 */
	static String text(Evaluator ev, TemplateString ts, Context ctx, Scope scope, Env env) {
		StringBuilder sb = new StringBuilder();
		for (TemplateString.Part part : ts.parts()) {
			if (part instanceof TemplateString.Text text) {
				sb.append(text.text());
				continue;
			}
			dev.cairn.rego.ast.Expr expr = ((TemplateString.Interpolation) part).expr();
			if (!(expr.form() instanceof Term term)) {
				throw new RegoException(ErrorCode.EVAL_INTERNAL_ERROR, expr.location(),
						"template expressions must be terms");
			}
			Context inner = expr.withs().isEmpty() ? ctx : ev.exprs.with(expr.withs(), ctx, scope, env);
			Value v = (inner != null) ? ev.terms.single(term, inner, scope, env) : null;
			sb.append((v == null) ? "<undefined>" : (v instanceof StringValue s) ? s.value() : v.toString());
		}
		return sb.toString();
	}

}
